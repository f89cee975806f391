package org.iom.dna.registry.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.iom.dna.platform.domain.PreconditionFailed;
import org.junit.jupiter.api.Test;

/** The ETag is the row's version; If-Match must name it (428 when missing, 412 when it names none). */
class VersionsTest {

    @Test
    void shouldTagAVersionWithItsNumber() {
        assertThat(Versions.tag(7).getValue()).isEqualTo("7");
    }

    @Test
    void shouldTagAVersionAsAStrongEntityTag() {
        assertThat(Versions.tag(7).isWeak()).isFalse();
    }

    @Test
    void shouldReadAQuotedEntityTag() {
        assertThat(Versions.required("\"3\"")).isEqualTo(3);
    }

    @Test
    void shouldReadAWeakEntityTag() {
        assertThat(Versions.required("W/\"3\"")).isEqualTo(3);
    }

    @Test
    void shouldReadAnUnquotedVersionWithSurroundingSpace() {
        assertThat(Versions.required(" 12 ")).isEqualTo(12);
    }

    @Test
    void shouldRequireIfMatchWhenItIsMissing() {
        assertThatThrownBy(() -> Versions.required(null))
                .isInstanceOfSatisfying(
                        PreconditionFailed.class, e -> assertThat(e.missing()).isTrue());
    }

    @Test
    void shouldRequireIfMatchWhenItIsBlank() {
        assertThatThrownBy(() -> Versions.required("  "))
                .isInstanceOfSatisfying(
                        PreconditionFailed.class, e -> assertThat(e.missing()).isTrue());
    }

    @Test
    void shouldRefuseAnIfMatchThatNamesNoVersionAsStale() {
        assertThatThrownBy(() -> Versions.required("\"abc\""))
                .isInstanceOfSatisfying(
                        PreconditionFailed.class, e -> assertThat(e.missing()).isFalse());
    }

    @Test
    void shouldRefuseTheWildcardAsStale() {
        // "*" would match any version and so defeat optimistic locking.
        assertThatThrownBy(() -> Versions.required("*"))
                .isInstanceOfSatisfying(
                        PreconditionFailed.class, e -> assertThat(e.missing()).isFalse());
    }
}
