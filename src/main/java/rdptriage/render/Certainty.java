package rdptriage.render;

import rdptriage.inference.Assessment;
import rdptriage.inference.Percent;

/**
 * How sure the ranking is, in words: no page, report or ticket note calls a cause "most likely"
 * without saying how uncertain it is, and when "none of the known causes" leads, it says so.
 * The bands are wording, not model numbers: most likely from 70 %, likely from 40 %.
 */
public final class Certainty {

    static final double MOST_LIKELY = 0.70;
    static final double LIKELY = 0.40;

    private Certainty() {}

    /** One line for the top of a result, e.g. "No cause stands out yet: VPN leads at 14%". */
    public static String headline(Assessment a) {
        Assessment.RankedCause top = a.leader();
        String p = Percent.of(top.probability());
        if (a.unlisted() > top.probability()) {
            return "None of the known causes fits well (" + Percent.of(a.unlisted()) + "); the closest is "
                    + top.title() + " at " + p;
        }
        if (top.probability() >= MOST_LIKELY) {
            return "Most likely: " + top.title() + " (" + p + ")";
        }
        if (top.probability() >= LIKELY) {
            return "Likely: " + top.title() + " (" + p + "), not yet certain";
        }
        return "No cause stands out yet: " + top.title() + " leads at " + p;
    }
}
