package org.iom.dna.notification.message;

import java.util.Optional;

/**
 * One message, written for one recipient in their language: the e-mail (subject, plain text, HTML), the SMS
 * text, and the calendar invite the e-mail carries ({@code text/calendar}, empty for reminders).
 */
public record Notice(
        Language language, String subject, String text, String html, String sms, Optional<CalendarInvite> invite) {}
