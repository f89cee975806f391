package org.iom.dna.optimiser.timefold;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintCollectors;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;

/**
 * The objective of {@link org.iom.dna.optimiser.rules.Objective} as Timefold constraints: capacity is hard (persons per
 * centre-day); unscheduled members and weighted waiting are soft. Every other rule holds by construction, since a
 * family only ever takes one of its own openings.
 */
public class BookingConstraints implements ConstraintProvider {

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
            factory.forEach(FamilyBooking.class)
                    .groupBy(FamilyBooking::getCentreDay, ConstraintCollectors.sum(FamilyBooking::getSize))
                    .filter((day, persons) -> persons > day.capacity())
                    .penalizeLong(HardSoftLongScore.ONE_HARD, (day, persons) -> persons - day.capacity())
                    .asConstraint("capacity of a centre-day"),
            factory.forEachIncludingUnassigned(FamilyBooking.class)
                    .filter(b -> b.getCentreDay() == null)
                    .penalizeLong(HardSoftLongScore.ONE_SOFT, FamilyBooking::getUnscheduledCost)
                    .asConstraint("unscheduled members"),
            factory.forEach(FamilyBooking.class)
                    .penalizeLong(HardSoftLongScore.ONE_SOFT, FamilyBooking::waitingCost)
                    .asConstraint("weighted waiting")
        };
    }
}
