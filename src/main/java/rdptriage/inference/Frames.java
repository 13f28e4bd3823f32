package rdptriage.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * The markers a diagnostic script ({@code rdp-triage collect}) prints around each check's output,
 * and where they stand in a paste: an answer read between a check's markers is shown as read from
 * that check's output. A frame without its end line runs to the next frame or the end of the text.
 */
public final class Frames {

    /** What a frame's end line says when the check ran; otherwise "error: ..." or "skipped: ...". */
    public static final String OK = "ok";
    /** The line that starts the summary after the frames; nothing after it belongs to a check. */
    public static final String SUMMARY = "##### rdp-triage summary #####";

    private static final Pattern BEGIN = Pattern.compile("(?m)^##### rdp-triage check ([a-z0-9-]+) begin: .*? #####\\r?$");
    private static final Pattern END = Pattern.compile("(?m)^##### rdp-triage check ([a-z0-9-]+) end: (.*?) #####\\r?$");

    /**
     * One check's output in a paste: the check's id, where its output starts and ends, its end
     * line's status (null if none), and where the frame starts and ends with its marker lines.
     */
    public record Frame(String check, int start, int end, String status, int from, int to) {}

    private Frames() {}

    public static String begin(String check, String title) {
        return "##### rdp-triage check " + check + " begin: " + title + " #####";
    }

    public static String end(String check, String status) {
        return "##### rdp-triage check " + check + " end: " + status + " #####";
    }

    /** The frames of a paste, in order. */
    public static List<Frame> in(String text) {
        List<Frame> frames = new ArrayList<>();
        if (!text.contains("##### rdp-triage check ")) {
            return frames;
        }
        int summary = text.indexOf(SUMMARY);
        int limit = summary < 0 ? text.length() : summary;
        List<MatchResult> begins = BEGIN.matcher(text).region(0, limit).results().toList();
        for (int i = 0; i < begins.size(); i++) {
            MatchResult begin = begins.get(i);
            int next = i + 1 < begins.size() ? begins.get(i + 1).start() : limit;
            MatchResult end = END.matcher(text).region(begin.end(), next).results()
                    .filter(e -> e.group(1).equals(begin.group(1))).findFirst().orElse(null);
            frames.add(end == null ? new Frame(begin.group(1), begin.end(), next, null, begin.start(), next)
                    : new Frame(begin.group(1), begin.end(), end.start(), end.group(2), begin.start(), end.end()));
        }
        return frames;
    }

    /** A marker line, or the part of one a match took (a signal may stop at "end: ok"). */
    private static final Pattern MARKER = Pattern.compile("##### rdp-triage check [a-z0-9-]+ (?:begin|end): [^#\\n]*(?:#####)?");

    /**
     * Words read from a paste without the frame's marker lines in them: an answer read from an
     * empty output shows as "(no output)" in the output of its check, not as the markers.
     */
    static String withoutMarkers(String words) {
        return words.contains("##### rdp-triage check ") ? MARKER.matcher(words).replaceAll(" ") : words;
    }

    /** The check whose frame (its output or its marker lines) holds {@code offset}, or null. */
    static String checkAt(List<Frame> frames, int offset) {
        for (Frame f : frames) {
            if (offset >= f.from() && offset < f.to()) {
                return f.check();
            }
        }
        return null;
    }
}
