package org.iom.dna.platform.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.iom.dna.platform.json.JsonPaths;

/** An event read from Kafka (or replayed from the dead letters), seen for the first time by its consumer. */
public final class IncomingEvent {

    private final String id;
    private final String type;
    private final String payload;
    private final ObjectMapper json;

    IncomingEvent(String id, String type, String payload, ObjectMapper json) {
        this.id = id;
        this.type = type;
        this.payload = payload;
        this.json = json;
    }

    /** The event's id ({@code ce_id}): the same on every redelivery. */
    public String id() {
        return id;
    }

    public String type() {
        return type;
    }

    /** The payload as it came, for passing it on unchanged (e.g. to a webhook). */
    public String payload() {
        return payload;
    }

    /** @throws ContractViolation if the payload does not fit the contract (the record is parked) */
    public <T> T payloadAs(Class<T> contract) {
        try {
            return json.readValue(payload, contract);
        } catch (JsonProcessingException e) {
            // The path and the kind of mismatch only: a payload value must not reach logs or the dead letters' reason.
            String where = e instanceof JsonMappingException mapping ? JsonPaths.of(mapping) : "$";
            throw new ContractViolation(
                    "event " + id + " does not match " + contract.getSimpleName() + " at " + where + " ("
                            + e.getClass().getSimpleName() + ")",
                    e);
        }
    }
}
