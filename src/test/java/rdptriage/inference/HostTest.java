package rdptriage.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The host's name, given once, fills the commands; nothing but a name or an address is taken. */
class HostTest {

    @Test
    void aNameFillsHostButNotTheAddressPlaceholder() {
        Host h = Host.parse(" srv-app01.corp.example.com ");
        assertEquals("Test-NetConnection srv-app01.corp.example.com -Port 3389", h.fill("Test-NetConnection <host> -Port 3389"));
        assertEquals("mstsc /v:<ip-address>", h.fill("mstsc /v:<ip-address>"), "a name is not an address");
        Host ip = Host.parse("10.0.0.5");
        assertTrue(ip.address());
        assertEquals("mstsc /v:10.0.0.5", ip.fill("mstsc /v:<ip-address>"));
        assertTrue(Host.parse("fe80::1").address());
        assertNull(Host.parse("  "));
    }

    @Test
    void anythingThatCouldChangeACommandIsRefusedWithWhatIsExpected() {
        for (String bad : new String[] {"srv;calc", "srv & del x", "$(whoami)", "srv`id`", "srv|more", "-ComputerName x",
                "a b", "srv\"", "x".repeat(300)}) {
            BadInput e = assertThrows(BadInput.class, () -> Host.parse(bad), bad);
            assertTrue(e.getMessage().contains("expected letters, digits, dots and hyphens"), e.getMessage());
        }
    }

    @Test
    void theAssessmentForAHostFillsEveryCommandOfThePlanAndCarriesTheHostInItsSession() {
        Engine engine = Engines.compiled();
        Assessment a = engine.assess(engine.answers(Map.of("error-code", "0x204"))).forHost(Host.parse("srv01"));
        assertEquals("srv01", a.session().get(Assessment.HOST));
        assertFalse(a.plan().isEmpty());
        boolean filled = false;
        for (Assessment.PlanItem p : a.plan()) {
            for (var s : p.steps()) {
                assertFalse(s.command() != null && s.command().contains("<host>"), s.command());
                filled |= s.command() != null && s.command().contains("srv01");
            }
        }
        assertTrue(filled, "some step of the plan names the host");
        assertTrue(a.nextQuestion() == null || a.nextQuestion().command() == null || !a.nextQuestion().command().contains("<host>"));
    }
}
