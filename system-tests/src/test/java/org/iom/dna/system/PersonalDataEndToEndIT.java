package org.iom.dna.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.iom.dna.testing.Tokens;
import org.iom.dna.testing.TopicProbe;
import org.junit.jupiter.api.Test;

/**
 * Personal data through the whole running suite, followed by marker values nobody else could have written: a family
 * whose names, phone, e-mail, city, needs and note are markers is submitted, booked and told by SMS. Then none of
 * those values is in any service's log, on any Kafka topic (dead-letter topics included) or in an error body; the
 * notification service's read of the contact details is in intake's audit trail; and after the IND cancels the case
 * and asks for its erasure, the references that lead to the people (the IND's reference, the members' references)
 * are in no service's database, though they were before.
 */
class PersonalDataEndToEndIT {

    private static final String INTAKE = Ind.INTAKE;
    private static final Path LOGS = Path.of(System.getProperty("dna.logs.dir", "../.local/logs"));
    private static final String JDBC = System.getProperty("dna.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/");
    private static final List<String> SERVICES =
            List.of("intake-service", "scheduling-service", "mhac-registry-service", "notification-service");
    private static final List<String> DATABASES = List.of("intake", "scheduling", "registry", "notification");
    /**
     * Tables whose rows keep a reference by design: the audit trail is append-only (who read whose data is the record
     * itself) and Flyway's history holds no case data.
     */
    private static final Set<String> KEPT = Set.of("audit_trail", "flyway_schema_history");

    /** Letters only, so that every field accepts it; long and random enough to occur nowhere by chance. */
    private static String marker() {
        StringBuilder s = new StringBuilder("Zq");
        for (int i = 0; i < 12; i++) {
            s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.toString();
    }

    private final String given = marker();
    private final String family = marker();
    private final String city = marker();
    private final String note = marker();
    private final String needs = marker();
    private final String mailbox = marker().toLowerCase();
    private final String phoneDigits =
            "9" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    private final String phone = "+251" + phoneDigits;
    private final String tag = marker().toUpperCase();
    private final String indReference = "IND-" + tag;
    private final String mother = "MOTHER-" + tag;
    private final String son = "SON-" + tag;

    /** Values that must never leave intake's encrypted columns. */
    private List<String> personalValues() {
        return List.of(given, family, city, note, needs, mailbox, phoneDigits);
    }

    /** References that lead to a person: on topics and in databases until erasure, nowhere (but the audit) after. */
    private List<String> references() {
        return List.of(indReference, mother, son);
    }

    private Map<String, Object> submission() {
        Map<String, Object> contact = new HashMap<>();
        contact.put("phone", phone);
        contact.put("email", mailbox + "@example.org");
        Map<String, Object> first = new HashMap<>(Map.of(
                "personRef", mother,
                "givenName", given,
                "familyName", family,
                "dateOfBirth", "1991",
                "sex", "FEMALE",
                "relationship", "SPOUSE",
                "nationality", "ER",
                "currentCountry", "ET",
                "currentCity", city,
                "preferredLanguage", "ti"));
        first.put("contact", contact);
        first.put("needs", Map.of("interpreter", false, "accessibility", false, "medical", false, "details", needs));
        Map<String, Object> second = new HashMap<>(Map.of(
                "personRef", son,
                "givenName", given + "b",
                "familyName", family,
                "dateOfBirth", "2017-03-14",
                "sex", "MALE",
                "relationship", "CHILD",
                "nationality", "ER",
                "currentCountry", "ET",
                "currentCity", city,
                "preferredLanguage", "ti"));
        second.put("accompaniedBy", mother);
        Map<String, Object> body = new HashMap<>(Map.of(
                "indReference",
                indReference,
                "caseNumber",
                "V" + (100_000_000 + ThreadLocalRandom.current().nextInt(899_999_999)),
                "priority",
                "STANDARD",
                "deadline",
                java.time.LocalDate.now().plusMonths(6).toString(),
                "country",
                "ET",
                "note",
                note));
        body.put("members", List.of(first, second));
        return body;
    }

    @Test
    void shouldKeepPersonalDataOutOfLogsTopicsAndErrorsAuditEveryReadAndEraseTheCase() throws Exception {
        Instant started = Instant.now();
        String id = Ind.submit(submission(), Map.of()).extract().path("id");
        // Booked, and the mother texted: notification read her contact details from intake.
        Ind.awaitStatus(id, "SCHEDULED");
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> !given().queryParam("to", phone)
                        .get(System.getProperty("dna.smsc.api", "http://127.0.0.1:8027/api/messages"))
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("$")
                        .isEmpty());

        errorBodiesCarryNoMarker(id);
        readsAreAudited(id);
        logsCarryNoMarker();
        topicsCarryNoMarker(started);

        List<String> before = tablesHolding(references());
        assertTrue(
                before.stream().anyMatch(t -> t.startsWith("scheduling.")),
                "before the erasure, scheduling holds the members' references: " + before);
        Ind.withdraw(id);
        given().auth()
                .oauth2(Tokens.indSystem())
                .post(INTAKE + "/api/v1/sampling-requests/" + id + "/erasure")
                .then()
                .statusCode(200)
                .body("erasure.reason", equalTo("IND_REQUEST"));
        // Intake erases at once; scheduling, then notification, on the events that follow.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertEquals(List.of(), tablesHolding(references()), "tables still holding"));
        assertEquals(List.of(), tablesHolding(personalValues()), "personal values in plain text");
    }

