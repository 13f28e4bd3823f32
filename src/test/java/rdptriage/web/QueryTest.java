package rdptriage.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryTest {

    @Test
    void pairsAreDecodedInOrder() {
        Query q = Query.parse("error-code=0x904&dialog-message=generic%2Dcant+connect");
        assertEquals(Map.of("error-code", "0x904", "dialog-message", "generic-cant connect"), q.pairs());
        assertEquals(java.util.List.of("error-code", "dialog-message"), java.util.List.copyOf(q.pairs().keySet()));
        assertTrue(q.problems().isEmpty());
    }

    @Test
    void badPercentEncodingIsNamedAndTheOtherPairsKept() {
        Query q = Query.parse("error-code=0x904&extended-code=%zz");
        assertEquals(Map.of("error-code", "0x904"), q.pairs());
        assertEquals(1, q.problems().size());
        assertTrue(q.problems().get(0).contains("'extended-code=%zz' is not valid URL encoding"), q.problems().get(0));
    }

    @Test
    void aNameWithoutValueIsNamed() {
        Query q = Query.parse("error-code");
        assertTrue(q.pairs().isEmpty());
        assertTrue(q.problems().get(0).contains("'error-code' has no value; expected question-id=value"));
    }

    @Test
    void aNameGivenAgainAddsAnAnswerThatOnlyAMultipleQuestionAccepts() {
        Query q = Query.parse("recent-change=network-change&error-code=0x904&recent-change=host-renamed&error-code=0x204");
        assertEquals(Map.of("recent-change", "network-change,host-renamed", "error-code", "0x904,0x204"), q.pairs());
        assertTrue(q.problems().isEmpty(), q.problems().toString());
        var checked = q.answers(rdptriage.inference.Engines.knowledge());
        assertEquals(Map.of("recent-change", "host-renamed,network-change"), checked.valid().values());
        assertTrue(checked.problems().get(0).contains("question 'error-code' takes one answer, found 2 ('0x904,0x204')"),
                checked.problems().toString());
    }

    @Test
    void anOversizedQueryIsCutAtAPairBoundaryAndTheStartKept() {
        String huge = "error-code=0x904&x=" + "a".repeat(100_000);
        Query q = Query.parse(huge);
        assertEquals(Map.of("error-code", "0x904"), q.pairs());
        assertTrue(q.problems().get(0).contains("the address is too long: its query has 100019 characters, at most 4096"));
    }

    @Test
    void tooManyPairsAreCut() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            s.append("q").append(i).append("=v&");
        }
        Query q = Query.parse(s.toString());
        assertEquals(Query.MAX_PAIRS, q.pairs().size());
        assertTrue(q.problems().get(0).contains("more than 64 parts"));
    }

    @Test
    void hostileTextInAProblemIsClipped() {
        Query q = Query.parse("x=1&x=" + "<script>".repeat(50));
        var problems = q.answers(rdptriage.inference.Engines.knowledge()).problems();
        assertTrue(problems.get(0).length() < 250, problems.get(0));
    }
}
