package org.iom.dna.notification.message;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.SimpleDateFormat;
import com.ibm.icu.util.EthiopicCalendar;
import com.ibm.icu.util.TimeZone;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.iom.dna.notification.client.MemberContact;
import org.iom.dna.notification.config.NotificationConfig;
import org.iom.dna.notification.domain.Delivery;
import org.jboss.logging.Logger;

/**
 * Writes a delivery's message for its recipient: in the member's language (English, with a warning in the log,
 * when the language has no catalogue), the date and time in the centre's zone written the way that language writes
 * them, the zone's name, the Ethiopian date for Amharic and Tigrinya readers, right-to-left text marked as such,
 * and the calendar invite.
 */
@ApplicationScoped
public class NoticeWriter {

    private static final Logger LOG = Logger.getLogger(NoticeWriter.class);
    /** RIGHT-TO-LEFT MARK: starts a paragraph right to left where no markup can say so (SMS, plain text). */
    private static final char RLM = '\u200F';

    private final Template emailText;
    private final Template emailHtml;
    private final Duration appointmentLength;
    private final String organizer;
    private final ConcurrentMap<String, FamilyMessages> catalogues = new ConcurrentHashMap<>();

    NoticeWriter(
            @Location("notice/email.txt") Template emailText,
            @Location("notice/email.html") Template emailHtml,
            NotificationConfig config) {
        this.emailText = emailText;
        this.emailHtml = emailHtml;
        this.appointmentLength = config.appointmentLength();
        this.organizer = config.organizer();
    }

    /** Who the message is written to: the member, or the proxy who passes it on. */
    public record Recipient(String name, boolean proxy, String address) {}

    /** What the templates show, already written in the recipient's language. */
    @TemplateData
    public record View(
            String kind,
            String greeting,
            String intro,
            String place,
            String date,
            String ethiopianDate,
            String time,
            String ref,
            boolean waiting,
            boolean cancelled,
            boolean rightToLeft,
            String lang) {}

