package org.iom.dna.notification.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.Set;
import org.iom.dna.notification.client.MemberContact;
import org.iom.dna.notification.config.NotificationConfig;
import org.iom.dna.notification.domain.Channel;
import org.iom.dna.notification.domain.Delivery;
import org.iom.dna.notification.message.Notice;
import org.iom.dna.notification.message.NoticeWriter;

/**
 * WhatsApp through the WhatsApp Business Cloud API: {@code POST /<version>/<phone-number-id>/messages} with the
 * member's WhatsApp number and the SMS text. Delivery comes back later as a status webhook ({@link
 * WhatsAppStatusResource}). Meta refuses free text to someone who has not written to us in 24 hours: production
 * needs an approved message template per language (see docs/notifications.md).
 */
@ApplicationScoped
public class WhatsAppSender implements ChannelSender {

    /** Cloud API error codes that are about the recipient, not about us or Meta. */
    private static final Set<Integer> RECIPIENT_ERRORS = Set.of(131026, 131021, 131030, 131045, 131047);

    private final NotificationConfig.WhatsApp config;
    private final ObjectMapper json;
    private final HttpClient http;

    WhatsAppSender(NotificationConfig config, ObjectMapper json) {
        this.config = config.whatsapp();
        this.json = json;
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(this.config.timeout())
                .build();
    }

    @Override
    public Channel channel() {
        return Channel.WHATSAPP;
    }

    @Override
    public boolean available() {
        return config.baseUrl().isPresent()
                && config.phoneNumberId().isPresent()
                && config.accessToken().isPresent();
    }

    @Override
    public Optional<NoticeWriter.Recipient> recipient(MemberContact contact) {
        return ChannelSender.present(contact.whatsapp())
                .map(number -> new NoticeWriter.Recipient(contact.givenName(), false, number));
    }

    @Override
    public SendOutcome send(Delivery delivery, Notice notice, NoticeWriter.Recipient recipient) {
        ObjectNode body = json.createObjectNode()
                .put("messaging_product", "whatsapp")
                .put("recipient_type", "individual")
                .put("to", recipient.address().replaceAll("[^0-9]", ""))
                .put("type", "text");
        body.putObject("text").put("preview_url", false).put("body", notice.sms());
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.baseUrl().orElseThrow() + "/"
                        + config.apiVersion() + "/" + config.phoneNumberId().orElseThrow() + "/messages"))
                .timeout(config.timeout())
                .header("Authorization", "Bearer " + config.accessToken().orElseThrow())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new SendOutcome.Unavailable("WhatsApp API unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendOutcome.Unavailable("interrupted");
        }
        return outcome(response.statusCode(), response.body());
    }

    SendOutcome outcome(int status, String body) {
        JsonNode answer;
        try {
            answer = json.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            answer = json.createObjectNode();
        }
        if (status >= 200 && status < 300) {
            String id = answer.path("messages").path(0).path("id").asText(null);
            return id == null
                    ? new SendOutcome.Unavailable("WhatsApp API answered without a message id")
                    : new SendOutcome.Accepted(id);
        }
        int code = answer.path("error").path("code").asInt(-1);
        if (status == 400 && RECIPIENT_ERRORS.contains(code)) {
            return new SendOutcome.Rejected("WhatsApp refused the recipient (" + code + ")");
        }
        return new SendOutcome.Unavailable("WhatsApp API answered " + status + (code >= 0 ? " (" + code + ")" : ""));
    }
}
