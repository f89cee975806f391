package org.iom.dna.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The IND can check that a webhook comes from us and was not changed on the way (Standard Webhooks). */
class WebhookSignatureTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330;
    private static final String BODY = "{\"test\": 2432232314}";

    @Test
    void shouldSignAsTheStandardWebhooksSpecificationsExample() {
        assertThat(WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void shouldVerifyItsOwnSignature() {
        String signature = WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY);

        assertThat(WebhookSignature.verify(SECRET, ID, TIMESTAMP, BODY, signature))
                .isTrue();
    }

    @Test
    void shouldRefuseAChangedBody() {
        String signature = WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY);

        assertThat(WebhookSignature.verify(SECRET, ID, TIMESTAMP, "{\"test\": 1}", signature))
                .isFalse();
    }

    @Test
    void shouldRefuseAnotherTimestamp() {
        String signature = WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY);

        assertThat(WebhookSignature.verify(SECRET, ID, TIMESTAMP + 1, BODY, signature))
                .isFalse();
    }

    @Test
    void shouldRefuseAnotherSecret() {
        String signature = WebhookSignature.sign(WebhookSignature.newSecret(), ID, TIMESTAMP, BODY);

        assertThat(WebhookSignature.verify(SECRET, ID, TIMESTAMP, BODY, signature))
                .isFalse();
    }

    @Test
    void shouldAcceptAnyOfSeveralSignaturesDuringAKeyChange() {
        String header = "v1,bm90IHRoZSByaWdodCBvbmU= " + WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY);

        assertThat(WebhookSignature.verify(SECRET, ID, TIMESTAMP, BODY, header)).isTrue();
    }

    @Test
    void shouldGiveEverySubscriptionItsOwnSecret() {
        assertThat(WebhookSignature.newSecret()).startsWith("whsec_").isNotEqualTo(WebhookSignature.newSecret());
    }
}
