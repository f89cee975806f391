package org.iom.dna.notification.message;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * The calendar invite an e-mail carries (iCalendar with iTIP: METHOD REQUEST for a booking or a move, METHOD CANCEL
 * for a cancellation), so the appointment lands in the family's calendar and moves or disappears with it.
 *
 * <p>The UID is stable for one member of one sampling request: every appointment the family is given replaces the
 * previous one in the member's calendar instead of adding another, and SEQUENCE (the appointment's sequence, which
 * grows with every new appointment) tells calendars which version is newest. Times are in the centre's zone, with
 * its VTIMEZONE.
 */
public record CalendarInvite(String method, String ics) {

    public static final String MEDIA_TYPE = "text/calendar";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");
    private static final String DOMAIN = "dna-sampling.iom.example";
    private static final TimeZoneRegistry ZONES =
            TimeZoneRegistryFactory.getInstance().createRegistry();

    /** What the invite is about; {@code recipient} is the address the invite goes to. */
    public record Appointment(
            UUID requestId,
            String memberRef,
            int sequence,
            String zone,
            Instant startsAt,
            Duration length,
            String summary,
            String place,
            String description,
            String organizer,
            String recipient) {}

    public static CalendarInvite request(Appointment appointment) {
        return of(ImmutableMethod.REQUEST, appointment);
    }

    public static CalendarInvite cancel(Appointment appointment) {
        return of(ImmutableMethod.CANCEL, appointment);
    }

    /** The recipient as a calendar address; none for an address that is not one (the mail server refuses it). */
    private static Optional<URI> mailto(String address) {
        try {
            return Optional.of(new URI("mailto", address, null));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The UID of a member's appointment, the same across every move. */
    public static String uid(UUID requestId, String memberRef) {
        return requestId + "-" + memberRef + "@" + DOMAIN;
    }

    private static CalendarInvite of(Method method, Appointment a) {
        ZonedDateTime start = a.startsAt().atZone(ZoneId.of(a.zone()));
        // tzdata makes many zones links to another (Africa/Addis_Ababa to Africa/Nairobi); the registry then gives
        // the other zone's definition. The copy carries the centre's own zone id, so that DTSTART's TZID names a
        // VTIMEZONE in the invite and calendars do not guess.
        VTimeZone vtimezone = ZONES.getTimeZone(a.zone()).getVTimeZone().copy();
        vtimezone.replace(new TzId(a.zone()));
        // The start is written as the centre's wall-clock time with its TZID, as calendars expect. (Handing ical4j
        // a ZonedDateTime makes it convert through its own reading of the zone, which gets Africa/Nairobi's
        // 1930s offsets wrong: 08:15 instead of 08:30.)
        VEvent event = new VEvent();
        event.add(new DtStart<>(
                new ParameterList(List.of(new net.fortuna.ical4j.model.parameter.TzId(a.zone()))),
                LOCAL.format(start)));
        event.add(new net.fortuna.ical4j.model.property.Duration(a.length()));
        event.add(new Summary(a.summary()));
        event.add(new Uid(uid(a.requestId(), a.memberRef())));
        event.add(new Sequence(a.sequence()));
        event.add(new Location(a.place()));
        event.add(new Description(a.description()));
        event.add(new Organizer(URI.create("mailto:" + a.organizer())));
        mailto(a.recipient()).ifPresent(address -> event.add(new Attendee(address)));
        event.add(
                method == ImmutableMethod.CANCEL ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//IOM//DNA sampling appointments//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(method);
        calendar.add(vtimezone);
        calendar.add(event);
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CalendarInvite(method.getValue(), out.toString());
    }
}
