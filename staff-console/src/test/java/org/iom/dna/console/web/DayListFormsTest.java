package org.iom.dna.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.iom.dna.console.api.SchedulingApi;
import org.junit.jupiter.api.Test;

/** What the day list's forms send to scheduling: only the fields the chosen outcome takes. */
class DayListFormsTest {

    private static DayListPage.AttendanceForm form(String attendance) {
        DayListPage.AttendanceForm form = new DayListPage.AttendanceForm();
        form.attendance = attendance;
        form.memberRef = "P-1";
        form.identityVerified = "true";
        form.consentGivenBy = " P-1 ";
        form.kitNumber = " KIT-1 ";
        form.correctionReason = " ";
        return form;
    }

    @Test
    void shouldSendIdentityConsentAndKitWithASample() {
        SchedulingApi.AttendanceEntry entry = form("SAMPLED").entry();
        assertThat(entry).isEqualTo(new SchedulingApi.AttendanceEntry("SAMPLED", true, "P-1", "KIT-1", null));
    }

    @Test
    void shouldSendOnlyTheIdentityCheckOnArrival() {
        assertThat(form("CHECKED_IN").entry())
                .isEqualTo(new SchedulingApi.AttendanceEntry("CHECKED_IN", true, null, null, null));
        DayListPage.AttendanceForm unchecked = form("CHECKED_IN");
        unchecked.identityVerified = null;
        assertThat(unchecked.entry().identityVerified()).isFalse();
    }

    @Test
    void shouldNeverClaimAVerifiedIdentityForAMismatchOrANoShow() {
        assertThat(form("IDENTITY_MISMATCH").entry())
                .isEqualTo(new SchedulingApi.AttendanceEntry("IDENTITY_MISMATCH", null, null, null, null));
        assertThat(form("NO_SHOW").entry().identityVerified()).isNull();
    }
}
