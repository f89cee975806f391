package org.iom.dna.notification.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.iom.dna.notification.config.NotificationConfig;

/** Looks for messages whose delivery receipt is overdue ({@code notification.receipt-timeout}). */
@ApplicationScoped
public class ReceiptWatch {

    private final DeliveryOutcomes outcomes;
    private final Duration timeout;

    ReceiptWatch(DeliveryOutcomes outcomes, NotificationConfig config) {
        this.outcomes = outcomes;
        this.timeout = config.receiptTimeout();
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void giveUpOnOverdueReceipts() {
        Instant sentBefore = Instant.now().minus(timeout);
        while (outcomes.receiptsOverdue(sentBefore) > 0) {
            // a batch at a time, each in a transaction of its own
        }
    }
}
