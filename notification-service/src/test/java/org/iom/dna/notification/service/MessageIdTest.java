package org.iom.dna.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.iom.dna.notification.domain.Delivery;
import org.junit.jupiter.api.Test;

/**
 * SMTP has no idempotency: a message re-sent after a crash carries the same Message-ID, so mail
 * systems and clients show the family one message.
 */
class MessageIdTest {

    @Test
    void shouldDeriveTheMessageIdFromTheDelivery() {
        Delivery delivery = new Delivery();
        delivery.id = UUID.fromString("5e4d3c2b-1a0f-4e9d-8c7b-6a5f4e3d2c1b");

        assertThat(DeliveryDispatcher.messageId(delivery))
                .isEqualTo("<5e4d3c2b-1a0f-4e9d-8c7b-6a5f4e3d2c1b@dna-sampling.iom.example>");
    }

    @Test
    void shouldGiveTheSameMessageIdEveryTimeTheDeliveryIsSent() {
        Delivery delivery = new Delivery();
        delivery.id = UUID.randomUUID();

        assertThat(DeliveryDispatcher.messageId(delivery)).isEqualTo(DeliveryDispatcher.messageId(delivery));
    }

    @Test
    void shouldGiveEachDeliveryItsOwnMessageId() {
        Delivery first = new Delivery();
        first.id = UUID.randomUUID();
        Delivery second = new Delivery();
        second.id = UUID.randomUUID();

        assertThat(DeliveryDispatcher.messageId(first)).isNotEqualTo(DeliveryDispatcher.messageId(second));
    }
}