    public Notice write(Delivery delivery, MemberContact contact, Recipient recipient) {
        Language language = languageOf(contact, delivery);
        FamilyMessages msg = catalogue(language);
        NoticeKind kind = NoticeKind.of(delivery.kind);
        boolean waiting = kind == NoticeKind.FAMILY_WAITLISTED; // no appointment yet: no date, time or place
        String date = null;
        String time = null;
        String zoneName = null;
        String ethiopian = null;
        String place = null;
        if (!waiting) {
            Date startsAt = Date.from(delivery.startsAt);
            TimeZone zone = TimeZone.getTimeZone(delivery.zone);
            date = format(DateFormat.getDateInstance(DateFormat.FULL, language.formats()), zone, startsAt);
            time = format(DateFormat.getTimeInstance(DateFormat.SHORT, language.formats()), zone, startsAt);
            zoneName = format(new SimpleDateFormat("zzzz", language.formats()), zone, startsAt);
            ethiopian = language.ethiopianCalendar()
                    ? msg.ethiopian_date(format(
                            DateFormat.getDateInstance(
                                    new EthiopicCalendar(zone, language.formats()),
                                    DateFormat.FULL,
                                    language.formats()),
                            zone,
                            startsAt))
                    : null;
            place = delivery.location != null ? delivery.location : msg.centre(delivery.centreCode);
        }
        String ref = delivery.memberRef;
        String memberName = contact.givenName();
        // A waiting family with a day held tentatively is told the day expected, which may still change.
        String expected = waiting && delivery.startsAt != null
                ? format(
                        DateFormat.getDateInstance(DateFormat.LONG, language.formats()),
                        TimeZone.getTimeZone(delivery.zone),
                        Date.from(delivery.startsAt))
                : null;

        String subject = switch (kind) {
            case APPOINTMENT_CONFIRMATION -> msg.subject_confirmation(date);
            case APPOINTMENT_MOVED -> msg.subject_moved(date);
            case APPOINTMENT_CANCELLED -> msg.subject_cancelled(date);
            case APPOINTMENT_REMINDER -> msg.subject_reminder(date);
            case FAMILY_WAITLISTED -> msg.subject_waitlisted();
        };
        String intro = switch (kind) {
            case APPOINTMENT_CONFIRMATION -> msg.intro_confirmation();
            case APPOINTMENT_MOVED -> msg.intro_moved();
            case APPOINTMENT_CANCELLED -> msg.intro_cancelled();
            case APPOINTMENT_REMINDER -> msg.intro_reminder();
            case FAMILY_WAITLISTED ->
                expected == null ? msg.intro_waitlisted() : msg.intro_waitlisted() + " " + msg.expected_date(expected);
        };
        String sms = switch (kind) {
            case APPOINTMENT_CONFIRMATION -> msg.sms_confirmation(date, time, zoneName, place, ref);
            case APPOINTMENT_MOVED -> msg.sms_moved(date, time, zoneName, place, ref);
            case APPOINTMENT_CANCELLED -> msg.sms_cancelled(date, ref);
            case APPOINTMENT_REMINDER -> msg.sms_reminder(date, time, zoneName, place, ref);
            case FAMILY_WAITLISTED ->
                expected == null ? msg.sms_waitlisted(ref) : msg.sms_waitlisted_expected(expected, ref);
        };
        if (recipient.proxy()) {
            sms = msg.sms_proxy_prefix(memberName) + " " + sms;
        }
        String greeting =
                recipient.proxy() ? msg.greeting_proxy(recipient.name(), memberName) : msg.greeting(recipient.name());
        View view = new View(
                kind.name(),
                greeting,
                intro,
                place,
                date,
                ethiopian,
                waiting ? null : msg.time_in_zone(time, zoneName),
                ref,
                waiting,
                kind == NoticeKind.APPOINTMENT_CANCELLED,
                language.rightToLeft(),
                language.tag());

        String text = emailText.data("n", view).setLocale(language.locale()).render();
        String html = emailHtml.data("n", view).setLocale(language.locale()).render();
        Optional<CalendarInvite> invite =
                kind == NoticeKind.APPOINTMENT_REMINDER || waiting || recipient.address() == null
                        ? Optional.empty()
                        : Optional.of(invite(delivery, kind, msg, place, ref, recipient.address()));
        if (language.rightToLeft()) {
            text = markRightToLeft(text);
            sms = RLM + sms;
        }
        return new Notice(language, subject, text, html, sms, invite);
    }

    private CalendarInvite invite(
            Delivery delivery, NoticeKind kind, FamilyMessages msg, String place, String ref, String address) {
        CalendarInvite.Appointment appointment = new CalendarInvite.Appointment(
                delivery.requestId,
                delivery.memberRef,
                delivery.sequence,
                delivery.zone,
                delivery.startsAt,
                appointmentLength,
                msg.calendar_summary(),
                place,
                msg.calendar_description(ref),
                organizer,
                address);
        return kind == NoticeKind.APPOINTMENT_CANCELLED
                ? CalendarInvite.cancel(appointment)
                : CalendarInvite.request(appointment);
    }

    /** The member's language, or English (logged: the country office should add the catalogue or fix the case). */
    static Language languageOf(MemberContact contact, Delivery delivery) {
        Optional<Language> language = Language.of(contact.language());
        if (language.isEmpty()) {
            LOG.warnf(
                    "no message catalogue for language '%s' (delivery %s): writing in English",
                    contact.language(), delivery.id);
        }
        return language.orElse(Language.ENGLISH);
    }

    private FamilyMessages catalogue(Language language) {
        return catalogues.computeIfAbsent(
                language.tag(),
                tag -> language == Language.ENGLISH
                        ? MessageBundles.get(FamilyMessages.class)
                        : MessageBundles.get(FamilyMessages.class, Localized.Literal.of(tag)));
    }

    private static String format(DateFormat format, TimeZone zone, Date instant) {
        format.setTimeZone(zone);
        return format.format(instant);
    }

    /** Starts every line right to left, so that mail clients showing plain text align and order it right. */
    private static String markRightToLeft(String text) {
        return text.lines()
                        .map(line -> line.isBlank() ? line : RLM + line)
                        .reduce((a, b) -> a + "\n" + b)
                        .orElse("") + "\n";
    }
}
