package org.iom.dna.scheduling.testdata;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.iom.dna.events.SamplingRequestCancelledV1;
import org.iom.dna.events.SamplingRequestReceivedV1;
import org.iom.dna.events.SlotChangedV1;
import org.iom.dna.events.SlotOpenedV1;
import org.iom.dna.events.SlotWithdrawnV1;
import org.iom.dna.platform.messaging.OutboxEvent;
import org.iom.dna.scheduling.domain.Appointment;
import org.iom.dna.scheduling.domain.FamilyCase;
import org.iom.dna.scheduling.domain.SlotReplica;
import org.iom.dna.scheduling.service.CancellationService;
import org.iom.dna.scheduling.service.ReplicaService;
import org.iom.dna.scheduling.service.RescheduleService;
import org.iom.dna.scheduling.service.WaitlistService;

/**
 * Feeds events to the scheduler's services the way its consumers do (one transaction per event, or
 * several together), and reads back what it decided: families, appointments, slots and the events in
 * its outbox. Decisions are taken by the running waitlist passes; the reads wait for them.
 */
@ApplicationScoped
public class SchedulingState {

    public static final Duration DECISION = Duration.ofSeconds(20);

    private final ReplicaService replicas;
    private final RescheduleService reschedule;
    private final CancellationService cancellations;
    private final WaitlistService waitlist;
    private final ObjectMapper json;

    SchedulingState(
            ReplicaService replicas,
            RescheduleService reschedule,
            CancellationService cancellations,
            WaitlistService waitlist,
            ObjectMapper json) {
        this.replicas = replicas;
        this.reschedule = reschedule;
        this.cancellations = cancellations;
        this.waitlist = waitlist;
        this.json = json;
    }

    /** Slots, then families, committed together: the next waitlist pass sees all of them at once. */
    public void receive(List<SlotOpenedV1> slots, List<SamplingRequestReceivedV1> families) {
        QuarkusTransaction.requiringNew().run(() -> {
            slots.forEach(replicas::slotOpened);
            families.forEach(replicas::familyReceived);
        });
        waitlist.capacityOrDemandChanged(); // after the commit, so no pass can miss what it brought
    }

    /**
     * The registry describes a centre (as its CentreChangedV1 would): the languages its interpreters speak and the
     * facilities it offers. The centre's country is the first two characters of its code.
     */
    public void describeCentre(String code, Instant changedAt, List<String> languages, List<String> facilities) {
        QuarkusTransaction.requiringNew()
                .run(() -> replicas.centreChanged(new org.iom.dna.events.CentreChangedV1(
                        code,
                        "Test centre",
                        code.substring(0, 2),
                        "Testville",
                        "UTC",
                        "ACTIVE",
                        changedAt,
                        languages,
                        facilities)));
    }

    public void open(SlotOpenedV1... slots) {
        receive(Arrays.asList(slots), List.of());
    }

    public void receive(SamplingRequestReceivedV1... families) {
        receive(List.of(), Arrays.asList(families));
    }

    public void change(SlotChangedV1 event) {
        QuarkusTransaction.requiringNew().run(() -> reschedule.slotChanged(event));
        waitlist.capacityOrDemandChanged();
    }

    public void withdraw(SlotWithdrawnV1 event) {
        QuarkusTransaction.requiringNew().run(() -> reschedule.slotWithdrawn(event));
        waitlist.capacityOrDemandChanged();
    }

    public void cancel(SamplingRequestCancelledV1 event) {
        QuarkusTransaction.requiringNew().run(() -> cancellations.requestCancelled(event));
        waitlist.capacityOrDemandChanged();
    }

    /** Waits until the family has a live appointment and returns it with its members. */
    public Appointment awaitBooked(UUID requestId) {
        return await().atMost(DECISION)
                .until(() -> liveAppointment(requestId), Optional::isPresent)
                .orElseThrow();
    }

    /** Waits until the family holds its {@code sequence}-th live appointment (0 = first, 1 = moved once). */
    public Appointment awaitBooked(UUID requestId, int sequence) {
        return await().atMost(DECISION)
                .until(() -> liveAppointment(requestId), a -> a.isPresent() && a.get().sequence == sequence)
                .orElseThrow();
    }

    /** Waits until one of the families is booked and returns which (the others may still wait). */
    public UUID awaitFirstBooked(UUID... requestIds) {
        return await().atMost(DECISION)
                .until(
                        () -> Arrays.stream(requestIds)
                                .filter(id -> liveAppointment(id).isPresent())
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    /** Waits until the scheduler has found no feasible day for the family and told the IND. */
    public FamilyCase awaitWaitlisted(UUID requestId) {
        try {
            return await().atMost(DECISION).until(() -> family(requestId), f -> f != null && f.waitlistedAt != null);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(
                    "not waitlisted: " + family(requestId) + "; appointments " + describe(requestId), e);
        }
    }

    /** The family's appointments with their slots, for a failure message. */
    public String describe(UUID requestId) {
        return appointments(requestId).stream()
                .map(a -> a.status + " " + a.centreCode + " " + a.localDate + " bookedBy=" + a.bookedBy + " at "
                        + a.bookedAt + " slots "
                        + a.members.stream()
                                .map(m -> m.slotId + "@" + m.startsAt + " " + slot(m.slotId).country)
                                .toList())
                .toList()
                .toString();
    }

    public FamilyCase family(UUID requestId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            FamilyCase family = FamilyCase.findById(requestId);
            if (family != null) {
                family.members.size();
            }
            return family;
        });
    }

    public Optional<Appointment> liveAppointment(UUID requestId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<Appointment> live = Appointment.liveFor(requestId);
            live.ifPresent(a -> a.members.size());
            return live;
        });
    }

    /** Every appointment the family ever had, oldest first. */
    public List<Appointment> appointments(UUID requestId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Appointment> all = Appointment.list("requestId = ?1 order by sequence", requestId);
            all.forEach(a -> a.members.size());
            return all;
        });
    }

    public SlotReplica slot(UUID slotId) {
        return QuarkusTransaction.requiringNew().call(() -> SlotReplica.findById(slotId));
    }

    /** The events the scheduler wrote for a family (its key), oldest first. */
    public List<OutboxEvent> outbox(UUID requestId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> OutboxEvent.list("key = ?1 order by position", requestId.toString()));
    }

    /** The payloads of one type of event the scheduler wrote for a family, oldest first. */
    public <T> List<T> published(UUID requestId, String type, Class<T> contract) {
        return outbox(requestId).stream()
                .filter(e -> e.type.equals(type))
                .map(e -> read(e.payload, contract))
                .toList();
    }

    public <T> T read(String payload, Class<T> contract) {
        try {
            return json.readValue(payload, contract);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not a " + contract.getSimpleName() + ": " + payload, e);
        }
    }

    public String write(Object event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
