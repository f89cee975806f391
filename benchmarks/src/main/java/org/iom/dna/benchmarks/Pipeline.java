package org.iom.dna.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.HdrHistogram.Histogram;

/**
 * When each family reached each stage of the pipeline, read from the services' own databases by case id (never from
 * logs): booked or waitlisted by scheduling, SCHEDULED at intake, its confirmation handed to the mail server. Every
 * timestamp is written by a process on this machine, so they compare with the client's clock.
 */
final class Pipeline implements AutoCloseable {

    enum Stage {
        DECIDED("booked or waitlisted (scheduling)"),
        BOOKED("booked (scheduling)"),
        SCHEDULED("SCHEDULED at intake"),
        SENT("confirmation handed to SMTP (notification)");

        final String label;

        Stage(String label) {
            this.label = label;
        }
    }

    private static final Map<Stage, String> QUERIES = new EnumMap<>(Map.of(
            Stage.DECIDED,
            "select request_id, least(waitlisted_at, (select min(booked_at) from appointment a"
                    + " where a.request_id = f.request_id)) from family_case f where request_id = any(?)",
            Stage.BOOKED,
            "select request_id, min(booked_at) from appointment where request_id = any(?) group by request_id",
            Stage.SCHEDULED,
            "select request_id, min(at) from status_transition where to_status = 'SCHEDULED'"
                    + " and request_id = any(?) group by request_id",
            Stage.SENT,
            "select request_id, min(sent_at) from delivery where status = 'SENT' and channel = 'EMAIL'"
                    + " and request_id = any(?) group by request_id"));

    private final Map<Stage, Connection> databases = new EnumMap<>(Stage.class);

    Pipeline(String jdbcBase) throws SQLException {
        Connection scheduling = connect(jdbcBase, "scheduling");
        databases.put(Stage.DECIDED, scheduling);
        databases.put(Stage.BOOKED, scheduling);
        databases.put(Stage.SCHEDULED, connect(jdbcBase, "intake"));
        databases.put(Stage.SENT, connect(jdbcBase, "notification"));
    }

    private static Connection connect(String jdbcBase, String database) throws SQLException {
        // Local development credentials: each service's role and password are its database's name.
        return DriverManager.getConnection(jdbcBase + database, database, database);
    }

    /** When each of {@code ids} reached {@code stage}; those that have not yet are absent. */
    Map<UUID, Instant> reached(Stage stage, Collection<UUID> ids) throws SQLException {
        Map<UUID, Instant> at = new HashMap<>();
        Connection db = databases.get(stage);
        try (PreparedStatement query = db.prepareStatement(QUERIES.get(stage))) {
            query.setArray(1, db.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Timestamp t = rows.getTimestamp(2);
                    if (t != null) {
                        at.put(rows.getObject(1, UUID.class), t.toInstant());
                    }
                }
            }
        }
        return at;
    }

    /**
     * What is still to be done for {@code ids}: families scheduling has not decided on, cases intake has not heard
     * the decision of; and for any family: waiting ones that free places will take, deliveries due but not yet sent.
     * Zero when the pipeline is quiet.
     */
    long backlog(Collection<UUID> ids) throws SQLException {
        long undecided = ids.size() - reached(Stage.DECIDED, ids).size();
        long untold = count(
                Stage.SCHEDULED,
                "select count(*) from sampling_request where status = 'RECEIVED'" + " and id = any(?)",
                ids);
        // Families waiting for the places a run made room for (Capacity): the waitlist is about to book them.
        long servable = count(
                Stage.DECIDED,
                "select count(*) from family_case f where status = 'WAITING'"
                        + " and not ad_hoc and deadline > current_date + " + Capacity.AHEAD_DAYS
                        + " and exists (select 1"
                        + " from slot s where s.country = f.country and s.status = 'OPEN' and not s.ad_hoc"
                        + " and s.booked < s.capacity and s.starts_at > now() + interval '" + Capacity.AHEAD_DAYS
                        + " days')",
                null);
        long due = count(
                Stage.SENT,
                "select count(*) from delivery where status = 'PENDING'" + " and next_attempt_at <= now()",
                null);
        return undecided + untold + servable + due;
    }

    /** @param ids bound to the query's one parameter; null for a query without one */
    private long count(Stage database, String sql, Collection<UUID> ids) throws SQLException {
        Connection db = databases.get(database);
        try (PreparedStatement query = db.prepareStatement(sql)) {
            if (ids != null) {
                query.setArray(1, db.createArrayOf("uuid", ids.toArray()));
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Latency from each accepted POST to the stage, in microseconds (a stage reached "before" the 201 counts 0). */
    static Histogram latencies(Map<UUID, Instant> acceptedAt, Map<UUID, Instant> reachedAt) {
        Histogram histogram = new Histogram(3);
        reachedAt.forEach((id, at) -> {
            Instant accepted = acceptedAt.get(id);
            if (accepted != null) {
                histogram.recordValue(Math.max(0, Duration.between(accepted, at).toNanos() / 1000));
            }
        });
        return histogram;
    }

    @Override
    public void close() throws SQLException {
        for (Connection c : databases.values()) {
            c.close();
        }
    }
}
