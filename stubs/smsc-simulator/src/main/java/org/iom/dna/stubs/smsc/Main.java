package org.iom.dna.stubs.smsc;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -Dsmsc.smpp.port=2775 -Dsmsc.http.port=8027 -jar smsc-simulator.jar}; SIGTERM stops it. */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {}

    public static void main(String[] args) throws Exception {
        SmscConfig config = SmscConfig.fromSystemProperties();
        SmscSimulator simulator;
        try {
            simulator = SmscSimulator.start(config);
        } catch (Exception e) {
            LOG.error("could not start: {}", e.toString());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            LOG.info("stopping");
                            simulator.close();
                            stopped.countDown();
                        },
                        "smsc-shutdown"));
        LOG.info(
                "ready: SMPP {}:{} (system_id {}), receipts after {} ms, destinations ending in {} undeliverable;"
                        + " received SMS at http://{}:{}/api/messages",
                config.host(),
                simulator.smppPort(),
                config.systemId(),
                config.receiptDelay().toMillis(),
                config.undeliverableSuffix(),
                config.host(),
                simulator.httpPort());
        stopped.await();
    }
}
