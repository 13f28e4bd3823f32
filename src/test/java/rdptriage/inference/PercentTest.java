package rdptriage.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PercentTest {

    /** Percent.of prints what String.format("%.0f%%", p * 100) printed before it, for every probability. */
    @Test
    void readsAsTheFormatterPrintedIt() {
        Random random = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            double p = switch (i % 4) {
                case 0 -> random.nextDouble();
                case 1 -> (random.nextInt(2001) + 0.5) / 2000;   // halves of a percent and their neighbours
                case 2 -> Math.nextUp((random.nextInt(201) + 0.5) / 200);
                default -> Math.nextDown((random.nextInt(201) + 0.5) / 200);
            };
            String expected = p > 0 && p < 0.005 ? "<1%" : String.format(Locale.ROOT, "%.0f%%", p * 100);
            assertEquals(expected, Percent.of(p), "p = " + p);
        }
        for (double p : new double[] {0, 0.005, 0.0049999, 0.015, 0.025, 0.125, 0.995, 0.9949999999, 1, 0.285, 0.575}) {
            assertEquals(p > 0 && p < 0.005 ? "<1%" : String.format(Locale.ROOT, "%.0f%%", p * 100), Percent.of(p), "p = " + p);
        }
    }
}
