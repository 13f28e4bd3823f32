package rdptriage.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import rdptriage.inference.Assessment;

/** No result calls a weak leader "most likely", and "none of the known causes" is named when it leads. */
class CertaintyTest {

    private static Assessment ranked(double top, double unlisted) {
        return new Assessment(Map.of(), List.of(
                new Assessment.RankedCause("vpn", "VPN drops the connection", top, "community reports only", List.of()),
                new Assessment.RankedCause("cert", "Certificate", 1 - top - unlisted, "documented by Microsoft", List.of())),
                unlisted, null, "stop", null, List.of());
    }

    @Test
    void aLeaderFromSeventyPercentIsMostLikely() {
        assertEquals("Most likely: VPN drops the connection (72%)", Certainty.headline(ranked(0.72, 0.05)));
    }

    @Test
    void aLeaderFromFortyPercentIsLikelyAndSaysItIsNotCertain() {
        assertEquals("Likely: VPN drops the connection (45%), not yet certain", Certainty.headline(ranked(0.45, 0.05)));
    }

    @Test
    void aWeakLeaderIsNeverCalledMostLikely() {
        assertEquals("No cause stands out yet: VPN drops the connection leads at 14%", Certainty.headline(ranked(0.14, 0.10)));
    }

    @Test
    void noneOfTheKnownCausesIsNamedWhenItLeads() {
        assertEquals("None of the known causes fits well (60%): collect what the plan lists before changing anything;"
                + " the closest known cause is VPN drops the connection at 30%",
                Certainty.headline(ranked(0.30, 0.60)));
    }
}
