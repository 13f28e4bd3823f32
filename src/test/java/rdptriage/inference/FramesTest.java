package rdptriage.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Where each check's output stands in a pasted script output (issue 14). */
class FramesTest {

    @Test
    void eachFrameRunsFromItsBeginToItsOwnEndLine() {
        String text = "# rdp-triage collect, side host\n"
                + Frames.begin("a", "First") + "\nout a\n" + Frames.end("a", "ok") + "\n"
                + Frames.begin("b", "Second") + "\n" + Frames.end("b", "skipped: needs an elevated PowerShell") + "\n";
        List<Frames.Frame> frames = Frames.in(text);
        assertEquals(2, frames.size());
        assertEquals("\nout a\n", text.substring(frames.get(0).start(), frames.get(0).end()));
        assertEquals("ok", frames.get(0).status());
        assertEquals("skipped: needs an elevated PowerShell", frames.get(1).status());
        assertEquals("a", Frames.checkAt(frames, text.indexOf("out a")));
        assertEquals("b", Frames.checkAt(frames, text.indexOf("Second")), "the marker lines belong to their frame");
        assertNull(Frames.checkAt(frames, 0), "the header belongs to no check");
    }

    @Test
    void aFrameCutShortRunsToTheNextFrameAndTheSummaryBelongsToNone() {
        String text = Frames.begin("a", "First") + "\nout a\n" + Frames.end("z", "ok") + "\n"
                + Frames.begin("b", "Second") + "\nout b\n" + Frames.SUMMARY + "\na: Running\n";
        List<Frames.Frame> frames = Frames.in(text);
        assertEquals(2, frames.size());
        assertNull(frames.get(0).status(), "an end line of another check does not end this one");
        assertEquals(text.indexOf(Frames.begin("b", "Second")), frames.get(0).end());
        assertEquals(text.indexOf(Frames.SUMMARY), frames.get(1).end());
        assertNull(Frames.checkAt(frames, text.indexOf("a: Running")));
    }

    @Test
    void wordsShownLoseTheMarkers() {
        assertEquals("VERBOSE: done True", Frames.withoutMarkers(Frames.begin("t", "Test it") + " VERBOSE: done True " + Frames.end("t", "ok")).strip());
        assertEquals("", Frames.withoutMarkers(Frames.begin("t", "Test it") + "  " + Frames.end("t", "ok")).strip());
        assertEquals("Error code: 0x904", Frames.withoutMarkers("Error code: 0x904"));
        assertEquals("", Frames.withoutMarkers(Frames.begin("t", "Test it") + "  ##### rdp-triage check t end: ok").strip());
    }

    @Test
    void textWithoutMarkersHasNoFrames() {
        assertEquals(List.of(), Frames.in("Error code: 0x904\n##### not a frame #####\n"));
        assertEquals(List.of(), Frames.in("##### rdp-triage check BAD_ID begin: x #####\n"));
    }
}
