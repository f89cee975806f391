package org.iom.dna.notification.support;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** A family member's inbox in the local mail server (GreenMail's API). */
public final class Mailbox {

    static final String MAIL_API = System.getProperty("dna.mail.api", "http://127.0.0.1:8025/api/user/");

    private Mailbox() {}

    /** The raw messages (headers and body) the address received; none if it never received one. */
    public static List<String> messages(String address) {
        Response response = given().get(MAIL_API + address + "/messages/INBOX");
        if (response.statusCode() != 200) {
            return List.of(); // GreenMail knows an address only once a message arrived for it
        }
        return response.jsonPath().getList("mimeMessage", String.class);
    }

    /**
     * A received mail, decoded: its subject and headers, and each part's text by media type ({@code text/plain},
     * {@code text/html}, {@code text/calendar}).
     */
    public record Mail(MimeMessage mime, String subject, Map<String, String> parts) {

        public String text() {
            return parts.get("text/plain");
        }

        public String html() {
            return parts.get("text/html");
        }

        public String calendar() {
            return parts.get("text/calendar");
        }

        public String header(String name) throws MessagingException {
            String[] values = mime.getHeader(name);
            return values == null ? null : values[0];
        }
    }

    public static List<Mail> mails(String address) {
        return messages(address).stream().map(Mailbox::decode).toList();
    }

    static Mail decode(String raw) {
        try {
            MimeMessage mime = new MimeMessage(
                    Session.getInstance(new Properties()),
                    new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
            Map<String, String> parts = new HashMap<>();
            collect(mime, parts);
            return new Mail(mime, mime.getSubject(), parts);
        } catch (MessagingException e) {
            throw new IllegalStateException("not a MIME message", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(Part part, Map<String, String> parts) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, parts);
            }
            return;
        }
        String type = part.getContentType().split(";")[0].trim().toLowerCase();
        String text = content instanceof String s
                ? s
                : new String(((InputStream) content).readAllBytes(), StandardCharsets.UTF_8);
        parts.putIfAbsent(type, text);
    }
}
