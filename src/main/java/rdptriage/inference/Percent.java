package rdptriage.inference;

import java.util.Locale;

/** Probabilities as people read them: 0.4213 is "42%", below 1% is "<1%". */
public final class Percent {

    private Percent() {}

    public static String of(double p) {
        if (p > 0 && p < 0.005) {
            return "<1%";
        }
        return String.format(Locale.ROOT, "%.0f%%", p * 100);
    }
}
