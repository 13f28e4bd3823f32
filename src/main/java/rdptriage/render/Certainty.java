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

    /** True when "none of the known causes" is more likely than every known cause. */
    public static boolean unlistedLeads(Assessment a) {
        return a.unlisted() > a.leader().probability();
    }

    /** What the result is about, for a page title: the leading cause, or "None of the known causes". */
    public static String subject(Assessment a) {
        return unlistedLeads(a) ? "None of the known causes" : a.leader().title();
    }

    /** The probability of the leading outcome, known cause or not. */
    public static double leading(Assessment a) {
        return Math.max(a.unlisted(), a.leader().probability());
    }

    /** One line for the top of a result, e.g. "No cause stands out yet: VPN leads at 14%". */
    public static String headline(Assessment a) {
        Assessment.RankedCause top = a.leader();
        String p = Percent.of(top.probability());
        if (unlistedLeads(a)) {
            return "None of the known causes fits well (" + Percent.of(a.unlisted()) + "): collect what the plan lists"
                    + " before changing anything; the closest known cause is " + top.title() + " at " + p;
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
