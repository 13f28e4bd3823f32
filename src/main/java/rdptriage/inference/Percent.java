package rdptriage.inference;

/** Probabilities as people read them: 0.4213 is "42%", below 1% is "<1%". */
public final class Percent {

    private Percent() {}

    public static String of(double p) {
        if (p > 0 && p < 0.005) {
            return "<1%";
        }
        // what String.format("%.0f%%") prints, without the formatter: the shortest decimal of the
        // double, rounded half up (PercentTest holds the two alike)
        return new java.math.BigDecimal(Double.toString(p * 100)).setScale(0, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
