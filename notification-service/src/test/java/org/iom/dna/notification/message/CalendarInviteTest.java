package org.iom.dna.notification.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import org.junit.jupiter.api.Test;

/**
 * The invite puts the appointment in the family's calendar at the centre's local time, and a later invite (a move,
 * a cancellation) updates that same entry instead of adding another. Each invite is read back with ical4j.
 */
class CalendarInviteTest {

    private static final UUID REQUEST = UUID.fromString("0f3e1c52-7d4b-4a8e-9c21-5b6a7d8e9f01");
    private static final Instant STARTS_AT = Instant.parse("2026-12-10T05:30:00Z"); // 08:30 in Addis Ababa

    @Test
    void shouldAskToAddTheAppointment() throws Exception {
        Calendar calendar = parse(CalendarInvite.request(appointment(0)));

        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue())
                .isEqualTo("REQUEST");
    }

    @Test
    void shouldCancelWithMethodCancel() throws Exception {
        CalendarInvite invite = CalendarInvite.cancel(appointment(1));
        Calendar calendar = parse(invite);

        assertThat(invite.method()).isEqualTo("CANCEL");
        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue())
                .isEqualTo("CANCEL");
        assertThat(event(calendar).getProperty(Property.STATUS).orElseThrow().getValue())
                .isEqualTo("CANCELLED");
    }

    @Test
    void shouldStartAtTheCentresLocalTimeInItsZone() throws Exception {
        VEvent event = event(parse(CalendarInvite.request(appointment(0))));

        DtStart<?> dtStart = event.getStartDate().orElseThrow();
        ZonedDateTime start = (ZonedDateTime) dtStart.getDate();
        assertThat(dtStart.getParameter(Parameter.TZID).orElseThrow().getValue())
                .isEqualTo("Africa/Addis_Ababa");
        assertThat(start.toLocalDateTime()).hasToString("2026-12-10T08:30");
    }

    @Test
    void shouldWriteTheCentresWallClockTime() {
        String ics = CalendarInvite.request(appointment(0)).ics();

        assertThat(ics).contains("DTSTART;TZID=Africa/Addis_Ababa:20261210T083000");
    }

    @Test
    void shouldCarryTheCentresTimeZoneDefinition() throws Exception {
        Calendar calendar = parse(CalendarInvite.request(appointment(0)));

        VTimeZone zone = calendar.<VTimeZone>getComponents("VTIMEZONE").get(0);
        assertThat(zone.getProperty(Property.TZID).orElseThrow().getValue()).isEqualTo("Africa/Addis_Ababa");
    }

    @Test
    void shouldCarryTheAppointmentsSequence() throws Exception {
        VEvent event = event(parse(CalendarInvite.request(appointment(3))));

        assertThat(event.getProperty(Property.SEQUENCE).orElseThrow().getValue())
                .isEqualTo("3");
    }

    @Test
    void shouldKeepTheSameUidWhenTheAppointmentMoves() throws Exception {
        VEvent first = event(parse(CalendarInvite.request(appointment(0))));
        VEvent moved = event(parse(CalendarInvite.request(appointment(1))));

        assertThat(moved.getProperty(Property.UID).orElseThrow().getValue())
                .isEqualTo(first.getProperty(Property.UID).orElseThrow().getValue());
    }

    @Test
    void shouldGiveEachMemberTheirOwnUid() {
        assertThat(CalendarInvite.uid(REQUEST, "P-1")).isNotEqualTo(CalendarInvite.uid(REQUEST, "P-2"));
    }

    @Test
    void shouldLastAsLongAsTheAppointment() throws Exception {
        VEvent event = event(parse(CalendarInvite.request(appointment(0))));

        ZonedDateTime start = (ZonedDateTime) event.getStartDate().orElseThrow().getDate();
        ZonedDateTime end = (ZonedDateTime) event.getEndDate().orElseThrow().getDate();
        assertThat(Duration.between(start, end)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void shouldSendTheInviteToTheRecipient() throws Exception {
        VEvent event = event(parse(CalendarInvite.request(appointment(0))));

        assertThat(event.getProperty(Property.ATTENDEE).orElseThrow().getValue())
                .isEqualTo("mailto:selam@families.test");
    }

    private static CalendarInvite.Appointment appointment(int sequence) {
        return new CalendarInvite.Appointment(
                REQUEST,
                "P-100231",
                sequence,
                "Africa/Addis_Ababa",
                STARTS_AT,
                Duration.ofMinutes(30),
                "DNA sampling appointment (IOM)",
                "IOM Migration Health Assessment Centre ET-ADD",
                "Bring the IND's letter. Reference P-100231.",
                "appointments@dna-sampling.iom.example",
                "selam@families.test");
    }

    private static Calendar parse(CalendarInvite invite) throws Exception {
        return new CalendarBuilder().build(new StringReader(invite.ics()));
    }

    private static VEvent event(Calendar calendar) {
        return calendar.<VEvent>getComponents("VEVENT").get(0);
    }
}
