package org.iom.dna.optimiser.generate;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The real sampling centres (MHACs) as the registry seeds them: their countries, languages and working weeks, and
 * the languages of the families each country sees. Generated instances use these so that interpreters and working
 * days constrain them as they do the live service.
 */
final class Mhacs {

    /** A centre as the registry describes it. */
    record Mhac(String code, String country, List<String> languages) {}

    /** A language families in a country speak, how common it is, and how often they need an interpreter for it. */
    record Spoken(String language, double share, double needsInterpreter) {}

    static final List<Mhac> ALL = List.of(
            new Mhac("ET-ADD", "ET", List.of("am", "ti", "en", "so")),
            new Mhac("ET-SHI", "ET", List.of("ti", "am", "en")),
            new Mhac("ET-JIJ", "ET", List.of("so", "am", "en")),
            new Mhac("IR-THR", "IR", List.of("fa", "prs", "ps", "en")),
            new Mhac("LB-BEY", "LB", List.of("ar", "en")),
            new Mhac("SD-KRT", "SD", List.of("ar", "ti", "en")),
            new Mhac("SD-PZU", "SD", List.of("ar", "ti", "en")),
            new Mhac("TR-IST", "TR", List.of("tr", "ar", "fa", "en")),
            new Mhac("TR-ANK", "TR", List.of("tr", "ar", "fa", "en")));

    /** Working days per country, in the order a centre's week starts; Iran's Thursday is a half day. */
    static final Map<String, List<DayOfWeek>> WORKING_WEEK = Map.of(
            "ET", week(DayOfWeek.MONDAY),
            "LB", week(DayOfWeek.MONDAY),
            "TR", week(DayOfWeek.MONDAY),
            "SD", week(DayOfWeek.SUNDAY),
            "IR",
                    List.of(
                            DayOfWeek.SATURDAY,
                            DayOfWeek.SUNDAY,
                            DayOfWeek.MONDAY,
                            DayOfWeek.TUESDAY,
                            DayOfWeek.WEDNESDAY,
                            DayOfWeek.THURSDAY));

    static final DayOfWeek HALF_DAY_IN_IRAN = DayOfWeek.THURSDAY;

    /** Eritreans (ti) and Somalis (so) in Ethiopia, Afghans (fa-AF, ps) in Iran and Turkey, Syrians (ar-SY). */
    static final Map<String, List<Spoken>> SPOKEN = Map.of(
            "ET",
                    List.of(
                            new Spoken("ti", 0.45, 0.6),
                            new Spoken("am", 0.25, 0.3),
                            new Spoken("so", 0.25, 0.6),
                            new Spoken("en", 0.05, 0)),
            "IR", List.of(new Spoken("fa-AF", 0.6, 0.3), new Spoken("ps", 0.3, 0.6), new Spoken("fa", 0.1, 0.2)),
            "LB", List.of(new Spoken("ar-SY", 0.9, 0.2), new Spoken("ar", 0.1, 0.1)),
            "SD", List.of(new Spoken("ti", 0.5, 0.6), new Spoken("ar-SD", 0.5, 0.1)),
            "TR", List.of(new Spoken("ar-SY", 0.6, 0.4), new Spoken("fa-AF", 0.3, 0.4), new Spoken("tr", 0.1, 0)));

    private Mhacs() {}

    static List<Mhac> byCodes(List<String> codes) {
        return codes.stream()
                .map(code -> ALL.stream()
                        .filter(m -> m.code().equals(code))
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("unknown centre " + code)))
                .toList();
    }

    /** Five working days from {@code first}: Monday to Friday, or Sunday to Thursday. */
    private static List<DayOfWeek> week(DayOfWeek first) {
        return IntStream.range(0, 5).mapToObj(first::plus).toList();
    }
}
