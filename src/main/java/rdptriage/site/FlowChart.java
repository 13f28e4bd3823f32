package rdptriage.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import rdptriage.knowledge.Option;
import rdptriage.render.Links;
import rdptriage.site.GuidedPath.Branch;
import rdptriage.site.GuidedPath.Node;
import rdptriage.site.GuidedPath.Outcome;

/**
 * Lays the guided path out as an SVG flowchart, computed at build time: one row per node, each
 * indented under the question it answers, "if answer → next" on the row, elbow connectors from each
 * question to its answers. Questions link to their help on the same page, outcomes to their
 * articles. Text is wrapped by a character budget, so the geometry needs no font at build time.
 */
public final class FlowChart {

    /** One line of text at its baseline. */
    public record Line(String x, String y, String text) {}

    /** Something a reader can follow: its lines of text and where it leads (null for plain text). */
    public record Item(String href, String label, List<Line> lines, Hit hit) {}

    /** The area a reader can click for an item: its lines across the whole box, so a click between two lines still follows it. */
    public record Hit(String x, String y, String width, String height) {}

    /** A row: the answer that leads here (empty for the start), and the node's box with its items. */
    public record Row(String kind, List<Line> answer, String boxX, String boxY, String boxWidth, String boxHeight,
                      List<Item> items) {}

    static final int FONT = 14;
    /** A generous average advance of the sans-serif faces in use at 14 px, so text stays inside its box. */
    static final double CHAR = 7.8;
    static final int LINE = 19;
    static final int PAD = 7;
    static final int GAP = 10;
    static final int INDENT = 30;
    static final int ANSWER_CHARS = 26;
    static final int NODE_CHARS = 46;
    static final int MARGIN = 8;

    private final Links links;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> connectors = new ArrayList<>();
    private double y = MARGIN;
    private double width;

    public FlowChart(Node root, Links links) {
        this.links = links;
        place(root, null, MARGIN);
    }

    public List<Row> rows() {
        return rows;
    }

    /** SVG path data of the connectors. */
    public List<String> connectors() {
        return connectors;
    }

    public String width() {
        return n(width + MARGIN);
    }

    public String height() {
        return n(y - GAP + MARGIN);
    }

    public String viewBox() {
        return "0 0 " + width() + " " + height();
    }

    /** Places a node at {@code x} and its branches under it; returns the middle of its row, for the connector. */
    private double place(Node node, Branch via, double x) {
        double top = y;
        List<Line> answer = new ArrayList<>();
        double boxX = x;
        List<String> answerText = via == null ? List.of() : wrap(answerLabel(via.answers()), ANSWER_CHARS);
        double answerWidth = 0;
        for (String t : answerText) {
            answerWidth = Math.max(answerWidth, t.length() * CHAR);
        }
        if (via != null) {
            boxX = x + answerWidth + GAP + 14;   // room for the " →" that ends the answer's last line
        }
        List<Text> texts = texts(node);
        double textWidth = 0;
        int lines = 0;
        for (Text t : texts) {
            for (String l : t.lines()) {
                textWidth = Math.max(textWidth, l.length() * CHAR);
                lines++;
            }
        }
        double boxHeight = Math.max(lines, 1) * LINE + 2 * PAD;
        double rowHeight = Math.max(boxHeight, answerText.size() * LINE + 2 * PAD);
        // answer lines are centred on the box
        double answerTop = top + (rowHeight - answerText.size() * LINE) / 2;
        for (int i = 0; i < answerText.size(); i++) {
            String t = answerText.get(i) + (i == answerText.size() - 1 ? " →" : "");
            answer.add(new Line(n(x), n(answerTop + (i + 1) * LINE - 5), t));
        }
        double boxTop = top + (rowHeight - boxHeight) / 2;
        double boxWidth = textWidth + 2 * PAD + 4;
        List<Item> placed = new ArrayList<>();
        int k = 0;
        for (Text t : texts) {
            List<Line> ls = new ArrayList<>();
            int first = k;
            for (String l : t.lines()) {
                ls.add(new Line(n(boxX + PAD + 2), n(boxTop + PAD + (k + 1) * LINE - 5), l));
                k++;
            }
            Hit hit = new Hit(n(boxX), n(boxTop + PAD + first * LINE - 2), n(boxWidth), n((k - first) * LINE + 4));
            placed.add(new Item(t.href(), t.label(), ls, hit));
        }
        rows.add(new Row(kind(node), answer, n(boxX), n(boxTop), n(boxWidth), n(boxHeight), placed));
        width = Math.max(width, boxX + boxWidth);
        y = top + rowHeight + GAP;
        if (node.isQuestion()) {
            double trunk = boxX + 14;
            double last = boxTop + boxHeight;
            for (Branch b : node.branches()) {
                double childX = trunk + INDENT - 14 + 6;
                double mid = place(b.next(), b, childX);
                connectors.add("M" + n(trunk) + " " + n(mid) + " H" + n(childX - 4));
                last = mid;
            }
            connectors.add("M" + n(trunk) + " " + n(boxTop + boxHeight) + " V" + n(last));
        }
        return top + rowHeight / 2;
    }

    /** What a box says before it is placed: each thing to follow as wrapped lines. */
    private record Text(String href, String label, List<String> lines) {}

    private List<Text> texts(Node node) {
        if (node.isQuestion()) {
            String text = node.question().text();
            return List.of(new Text(links.question(node.question().id()), "Question: " + text, wrap(text, NODE_CHARS)));
        }
        List<Text> items = new ArrayList<>();
        String lead = node.stopped() ? "Most likely: " : node.likely() ? "Likely: " : "Leading so far: ";
        for (Outcome o : node.outcomes()) {
            String text = (items.isEmpty() ? lead : "or ") + o.title() + " (" + o.percent() + ")";
            items.add(new Text(links.cause(o.cause()), text, wrap(text, NODE_CHARS)));
        }
        return items;
    }

    private static String kind(Node node) {
        if (node.isQuestion()) {
            return "question";
        }
        return node.likely() ? "outcome strong" : "outcome";
    }

    private static String answerLabel(List<Option> answers) {
        return "If " + answers.stream().map(o -> "“" + o.label() + "”").collect(Collectors.joining(" or "));
    }

    /** Greedy word wrap to at most {@code max} characters a line (a longer word gets a line of its own). */
    static List<String> wrap(String text, int max) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > max) {
                out.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            out.add(line.toString());
        }
        return out;
    }

    /** A coordinate as SVG wants it: one decimal, no locale. */
    private static String n(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
