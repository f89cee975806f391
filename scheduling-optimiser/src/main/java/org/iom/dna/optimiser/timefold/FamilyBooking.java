package org.iom.dna.optimiser.timefold;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import java.util.List;

/**
 * One family's booking as Timefold plans it: a centre-day among the family's own openings, or none (unassigned, which
 * the objective charges as unscheduled members).
 */
@PlanningEntity
public class FamilyBooking {

    @PlanningId
    private int family;

    private int size;
    private long unscheduledCost;
    /** Cost of each opening, by centre-day index (only the family's openings are set). */
    private long[] costByCentreDay;

    private List<CentreDaySlot> openings;

    @PlanningVariable(valueRangeProviderRefs = "openings", allowsUnassigned = true)
    private CentreDaySlot centreDay;

    public FamilyBooking() {}

    FamilyBooking(int family, int size, long unscheduledCost, long[] costByCentreDay, List<CentreDaySlot> openings) {
        this.family = family;
        this.size = size;
        this.unscheduledCost = unscheduledCost;
        this.costByCentreDay = costByCentreDay;
        this.openings = openings;
    }

    @ValueRangeProvider(id = "openings")
    public List<CentreDaySlot> getOpenings() {
        return openings;
    }

    public int getFamily() {
        return family;
    }

    public int getSize() {
        return size;
    }

    public long getUnscheduledCost() {
        return unscheduledCost;
    }

    /** The objective's waiting cost of the family on its centre-day (0 when unassigned). */
    public long waitingCost() {
        return centreDay == null ? 0 : costByCentreDay[centreDay.index()];
    }

    public CentreDaySlot getCentreDay() {
        return centreDay;
    }

    public void setCentreDay(CentreDaySlot centreDay) {
        this.centreDay = centreDay;
    }
}
