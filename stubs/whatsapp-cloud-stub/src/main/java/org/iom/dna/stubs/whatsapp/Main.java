package org.iom.dna.stubs.whatsapp;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -Dwhatsapp.port=8029 -Dwhatsapp.callback-url=... -jar whatsapp-cloud-stub.jar}; SIGTERM stops it. */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {}

    public static void main(String[] args) throws Exception {
        WhatsAppConfig config;
        WhatsAppCloudStub stub;
        try {
            config = WhatsAppConfig.fromSystemProperties();
            stub = WhatsAppCloudStub.start(config);
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
                            stub.close();
                            stopped.countDown();
                        },
                        "whatsapp-shutdown"));
        LOG.info(
                "ready: Cloud API http://{}:{}/<version>/{}/messages; status webhooks to {} after {} ms;"
                        + " recipients ending in {} fail, in {} are refused; received messages at"
                        + " http://{}:{}/api/messages",
                config.host(),
                stub.port(),
                config.phoneNumberId(),
                config.callbackUrl(),
                config.statusDelay().toMillis(),
                config.failedSuffix(),
                config.refusedSuffix(),
                config.host(),
                stub.port());
        stopped.await();
    }
}
