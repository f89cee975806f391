package org.iom.dna.registry.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.iom.dna.events.SlotChangedV1;
import org.iom.dna.events.SlotOpenedV1;
import org.iom.dna.events.SlotWithdrawnV1;
import org.iom.dna.events.Topics;
import org.iom.dna.platform.messaging.Outbox;
import org.iom.dna.registry.domain.Centre;
import org.iom.dna.registry.domain.Slot;
import org.iom.dna.registry.domain.SlotStatus;

/** Slot state changes and their events, always together, keyed by centre so each centre's events stay in order. */
@ApplicationScoped
public class SlotEvents {

    private final Outbox outbox;

    SlotEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void opened(Centre centre, Slot slot) {
        outbox.publish(
                Topics.SLOTS,
                centre.code,
                SlotOpenedV1.TYPE,
                new SlotOpenedV1(
                        slot.id,
                        centre.code,
                        centre.country,
                        centre.zone,
                        slot.localDate,
                        slot.localStart,
                        slot.startsAt,
                        slot.endsAt,
                        slot.capacity));
    }

    public void changed(Slot slot) {
        outbox.publish(
                Topics.SLOTS,
                slot.centreCode,
                SlotChangedV1.TYPE,
                new SlotChangedV1(slot.id, slot.centreCode, slot.capacity, slot.status.name(), Instant.now()));
    }

    /** Withdraws a slot that is not withdrawn yet; returns false if there was nothing to do. */
    public boolean withdraw(Slot slot, String reason) {
        if (slot.status == SlotStatus.WITHDRAWN) {
            return false;
        }
        slot.status = SlotStatus.WITHDRAWN;
        slot.withdrawnReason = reason;
        outbox.publish(
                Topics.SLOTS,
                slot.centreCode,
                SlotWithdrawnV1.TYPE,
                new SlotWithdrawnV1(slot.id, slot.centreCode, reason, Instant.now()));
        return true;
    }
}
