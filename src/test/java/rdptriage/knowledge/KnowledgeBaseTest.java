package rdptriage.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import rdptriage.inference.Engines;

class KnowledgeBaseTest {

    private final KnowledgeBase kb = Engines.knowledge();

    @Test
    void theBuiltInKnowledgeHasEveryPart() {
        assertTrue(kb.causes().size() >= 20, "causes: " + kb.causes().size());
        assertTrue(kb.questions().size() >= 20, "questions: " + kb.questions().size());
        assertEquals(List.of("client", "extended", "main", "message"), kb.tables().stream().map(CodeTable::table).sorted().toList());
    }

    @Test
    void theCodesOfTheDialogAreDecodedToTheirDocumentedFamilies() {
        assertEquals("socket-closed", kb.family("error-code", "0x904").orElseThrow());
        assertEquals("server-denied", kb.family("extended-code", "0x7").orElseThrow());
        assertEquals("connect-failed", kb.family("error-code", "0x204").orElseThrow());
        assertEquals("certificate-expired", kb.family("error-code", "0x1B07").orElseThrow());
        assertEquals("credssp-oracle", kb.family("dialog-message", "credssp-oracle").orElseThrow());
    }

    @Test
    void theMainCodeTableCarriesMicrosoftsNames() {
        CodeEntry e = kb.tables().stream().filter(t -> t.table().equals("main")).findFirst().orElseThrow()
                .codes().stream().filter(c -> c.code().equals("0x904")).findFirst().orElseThrow();
        assertEquals("disconnectReasonAtClientWinsockFDCLOSE", e.name());
        assertEquals(2308, e.decimal());
    }

    @Test
    void everyQuestionLetsThePersonSayTheyDoNotKnow() {
        for (Question q : kb.questions()) {
            assertTrue(q.option(Option.DONT_KNOW).isPresent(), q.id());
        }
    }

    @Test
    void everyCauseSourceResolvesToATitleAndUrl() {
        for (Cause c : kb.causes()) {
            for (String key : c.sources()) {
                Source s = kb.source(key).orElseThrow();
                assertTrue(s.url().startsWith("https://"), key + " " + s.url());
            }
        }
    }
}
