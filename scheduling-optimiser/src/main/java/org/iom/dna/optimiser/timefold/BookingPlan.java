package org.iom.dna.optimiser.timefold;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import java.util.List;

/** Every family's booking and every centre-day: the problem Timefold solves, and its answer. */
@PlanningSolution
public class BookingPlan {

    @ProblemFactCollectionProperty
    private List<CentreDaySlot> centreDays;

    @PlanningEntityCollectionProperty
    private List<FamilyBooking> bookings;

    @PlanningScore
    private HardSoftLongScore score;

    public BookingPlan() {}

    BookingPlan(List<CentreDaySlot> centreDays, List<FamilyBooking> bookings) {
        this.centreDays = centreDays;
        this.bookings = bookings;
    }

    public List<CentreDaySlot> getCentreDays() {
        return centreDays;
    }

    public List<FamilyBooking> getBookings() {
        return bookings;
    }

    public HardSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardSoftLongScore score) {
        this.score = score;
    }
}
