package org.iom.dna.notification.message;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What families are told. The words live in one catalogue per language, {@code messages/msg_<language>.properties}
 * (English is the reference); templates under {@code templates/notice/} use them as {@code {msg:key(...)}}, rendered
 * in the member's language. Parameters arrive already formatted for that language (see {@link NoticeWriter}).
 */
@MessageBundle(value = "msg", locale = "en")
public interface FamilyMessages {

    @Message
    String subject_confirmation(String date);

    @Message
    String subject_moved(String date);

    @Message
    String subject_cancelled(String date);

    @Message
    String subject_reminder(String date);

    @Message
    String subject_waitlisted();

    @Message
    String greeting(String name);

    @Message
    String greeting_proxy(String name, String member);

    @Message
    String intro_confirmation();

    @Message
    String intro_moved();

    @Message
    String intro_cancelled();

    @Message
    String intro_reminder();

    @Message
    String intro_waitlisted();

    /** Follows the waiting notice's introduction when a day is held tentatively for the family. */
    @Message
    String expected_date(String date);

    @Message
    String label_where();

    @Message
    String label_date();

    @Message
    String label_time();

    @Message
    String label_reference();

    @Message
    String centre(String code);

    @Message
    String time_in_zone(String time, String zone);

    @Message
    String bring();

    @Message
    String cannot_come();

    @Message
    String signature();

    @Message
    String sms_confirmation(String date, String time, String zone, String place, String ref);

    @Message
    String sms_moved(String date, String time, String zone, String place, String ref);

    @Message
    String sms_cancelled(String date, String ref);

    @Message
    String sms_reminder(String date, String time, String zone, String place, String ref);

    @Message
    String sms_waitlisted(String ref);

    /** A waiting family whose day is held tentatively: the day expected, which may still change. */
    @Message
    String sms_waitlisted_expected(String date, String ref);

    @Message
    String sms_proxy_prefix(String member);

    @Message
    String calendar_summary();

    @Message
    String calendar_description(String ref);

    @Message
    String ethiopian_date(String date);
}
