package rdptriage.inference;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The paste box: any text up to the limit is read into answers the knowledge offers (read back
 * through the same validation as a typed answer), or refused as too long; never anything else.
 */
class TicketFuzzTest extends rdptriage.FuzzTarget {

    @Override
    protected void check(FuzzedDataProvider data) {
        Engine engine = Engines.compiled();
        String text = data.consumeRemainingAsString();
        Reading reading;
        try {
            reading = engine.read(text, engine.answers(Map.of()));
        } catch (BadInput e) {
            assertTrue(text.length() > Ticket.MAX_CHARS, "only an over-long text is refused: " + e.getMessage());
            return;
        }
        Map<String, String> raw = new LinkedHashMap<>(reading.answers().values());
        engine.answers(raw);
        for (Reading.Extracted e : reading.extracted()) {
            assertTrue(engine.knowledge().question(e.question()) != null, e.toString());
        }
    }
}
