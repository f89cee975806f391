package org.iom.dna.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Swagger UI's login finds the realm that checks tokens in this deployment. */
class OidcDiscoveryTest {

    @Test
    void shouldAppendTheWellKnownPathToTheRealm() {
        assertThat(OidcDiscovery.discoveryUrl("https://login.iom.example/realms/dna"))
                .isEqualTo("https://login.iom.example/realms/dna/.well-known/openid-configuration");
    }

    @Test
    void shouldNotDoubleTheSlashWhenTheRealmEndsWithOne() {
        assertThat(OidcDiscovery.discoveryUrl("https://login.iom.example/realms/dna//"))
                .isEqualTo("https://login.iom.example/realms/dna/.well-known/openid-configuration");
    }
}
