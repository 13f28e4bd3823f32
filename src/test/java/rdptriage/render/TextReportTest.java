package rdptriage.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import rdptriage.inference.Assessment;
import rdptriage.inference.Engine;
import rdptriage.inference.Engines;
import rdptriage.knowledge.Step;

/** The terminal report: prose wrapped to the width, commands never; the first steps in full, the others by title. */
class TextReportTest {

    private static Assessment session() {
        Engine engine = Engines.compiled();
        return engine.assess(engine.answers(Map.of("error-code", "0x904", "extended-code", "0x7")));
    }

    @Test
    void everyLineFitsTheWidthExceptCommandLinesWhichStayWhole() {
        Assessment a = session();
        Set<String> commandLines = a.plan().stream()
                .flatMap(p -> java.util.stream.Stream.of(p.steps(), p.rollback(), p.verify()).flatMap(List::stream))
                .map(Step::command).filter(c -> c != null).flatMap(c -> c.strip().lines()).map(String::strip)
                .collect(Collectors.toSet());
        for (int width : new int[] {60, 80, 132}) {
            String text = new TextReport(Engines.knowledge(), width).render(a, 5);
            for (String line : text.split("\n")) {
                assertTrue(line.length() <= width || commandLines.contains(line.strip()) || !line.strip().contains(" "),
                        width + " columns: " + line);
            }
            // the commands of the steps in full are printed whole, each line on its own line
            for (var p : a.plan().subList(0, SessionView.STEPS_IN_FULL)) {
                for (Step s : p.steps()) {
                    if (s.command() != null) {
                        s.command().strip().lines().forEach(c -> assertTrue(text.contains("\n        " + c + "\n"), width + " columns: " + c));
                    }
                }
            }
        }
    }

    @Test
    void theFirstStepsComeInFullAndTheOthersByTitleWithWhereToFindThem() {
        Assessment a = session();
        String text = new TextReport(Engines.knowledge(), 100).render(a, 5);
        int full = SessionView.STEPS_IN_FULL;
        assertTrue(a.plan().size() > full, "the session has more steps than are shown in full");
        assertTrue(text.contains("The other " + (a.plan().size() - full) + " steps, in full with --format markdown"), text);
        var last = a.plan().get(a.plan().size() - 1);
        assertTrue(text.contains(last.title().substring(0, 20)), last.title());
        String afterList = text.substring(text.indexOf("The other "));
        assertEquals(-1, afterList.indexOf("    for: "), "no step after the first ones in full");
    }
}
