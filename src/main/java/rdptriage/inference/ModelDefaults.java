package rdptriage.inference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import rdptriage.knowledge.Cause;
import rdptriage.knowledge.KnowledgeBase;
import rdptriage.knowledge.Option;
import rdptriage.knowledge.Question;

/**
 * The questions' default distributions and the weights of each answer alone ({@link Likelihood})
 * for the shipped knowledge and rules, worked out once by the build and kept beside the classes, so
 * a run does not try every answer before its first question (about 0.15 s of a cold start) and
 * tries in context only the answers whose rules read other answers. They are used only when the knowledge and the
 * rules in use are exactly those they were fitted to (a fingerprint of both); with a help desk's
 * own folders the engine fits its own.
 */
public final class ModelDefaults {

    static final String RESOURCE = "/model-defaults.txt";

    private ModelDefaults() {}

    /** Build step: fits the defaults of the built-in knowledge and the compiled rules and writes them to args[0]. */
    public static void main(String[] args) throws IOException {
        KnowledgeBase kb = KnowledgeBase.load(List.of());
        RuleBase rules = RuleBase.compiled();
        Engine engine = Engine.fitted(kb, rules);
        StringBuilder out = new StringBuilder(fingerprint(kb, rules.sources())).append('\n');
        for (Question q : kb.questions()) {
            double[] d = engine.likelihood().defaults(q);
            if (d == null) {
                continue;
            }
            line(out.append("d ").append(q.id()), d);
            double[][] w = engine.likelihood().weights(q);
            for (int o = 0; o < w.length; o++) {
                line(out.append("w ").append(q.id()).append(' ').append(o), w[o]);
            }
        }
        Files.writeString(Path.of(args[0]), out.toString(), StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, double[] values) {
        for (double x : values) {
            out.append(' ').append(Double.toString(x));
        }
        out.append('\n');
    }

    private static double[] numbers(String[] parts, int from) {
        double[] d = new double[parts.length - from];
        for (int i = from; i < parts.length; i++) {
            d[i - from] = Double.parseDouble(parts[i]);
        }
        return d;
    }

    /** What the build stored, if it was fitted to exactly this knowledge and these rules. */
    static Optional<Likelihood.Stored> load(KnowledgeBase kb, List<RuleBase.Drl> drl) {
        InputStream in = ModelDefaults.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            return Optional.empty();
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            if (!fingerprint(kb, drl).equals(r.readLine())) {
                return Optional.empty();
            }
            Map<String, double[]> defaults = new LinkedHashMap<>();
            Map<String, List<double[]>> weights = new LinkedHashMap<>();
            for (String line; (line = r.readLine()) != null; ) {
                String[] parts = line.split(" ");
                if (parts[0].equals("d")) {
                    defaults.put(parts[1], numbers(parts, 2));
                } else {
                    weights.computeIfAbsent(parts[1], k -> new ArrayList<>()).add(numbers(parts, 3));
                }
            }
            Map<String, double[][]> w = new LinkedHashMap<>();
            weights.forEach((q, rows) -> w.put(q, rows.toArray(double[][]::new)));
            return Optional.of(new Likelihood.Stored(defaults, w));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SHA-256 over the rule texts and everything of the knowledge the defaults depend on. */
    static String fingerprint(KnowledgeBase kb, List<RuleBase.Drl> drl) {
        List<String> parts = new ArrayList<>();
        drl.stream().sorted(java.util.Comparator.comparing(RuleBase.Drl::name))
                .forEach(d -> parts.add(d.name() + '\n' + d.text()));
        for (Cause c : kb.causes()) {
            parts.add("cause " + c.id());
        }
        parts.add("pull " + kb.settings().defaultPull());
        for (Question q : kb.questions()) {
            StringBuilder s = new StringBuilder("question " + q.id());
            for (Option o : q.options()) {
                s.append(' ').append(o.value()).append('/').append(o.share()).append('/').append(o.unlisted());
                kb.family(q.id(), o.value()).ifPresent(f -> s.append('/').append(f));
            }
            parts.add(s.toString());
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                sha.update(p.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
