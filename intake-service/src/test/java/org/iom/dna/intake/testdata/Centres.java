package org.iom.dna.intake.testdata;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.iom.dna.events.CentreChangedV1;

/** The registry's centres as intake learns of them: CentreChangedV1 events, with codes of their own per test. */
public final class Centres {

    private Centres() {}

    /**
     * A code no other test, nor an earlier run, uses, such as {@code ET-QK3J9X2M0AB}: no real centre's code starts
     * with Q, and a centre event a test published to the broker may still be read by the next run.
     */
    public static String freshCode(String country) {
        return country + "-Q" + unique();
    }

    /** A city no other test's centre or member is in, for lookups nothing else can answer. */
    public static String freshCity() {
        return "Intake Test City " + unique();
    }

    private static String unique() {
        String digits = Long.toString(UUID.randomUUID().getMostSignificantBits() & Long.MAX_VALUE, 36);
        return digits.substring(0, Math.min(10, digits.length())).toUpperCase(Locale.ROOT);
    }

    public static CentreChangedV1 changed(String code, String city, String status, Instant changedAt) {
        return new CentreChangedV1(
                code,
                "IOM MHAC " + city,
                code.substring(0, 2),
                city,
                "Africa/Addis_Ababa",
                status,
                changedAt,
                List.of("am", "en"),
                List.of());
    }

    public static CentreChangedV1 active(String code, String city) {
        return changed(code, city, "ACTIVE", Instant.now());
    }
}
