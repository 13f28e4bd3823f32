package rdptriage.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import rdptriage.inference.Engines;

/** Every real case of the accuracy benchmark reads: known questions, options and causes, one case per thread. */
class CasesTest {

    @Test
    void everyCaseNamesOnlyKnownQuestionsOptionsAndCauses() throws IOException {
        // read() throws listing every unknown question, option or cause, and every repeated id or thread
        List<Accuracy.Case> cases = Accuracy.read(Path.of("bench/accuracy/cases"), Engines.knowledge());
        assertTrue(cases.stream().allMatch(c -> c.source().startsWith("https://")), "every case names its thread");
    }

    @Test
    void aCaseWithAnUnknownOptionIsRefusedWithItsFileAndField(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        java.nio.file.Files.writeString(dir.resolve("x-01.yaml"), """
                id: x-01
                source: https://example.org/thread
                facts_in_ticket:
                  error-code: "0x905"
                cause: rdp-certificate
                """);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Accuracy.read(dir, Engines.knowledge()));
        assertTrue(e.getMessage().contains("x-01.yaml: question 'error-code' has no option '0x905'"), e.getMessage());
    }
}
