package org.iom.dna.notification.support;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.util.List;

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
}
