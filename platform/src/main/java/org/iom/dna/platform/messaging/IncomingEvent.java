package org.iom.dna.platform.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** An event read from Kafka, seen for the first time by its consumer. */
public final class IncomingEvent {

    private final String id;
    private final String type;
    private final String key;
    private final String payload;
    private final ObjectMapper json;

    IncomingEvent(String id, String type, String key, String payload, ObjectMapper json) {
        this.id = id;
        this.type = type;
        this.key = key;
        this.payload = payload;
        this.json = json;
    }

    public String id() {
        return id;
    }

    public String type() {
        return type;
    }

    public String key() {
        return key;
    }

    /** @throws IllegalArgumentException if the payload does not fit the contract (goes to the DLQ) */
    public <T> T payloadAs(Class<T> contract) {
        try {
            return json.readValue(payload, contract);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + id + " does not match " + contract.getSimpleName()
                    + " at " + e.getOriginalMessage(), e);
        }
    }
}
