package org.iom.dna.notification.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import java.util.stream.Stream;
import org.iom.dna.notification.client.MemberContact;
import org.iom.dna.notification.domain.Channel;
import org.iom.dna.notification.domain.Delivery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each member reads the message in their language, with the time at the centre, the zone's name, and (in Amharic and
 * Tigrinya) the Ethiopian date. The English and Arabic confirmations are compared with reviewed snapshots in
 * {@code src/test/resources/snapshots/}: a changed wording shows up in review. Run with {@code
 * -Dsnapshots.update=true} to write them anew.
 */
@QuarkusTest
class NoticeWriterTest {

    /** 08:30 on Thursday 10 December 2026 in Addis Ababa (1 Tahsas 2019 in the Ethiopian calendar). */
    private static final Instant STARTS_AT = Instant.parse("2026-12-10T05:30:00Z");

    private static final NoticeWriter.Recipient SELAM =
            new NoticeWriter.Recipient("Selam", false, "selam@families.test");

    @Inject
    NoticeWriter writer;

    static Stream<String> languages() {
        return Language.SUPPORTED.stream().map(Language::tag);
    }

    @Test
    void shouldWriteTheEnglishConfirmationAsReviewed() throws IOException {
        Notice notice = writer.write(confirmation(), contact("en"), SELAM);

        assertSnapshot("confirmation-en.txt", render(notice));
    }

    @Test
    void shouldWriteTheArabicConfirmationAsReviewed() throws IOException {
        Notice notice = writer.write(confirmation(), contact("ar"), SELAM);

        assertSnapshot("confirmation-ar.txt", render(notice));
    }

    @ParameterizedTest
    @MethodSource("languages")
    void shouldWriteEveryKindOfMessageInEveryLanguage(String language) {
        for (NoticeKind kind : NoticeKind.values()) {
            Delivery delivery = confirmation();
            delivery.kind = kind == NoticeKind.APPOINTMENT_REMINDER ? NoticeKind.reminder(24) : kind.name();

            Notice notice = writer.write(delivery, contact(language), SELAM);

            assertThat(notice.language().tag()).isEqualTo(language);
            assertThat(Stream.of(notice.subject(), notice.text(), notice.html(), notice.sms()))
                    .as("%s in %s", kind, language)
                    .allSatisfy(text ->
                            assertThat(text).isNotBlank().doesNotContain("{").doesNotContain("NOT_FOUND"));
            assertThat(notice.sms()).contains("P-100231");
        }
    }

    @ParameterizedTest
    @MethodSource("languages")
    void shouldWriteTheWaitingNoticeWithoutAnExpectedDayInEveryLanguage(String language) {
        Delivery delivery = waiting();

        Notice notice = writer.write(delivery, contact(language), SELAM);

        assertThat(Stream.of(notice.subject(), notice.text(), notice.html(), notice.sms()))
                .allSatisfy(text ->
                        assertThat(text).isNotBlank().doesNotContain("{").doesNotContain("NOT_FOUND"));
        assertThat(notice.text()).doesNotContain("2026");
    }

    @Test
    void shouldTellAWaitingFamilyTheDayExpectedWhenOneIsHeldTentatively() {
        Delivery delivery = waiting();
        delivery.zone = "Africa/Addis_Ababa";
        delivery.startsAt = STARTS_AT;

        Notice notice = writer.write(delivery, contact("en"), SELAM);

        assertThat(notice.text()).contains("around 10 December 2026").contains("This may still change");
        assertThat(notice.sms()).contains("around 10 December 2026").contains("P-100231");
        assertThat(notice.invite()).as("no invite for a day that may move").isEmpty();
        assertThat(writer.write(delivery, contact("ar"), SELAM).sms()).contains("2026");
    }

    /** A waiting notice as notification makes it for a family with no day held. */
    private static Delivery waiting() {
        Delivery delivery = confirmation();
        delivery.kind = NoticeKind.FAMILY_WAITLISTED.name();
        delivery.centreCode = null;
        delivery.zone = null;
        delivery.localDate = null;
        delivery.localStart = null;
        delivery.startsAt = null;
        return delivery;
    }

    @ParameterizedTest
    @MethodSource("languages")
    void shouldWriteInTheLanguagesOwnWords(String language) {
        Notice english = writer.write(confirmation(), contact("en"), SELAM);

        Notice notice = writer.write(confirmation(), contact(language), SELAM);

        if (!language.equals("en")) {
            assertThat(notice.text()).isNotEqualTo(english.text());
            assertThat(notice.sms()).isNotEqualTo(english.sms());
        }
    }

    @Test
    void shouldFallBackToEnglishForALanguageWithoutCatalogue() {
        Notice notice = writer.write(confirmation(), contact("sw"), SELAM);

        assertThat(notice.language()).isEqualTo(Language.ENGLISH);
        assertThat(notice.text()).contains("Dear Selam,");
    }

    @Test
    void shouldReadDariWrittenAsAfghanPersian() {
        Notice notice = writer.write(confirmation(), contact("fa-AF"), SELAM);

        assertThat(notice.language().tag()).isEqualTo("prs");
    }