    /** Bad requests that carry personal data are refused without echoing any of it. */
    private void errorBodiesCarryNoMarker(String id) {
        Map<String, Object> bad = submission();
        bad.put("indReference", indReference + "-X");
        bad.put("priority", "NOT-A-PRIORITY-" + given);
        List<String> bodies = new ArrayList<>();
        bodies.add(given().auth()
                .oauth2(Tokens.indSystem())
                .contentType(ContentType.JSON)
                .body(bad)
                .post(INTAKE + "/api/v1/sampling-requests")
                .then()
                .statusCode(400)
                .extract()
                .asString());
        bodies.add(given().auth()
                .oauth2(Tokens.indSystem())
                .contentType("application/merge-patch+json")
                .body(Map.of("email", "not an address " + given, "phone", "+0" + phoneDigits))
                .patch(INTAKE + "/api/v1/sampling-requests/" + id + "/members/" + mother + "/contact")
                .then()
                .statusCode(400)
                .extract()
                .asString());
        for (String body : bodies) {
            for (String value : personalValues()) {
                assertFalse(body.contains(value), "an error body repeats personal data: " + body);
            }
        }
    }

    /** The notification service's read of the mother's contact is in intake's audit trail, with its client. */
    private void readsAreAudited(String id) {
        List<Map<String, Object>> rows = given().auth()
                .oauth2(Tokens.user("admin"))
                .queryParam("recordId", id)
                .get(INTAKE + "/api/v1/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        assertTrue(
                rows.stream()
                        .anyMatch(r -> String.valueOf(r.get("operation")).endsWith("/contact")
                                && "notification-service".equals(r.get("clientId"))
                                && mother.equals(r.get("personRef"))
                                && "ALLOWED".equals(r.get("outcome"))),
                "no audited read of the mother's contact details in " + rows);
    }

    private void logsCarryNoMarker() throws IOException {
        for (String service : SERVICES) {
            Path log = LOGS.resolve(service + ".log");
            assertTrue(Files.isRegularFile(log), "no log at " + log.toAbsolutePath());
            String text = Files.readString(log, StandardCharsets.UTF_8);
            for (String value : personalValues()) {
                assertFalse(text.contains(value), service + "'s log holds a personal value");
            }
        }
    }

    /** Every record since the test began on every topic but the test-only ones, dead-letter topics included. */
    private void topicsCarryNoMarker(Instant since) throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TopicProbe.BOOTSTRAP);
        Set<String> topics;
        try (Admin admin = Admin.create(config)) {
            topics = admin.listTopics().names().get().stream()
                    .filter(t -> !t.startsWith("test.") && !t.startsWith("__"))
                    .collect(Collectors.toSet());
        }
        assertTrue(topics.contains("intake.sampling-requests.v1"), "topics: " + topics);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        int records = 0;
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, Duration.ofSeconds(10))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> from = new HashMap<>();
            consumer.offsetsForTimes(partitions.stream()
                            .collect(Collectors.toMap(
                                    p -> p, p -> since.minusSeconds(5).toEpochMilli())))
                    .forEach((p, o) -> from.put(p, o == null ? ends.get(p) : o.offset()));
            from.forEach(consumer::seek);
            Instant until = Instant.now().plusSeconds(60);
            while (from.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < ends.get(e.getKey()))
                    && Instant.now().isBefore(until)) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    records++;
                    StringBuilder text = new StringBuilder();
                    if (r.key() != null) {
                        text.append(new String(r.key(), StandardCharsets.UTF_8));
                    }
                    if (r.value() != null) {
                        text.append(new String(r.value(), StandardCharsets.UTF_8));
                    }
                    for (Header h : r.headers()) {
                        text.append(new String(h.value() == null ? new byte[0] : h.value(), StandardCharsets.UTF_8));
                    }
                    for (String value : personalValues()) {
                        assertFalse(
                                text.toString().contains(value),
                                "a record on " + r.topic() + " holds a personal value");
                    }
                }
            }
        }
        assertTrue(records > 0, "no record read from " + topics);
    }

    /** "database.table" for every table of a service's database with a row whose text holds one of the values. */
    private List<String> tablesHolding(List<String> values) throws SQLException {
        List<String> found = new ArrayList<>();
        for (String db : DATABASES) {
            try (Connection c = DriverManager.getConnection(JDBC + db, db, db)) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = c.createStatement()
                        .executeQuery("select tablename from pg_tables where schemaname = 'public' order by 1")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                for (String table : tables) {
                    if (KEPT.contains(table)) {
                        continue;
                    }
                    String where = values.stream()
                            .map(v -> "strpos(t::text, '" + v.replace("'", "''") + "') > 0")
                            .collect(Collectors.joining(" or "));
                    try (ResultSet rs = c.createStatement()
                            .executeQuery("select count(*) from \"" + table + "\" t where " + where)) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            found.add(db + "." + table);
                        }
                    }
                }
            }
        }
        return found;
    }
}
