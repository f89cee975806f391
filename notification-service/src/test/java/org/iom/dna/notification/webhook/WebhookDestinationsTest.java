package org.iom.dna.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A registered URL can never make the service call into its own network (server-side request forgery): every form
 * of loopback, link-local, private and reserved address, odd numeric host and non-http scheme is refused, without
 * connecting anywhere. Hosts here are literals, so nothing depends on DNS.
 */
class WebhookDestinationsTest {

    private final WebhookDestinations production = new WebhookDestinations(false, List.of());

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://127.0.0.1/hook",
                "https://127.1.2.3/hook",
                "https://[::1]/hook",
                "https://0x7f000001/hook",
                "https://2130706433/hook",
                "https://0177.0.0.1/hook",
                "https://0x7f.1/hook",
                "https://169.254.169.254/latest/meta-data/",
                "https://[fe80::1]/hook",
                "https://10.1.2.3/hook",
                "https://172.16.0.1/hook",
                "https://192.168.1.10/hook",
                "https://100.64.0.1/hook",
                "https://0.0.0.0/hook",
                "https://[::]/hook",
                "https://[::ffff:127.0.0.1]/hook",
                "https://[::ffff:169.254.169.254]/hook",
                "https://[fd00::1]/hook",
                "https://224.0.0.1/hook",
                "https://255.255.255.255/hook",
                "https://localhost/hook"
            })
    void shouldRefuseAnAddressThatIsNotPublic(String url) {
        assertThat(production.refusal(url)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "file:///etc/passwd",
                "ftp://93.184.216.34/hook",
                "gopher://93.184.216.34/",
                "jar:https://93.184.216.34/x.jar!/",
                "http://93.184.216.34/hook",
                "//93.184.216.34/hook",
                "not a url"
            })
    void shouldRefuseEverySchemeButHttps(String url) {
        assertThat(production.refusal(url)).isPresent();
    }

    @Test
    void shouldRefuseAUrlWithAUserAndPassword() {
        assertThat(production.refusal("https://ind:secret@93.184.216.34/hook")).isPresent();
    }

    @Test
    void shouldAcceptHttpsToAPublicAddress() {
        assertThat(production.refusal("https://93.184.216.34/dna-sampling/hook"))
                .isEmpty();
    }

    @Test
    void shouldAcceptPlainHttpOnlyWhereConfigured() {
        WebhookDestinations local = new WebhookDestinations(true, List.of());

        assertThat(local.refusal("http://93.184.216.34/hook")).isEmpty();
        assertThat(local.refusal("http://127.0.0.1/hook")).isPresent();
    }

    @Test
    void shouldAcceptATrustedDestinationOnItsPortOnly() {
        WebhookDestinations local = new WebhookDestinations(true, List.of("127.0.0.1:8028"));

        assertThat(local.refusal("http://127.0.0.1:8028/webhooks")).isEmpty();
        assertThat(local.refusal("http://127.0.0.1:8029/webhooks")).isPresent();
        assertThat(local.refusal("http://localhost:8028/webhooks")).isPresent();
    }

    @Test
    void shouldSayWhyWithoutEchoingTheUrl() {
        assertThat(production.refusal("https://169.254.169.254/latest/meta-data/"))
                .get()
                .asString()
                .doesNotContain("169.254");
    }
}