    @Test
    void shouldGiveTheTimeAtTheCentreWithTheZonesName() {
        Notice notice = writer.write(confirmation(), contact("en"), SELAM);

        assertThat(notice.text()).contains("8:30").contains("East Africa Time");
        assertThat(notice.sms()).contains("8:30").contains("East Africa Time");
    }

    @Test
    void shouldAddTheEthiopianDateForAmharicReaders() {
        Notice notice = writer.write(confirmation(), contact("am"), SELAM);

        assertThat(notice.text()).contains("2019"); // the Ethiopian year of 10 December 2026
        assertThat(notice.text()).contains("2026");
    }

    @Test
    void shouldAddTheEthiopianDateForTigrinyaReaders() {
        Notice notice = writer.write(confirmation(), contact("ti"), SELAM);

        assertThat(notice.text()).contains("2019");
    }

    @Test
    void shouldNotAddTheEthiopianDateForOtherReaders() {
        Notice notice = writer.write(confirmation(), contact("en"), SELAM);

        assertThat(notice.text()).doesNotContain("2019").doesNotContain("Ethiopian");
    }

    @Test
    void shouldMarkArabicAsRightToLeft() {
        Notice notice = writer.write(confirmation(), contact("ar"), SELAM);

        assertThat(notice.html()).contains("dir=\"rtl\"").contains("lang=\"ar\"");
        assertThat(notice.sms()).startsWith("\u200F");
        assertThat(notice.text().lines().filter(line -> !line.isBlank()))
                .allSatisfy(line -> assertThat(line).startsWith("\u200F"));
    }

    @Test
    void shouldMarkEnglishAsLeftToRight() {
        Notice notice = writer.write(confirmation(), contact("en"), SELAM);

        assertThat(notice.html()).contains("dir=\"ltr\"");
        assertThat(notice.sms()).doesNotContain("\u200F");
    }

    @Test
    void shouldSayWhomAMessageToAProxyIsFor() {
        NoticeWriter.Recipient proxy = new NoticeWriter.Recipient("Hagos", true, "+251911000001");

        Notice notice = writer.write(confirmation(), contact("en"), proxy);

        assertThat(notice.text()).contains("Dear Hagos, please pass this message on to Selam.");
        assertThat(notice.sms()).startsWith("For Selam:");
    }

    @Test
    void shouldInviteToTheAppointmentWithTheConfirmation() {
        Notice notice = writer.write(confirmation(), contact("en"), SELAM);

        assertThat(notice.invite()).get().extracting(CalendarInvite::method).isEqualTo("REQUEST");
    }

    @Test
    void shouldCancelTheInviteWithTheCancellation() {
        Delivery cancellation = confirmation();
        cancellation.kind = NoticeKind.APPOINTMENT_CANCELLED.name();

        Notice notice = writer.write(cancellation, contact("en"), SELAM);

        assertThat(notice.invite()).get().extracting(CalendarInvite::method).isEqualTo("CANCEL");
    }

    @Test
    void shouldSendNoInviteWithAReminder() {
        Delivery reminder = confirmation();
        reminder.kind = NoticeKind.reminder(72);

        assertThat(writer.write(reminder, contact("en"), SELAM).invite()).isEmpty();
    }

    @Test
    void shouldNameTheAdHocLocationInsteadOfTheCentre() {
        Delivery adHoc = confirmation();
        adHoc.location = "Shire community hall";

        Notice notice = writer.write(adHoc, contact("en"), SELAM);

        assertThat(notice.text()).contains("Shire community hall").doesNotContain("Centre ET-ADD");
    }

    private static Delivery confirmation() {
        Delivery d = new Delivery();
        d.id = UUID.fromString("5e4d3c2b-1a0f-4e9d-8c7b-6a5f4e3d2c1b");
        d.kind = NoticeKind.APPOINTMENT_CONFIRMATION.name();
        d.channel = Channel.EMAIL;
        d.requestId = UUID.fromString("0f3e1c52-7d4b-4a8e-9c21-5b6a7d8e9f01");
        d.memberRef = "P-100231";
        d.appointmentId = UUID.fromString("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");
        d.sequence = 0;
        d.centreCode = "ET-ADD";
        d.zone = "Africa/Addis_Ababa";
        d.localDate = LocalDate.of(2026, 12, 10);
        d.localStart = LocalTime.of(8, 30);
        d.startsAt = STARTS_AT;
        return d;
    }

    private static MemberContact contact(String language) {
        return new MemberContact("P-100231", language, "Selam", "Tesfay", null, "selam@families.test", null, null);
    }

    private static String render(Notice notice) {
        return "Subject: " + notice.subject() + "\n\n" + notice.text() + "\n-- SMS --\n" + notice.sms() + "\n";
    }

    private static void assertSnapshot(String name, String actual) throws IOException {
        Path file = Path.of("src/test/resources/snapshots", name);
        if (Boolean.getBoolean("snapshots.update")) {
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(file).as("snapshot (write it with -Dsnapshots.update=true)").exists();
        assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
