package org.iom.dna.notification.daylist;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.iom.dna.notification.client.RegistryClient;
import org.iom.dna.notification.client.SchedulingClient;
import org.iom.dna.notification.config.NotificationConfig;
import org.jboss.logging.Logger;

/**
 * Each afternoon (at {@code notification.day-list.send-at}, in each centre's own zone) every active centre with a
 * day-list mailbox is e-mailed the list of the next day's appointments: times, references, age bands, needs and the
 * language an interpreter must speak; no names (staff match people to references with the letters they bring). A
 * list that changes after it went out is sent again, marked as an update; an unchanged one never twice; a day with
 * nobody booked sends nothing. The registry and scheduling are asked with this service's own token; if either is
 * away, the next pass tries again.
 */
@ApplicationScoped
public class DayListMailer {

    private static final Logger LOG = Logger.getLogger(DayListMailer.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.UK);

    private final RegistryClient registry;
    private final SchedulingClient scheduling;
    private final Mailer mailer;
    private final Template text;
    private final Template html;
    private final LocalTime sendAt;

    DayListMailer(
            @RestClient RegistryClient registry,
            @RestClient SchedulingClient scheduling,
            Mailer mailer,
            @Location("daylist/day-list.txt") Template text,
            @Location("daylist/day-list.html") Template html,
            NotificationConfig config) {
        this.registry = registry;
        this.scheduling = scheduling;
        this.mailer = mailer;
        this.text = text;
        this.html = html;
        this.sendAt = config.dayList().sendAt();
    }

    /** One line of the list: a member at their time. */
    @TemplateData
    public record Line(String time, String memberRef, String ageBand, String comesWith, String needs, String place) {}

    /** What the templates show. */
    @TemplateData
    public record View(
            String centre, String date, boolean update, int families, int members, boolean empty, List<Line> lines) {}

    @Scheduled(
            every = "${notification.day-list.check-interval:5m}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDueNow() {
        sendDue(Instant.now());
    }

    /** Sends every list that is due at {@code now}; returns the centres it sent one to. */
    public List<String> sendDue(Instant now) {
        List<RegistryClient.Centre> centres;
        try {
            centres = registry.centres();
        } catch (WebApplicationException | ProcessingException e) {
            LOG.warnf(
                    "day lists: the registry is unavailable (%s); trying again later",
                    e.getClass().getSimpleName());
            return List.of();
        }
        List<String> sent = new ArrayList<>();
        for (RegistryClient.Centre centre : centres) {
            if (!"ACTIVE".equals(centre.status())
                    || centre.dayListEmail() == null
                    || centre.dayListEmail().isBlank()) {
                continue;
            }
            ZonedDateTime local = now.atZone(ZoneId.of(centre.zone()));
            if (local.toLocalTime().isBefore(sendAt)) {
                continue;
            }
            try {
                if (send(centre, local.toLocalDate().plusDays(1))) {
                    sent.add(centre.code());
                }
            } catch (WebApplicationException | ProcessingException e) {
                LOG.warnf(
                        "day list of %s: scheduling is unavailable (%s); trying again later",
                        centre.code(), e.getClass().getSimpleName());
            } catch (RuntimeException e) {
                LOG.errorf(e, "day list of %s could not be sent; trying again later", centre.code());
            }
        }
        return sent;
    }

    private boolean send(RegistryClient.Centre centre, LocalDate day) {
        SchedulingClient.DayList list = scheduling.dayList(centre.code(), day.toString());
        List<SchedulingClient.Appointment> booked = list.appointments().stream()
                .filter(a -> "BOOKED".equals(a.status()) || "COMPLETED".equals(a.status()))
                .toList();
        String fingerprint = fingerprint(booked);
        CentreDayList.Key key = new CentreDayList.Key(centre.code(), day);
        Optional<CentreDayList> last =
                QuarkusTransaction.requiringNew().call(() -> CentreDayList.<CentreDayList>findByIdOptional(key));
        if (last.map(l -> l.fingerprint.equals(fingerprint)).orElse(booked.isEmpty())) {
            return false; // sent as it is, or nothing to send
        }
        List<Line> lines = lines(booked);
        View view = new View(
                centre.name() + " (" + centre.code() + ")",
                DATE.format(day),
                last.isPresent(),
                booked.size(),
                lines.size(),
                booked.isEmpty(),
                lines);
        String subject =
                (last.isPresent() ? "UPDATED day list " : "Day list ") + centre.code() + ", " + DATE.format(day)
                        + ": " + booked.size() + (booked.size() == 1 ? " family, " : " families, ") + lines.size()
                        + (lines.size() == 1 ? " person" : " people");
        mailer.send(Mail.withText(
                        centre.dayListEmail(), subject, text.data("v", view).render())
                .setHtml(html.data("v", view).render())
                .addHeader(
                        "Message-ID",
                        "<day-list-" + centre.code() + "-" + day + "-" + fingerprint.substring(0, 16)
                                + "@dna-sampling.iom.example>"));
        QuarkusTransaction.requiringNew().run(() -> {
            CentreDayList row = CentreDayList.<CentreDayList>findByIdOptional(key)
                    .orElseGet(() -> {
                        CentreDayList fresh = new CentreDayList();
                        fresh.key = key;
                        return fresh;
                    });
            row.fingerprint = fingerprint;
            row.families = booked.size();
            row.members = lines.size();
            row.sentAt = Instant.now();
            row.persist();
        });
        LOG.infof(
                "day list of %s for %s sent: %d families, %d people", centre.code(), day, booked.size(), lines.size());
        return true;
    }

    private static List<Line> lines(List<SchedulingClient.Appointment> booked) {
        List<Line> lines = new ArrayList<>();
        for (SchedulingClient.Appointment appointment : booked) {
            for (SchedulingClient.Member m : appointment.members()) {
                lines.add(new Line(
                        m.localStart().toString(),
                        m.memberRef(),
                        m.ageBand(),
                        m.accompaniedBy() == null ? "" : m.accompaniedBy(),
                        needs(m),
                        appointment.location() == null ? "" : appointment.location()));
            }
        }
        lines.sort(Comparator.comparing(Line::time).thenComparing(Line::memberRef));
        return lines;
    }

    private static String needs(SchedulingClient.Member m) {
        List<String> needs = new ArrayList<>();
        if (m.needsInterpreter()) {
            needs.add("interpreter (" + m.language() + ")");
        }
        if (m.needsAccessibility()) {
            needs.add("step-free access");
        }
        if (m.needsMedicalCare()) {
            needs.add("medical care");
        }
        return String.join(", ", needs);
    }

    /** What the list says, as a hash: the same list gives the same fingerprint. */
    static String fingerprint(List<SchedulingClient.Appointment> booked) {
        StringBuilder canonical = new StringBuilder();
        lines(booked).forEach(l -> canonical.append(l).append('\n'));
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
