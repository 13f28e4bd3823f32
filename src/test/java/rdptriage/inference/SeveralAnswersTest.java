package rdptriage.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A question that takes several answers (recent-change): one value, the options joined in their order. */
class SeveralAnswersTest {

    private static Answers answers(Map<String, String> raw) {
        return Engines.compiled().answers(raw);
    }

    @Test
    void severalAnswersAreKeptInTheOrderOfTheOptions() {
        assertEquals("host-renamed,network-change",
                answers(Map.of("recent-change", "network-change, host-renamed,network-change")).values().get("recent-change"));
    }

    @Test
    void everyAnswerGivenCountsAsEvidence() {
        Set<String> renamed = reasons(Map.of("recent-change", "host-renamed"));
        Set<String> network = reasons(Map.of("recent-change", "network-change"));
        Set<String> both = reasons(Map.of("recent-change", "host-renamed,network-change"));
        assertTrue(both.containsAll(renamed) && both.containsAll(network), both.toString());
        assertTrue(!renamed.isEmpty() && !network.isEmpty());
    }

    private static Set<String> reasons(Map<String, String> raw) {
        return Engines.compiled().assess(answers(raw)).causes().stream()
                .flatMap(c -> c.reasons().stream().map(r -> c.id() + ": " + r.text())).collect(Collectors.toSet());
    }

    @Test
    void aQuestionThatTakesOneAnswerRefusesTwoNamingBoth() {
        BadInput e = assertThrows(BadInput.class, () -> answers(Map.of("tcp-3389-test", "succeeded,failed")));
        assertTrue(e.getMessage().contains("question 'tcp-3389-test' takes one answer, found 2 ('succeeded,failed')"), e.getMessage());
    }

    @Test
    void iDontKnowStandsAlone() {
        BadInput e = assertThrows(BadInput.class, () -> answers(Map.of("recent-change", "host-renamed,dont-know")));
        assertTrue(e.getMessage().contains("\"I don't know\" cannot be given together with other answers"), e.getMessage());
    }

    @Test
    void anUnknownPartIsNamedAlone() {
        BadInput e = assertThrows(BadInput.class, () -> answers(Map.of("recent-change", "host-renamed,new-printer")));
        assertTrue(e.getMessage().contains("question 'recent-change' has no option 'new-printer'"), e.getMessage());
    }

    @Test
    void theNextQuestionSaysWhetherItTakesSeveralAnswers() {
        var ask = Engines.compiled().assess(answers(Map.of())).nextQuestion();
        var q = Engines.knowledge().question(ask.id());
        assertEquals(q.multiple(), ask.multiple());
        assertEquals(List.of("recent-change", "unusual-setup"), Engines.knowledge().questions().stream()
                .filter(x -> x.multiple()).map(x -> x.id()).toList());
    }
}
