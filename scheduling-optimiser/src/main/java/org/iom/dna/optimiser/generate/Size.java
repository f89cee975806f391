package org.iom.dna.optimiser.generate;

import java.util.List;

/**
 * The shapes of generated instances.
 *
 * @param members members to generate; the centres' capacity is set so that members ÷ capacity is the load asked
 *     for, so at a higher load the same families share less capacity
 * @param centres the centres' codes
 * @param weeks the planning horizon
 * @param samplingDaysPerWeek how many of a centre's working days it samples on (MHACs do DNA sampling on some days)
 */
public record Size(String name, int members, List<String> centres, int weeks, int samplingDaysPerWeek) {

    /** A few centres on a sampling schedule of 4 days a week, 5–10 persons a day: what one office plans. */
    public static final Size REALISTIC = new Size("realistic", 300, List.of("ET-ADD", "ET-SHI", "IR-THR"), 4, 4);

    public static final Size MEDIUM =
            new Size("medium", 10_000, List.of("ET-ADD", "ET-SHI", "IR-THR", "LB-BEY", "SD-KRT", "TR-IST"), 4, 5);

    public static final Size LARGE = new Size(
            "large",
            30_000,
            List.of("ET-ADD", "ET-SHI", "ET-JIJ", "IR-THR", "LB-BEY", "SD-KRT", "SD-PZU", "TR-IST", "TR-ANK"),
            8,
            5);

    public static Size named(String name) {
        return switch (name) {
            case "realistic" -> REALISTIC;
            case "medium" -> MEDIUM;
            case "large" -> LARGE;
            default -> throw new IllegalArgumentException("unknown size " + name + ": realistic, medium or large");
        };
    }
}
