package rdptriage.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rdptriage.inference.BadInput;
import rdptriage.inference.Clip;
import rdptriage.knowledge.Question;

/** Reads --answer ID=VALUE flags; a question given again adds an answer (checked later against the question). */
final class AnswerFlags {

    private AnswerFlags() {}

    static Map<String, String> parse(List<String> flags) {
        Map<String, String> raw = new LinkedHashMap<>();
        for (String flag : flags) {
            int eq = flag.indexOf('=');
            if (eq <= 0) {
                throw new BadInput("--answer '" + Clip.of(flag) + "': expected ID=VALUE, e.g. --answer error-code=0x904");
            }
            raw.merge(flag.substring(0, eq), flag.substring(eq + 1), Question::add);
        }
        return raw;
    }
}
