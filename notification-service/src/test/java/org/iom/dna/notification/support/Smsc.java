package org.iom.dna.notification.support;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.util.List;
import java.util.Map;

/** The SMS a number received at the local SMSC simulator (deploy/local/lib/smsc.sh), through its HTTP API. */
public final class Smsc {

    static final String API = System.getProperty("dna.smsc.api", "http://127.0.0.1:8027/api/messages");

    private Smsc() {}

    /** Every complete message (parts joined) the number received, oldest first, as the simulator recorded it. */
    public static List<Map<String, Object>> messages(String number) {
        Response response = given().queryParam("to", number).get(API);
        return response.jsonPath().getList("$");
    }
}
