package org.iom.dna.notification.daylist;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.iom.dna.notification.client.RegistryClient;
import org.iom.dna.notification.client.SchedulingClient;
import org.iom.dna.notification.support.CentreDayListStub;
import org.iom.dna.notification.support.Mailbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each afternoon every centre gets the next day's list by e-mail: references, times, needs and interpreter
 * language, no names; once, and again only when it changed. Real mail through the local SMTP server.
 */
@QuarkusTest
@QuarkusTestResource(CentreDayListStub.class)
class DayListMailerTest {

    private static final String ZONE = "Africa/Addis_Ababa";

    @Inject
    DayListMailer mailer;

    private String code;
    private String mailbox;
    private LocalDate today;
    private LocalDate tomorrow;

    @BeforeEach
    void aCentre() {
        code = "ZQ-" + (char) ('A' + ThreadLocalRandom.current().nextInt(26))
                + (char) ('A' + ThreadLocalRandom.current().nextInt(26))
                + (char) ('A' + ThreadLocalRandom.current().nextInt(26));
        mailbox = "daylist-" + UUID.randomUUID().toString().substring(0, 8) + "@mhac.test";
        CentreDayListStub.CENTRES.add(new RegistryClient.Centre(code, "IOM MHAC Test", ZONE, "ACTIVE", mailbox));
        today = LocalDate.of(2031, 3, 4 + ThreadLocalRandom.current().nextInt(20));
        tomorrow = today.plusDays(1);
    }

    @AfterEach
    void forget() {
        CentreDayListStub.CENTRES.clear();
        CentreDayListStub.SCHEDULING_DOWN.set(false);
    }

    @Test
    void shouldSendTheCentreTomorrowsListInTheAfternoon() {
        book(family("P-200001", "P-200002"));

        List<String> sent = mailer.sendDue(at(LocalTime.of(15, 5)));

        assertThat(sent).contains(code);
        Mailbox.Mail mail = Mailbox.mails(mailbox).get(0);
        assertThat(mail.subject()).startsWith("Day list " + code).contains("1 family, 2 people");
        assertThat(mail.text()).contains("08:30").contains("interpreter (ti)");
        assertThat(mail.text().lines().filter(line -> line.contains("P-200002")))
                .singleElement()
                .asString()
                .contains("5-11")
                .contains("P-200001"); // the child comes with the adult
    }

    @Test
    void shouldNotSendBeforeTheAfternoon() {
        book(family("P-200011"));

        assertThat(mailer.sendDue(at(LocalTime.of(11, 0)))).doesNotContain(code);
        assertThat(Mailbox.messages(mailbox)).isEmpty();
    }

    @Test
    void shouldNotSendTheSameListTwice() {
        book(family("P-200021"));
        mailer.sendDue(at(LocalTime.of(15, 5)));

        assertThat(mailer.sendDue(at(LocalTime.of(15, 10)))).doesNotContain(code);
        assertThat(Mailbox.messages(mailbox)).hasSize(1);
    }

    @Test
    void shouldSendAnUpdateWhenTheListChangedAfterItWent() {
        book(family("P-200031"));
        mailer.sendDue(at(LocalTime.of(15, 5)));
        book(family("P-200031"), family("P-200032"));

        mailer.sendDue(at(LocalTime.of(17, 0)));

        List<Mailbox.Mail> mails = Mailbox.mails(mailbox);
        assertThat(mails).hasSize(2);
        assertThat(mails.get(1).subject()).startsWith("UPDATED day list").contains("2 families");
    }

    @Test
    void shouldSendNothingForADayWithoutAppointments() {
        assertThat(mailer.sendDue(at(LocalTime.of(15, 5)))).doesNotContain(code);
        assertThat(Mailbox.messages(mailbox)).isEmpty();
    }

    @Test
    void shouldNameNoOneOnTheList() {
        book(family("P-200041"));

        mailer.sendDue(at(LocalTime.of(15, 5)));

        assertThat(Mailbox.messages(mailbox).get(0)).doesNotContain("Selam").doesNotContain("Tesfay");
    }

    @Test
    void shouldAskWithItsOwnToken() {
        book(family("P-200051"));

        mailer.sendDue(at(LocalTime.of(15, 5)));

        assertThat(CentreDayListStub.AUTHORIZATIONS).isNotEmpty().allMatch(header -> header.startsWith("Bearer ey"));
    }

    @Test
    void shouldTryAgainLaterWhenSchedulingIsUnavailable() {
        book(family("P-200061"));
        CentreDayListStub.SCHEDULING_DOWN.set(true);

        assertThat(mailer.sendDue(at(LocalTime.of(15, 5)))).doesNotContain(code);

        CentreDayListStub.SCHEDULING_DOWN.set(false);
        assertThat(mailer.sendDue(at(LocalTime.of(15, 10)))).contains(code);
    }

    /** {@code time} today at the centre. */
    private Instant at(LocalTime time) {
        return ZonedDateTime.of(today, time, ZoneId.of(ZONE)).toInstant();
    }

    private void book(SchedulingClient.Appointment... appointments) {
        CentreDayListStub.DAY_LISTS.put(
                code + "/" + tomorrow, new SchedulingClient.DayList(code, tomorrow, List.of(appointments)));
    }

    /** A family: the first reference an adult who needs a Tigrinya interpreter, the others children with them. */
    private SchedulingClient.Appointment family(String adult, String... children) {
        Instant startsAt =
                ZonedDateTime.of(tomorrow, LocalTime.of(8, 30), ZoneId.of(ZONE)).toInstant();
        List<SchedulingClient.Member> members = new java.util.ArrayList<>();
        members.add(new SchedulingClient.Member(
                adult, "18-59", false, null, LocalTime.of(8, 30), startsAt, "ti", true, false, false));
        for (String child : children) {
            members.add(new SchedulingClient.Member(
                    child, "5-11", true, adult, LocalTime.of(8, 30), startsAt, "ti", false, false, false));
        }
        return new SchedulingClient.Appointment(
                UUID.nameUUIDFromBytes(adult.getBytes()), UUID.randomUUID(), "NORMAL", "BOOKED", null, members);
    }
}
