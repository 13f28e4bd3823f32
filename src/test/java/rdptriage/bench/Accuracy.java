package rdptriage.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import rdptriage.inference.Answers;
import rdptriage.inference.Assessment;
import rdptriage.inference.Engine;
import rdptriage.inference.Reading;
import rdptriage.inference.RuleBase;
import rdptriage.knowledge.Cause;
import rdptriage.knowledge.KnowledgeBase;
import rdptriage.knowledge.Option;
import rdptriage.knowledge.Question;

/**
 * The accuracy benchmark on real cases (bench/accuracy/cases/*.yaml): each case is a public thread
 * with a confirmed fix, the facts of its ticket, the facts an agent could learn by asking, and the
 * confirmed cause or "outside". Prints figures; asserts nothing. Run by bench/accuracy/run;
 * {@link CasesTest} checks that every case reads.
 *
 * <p>Two ways in, as a help desk would: every fact entered at once, and a scripted agent that starts
 * from the ticket's facts and answers the engine's questions from the other facts only, "I don't
 * know" otherwise, until the engine stops asking or offers the plan (with --cap N: goes on past
 * the plan until N questions were asked).
 */
public final class Accuracy {

    static final String OUTSIDE = "outside";
    static int questionCap = 15;
    /** Whether to print a line per case (--cases). */
    static boolean verbose;
    /** Whether the agent goes on past the engine's "the plan is ready" (with --cap N). */
    static boolean goOn;

    record Case(String id, String source, String ticket, Map<String, List<String>> inTicket,
                Map<String, List<String>> byAsking, String cause) {

        Map<String, List<String>> all() {
            Map<String, List<String>> all = new LinkedHashMap<>(inTicket);
            all.putAll(byAsking);
            return all;
        }
    }

    /** One case's outcome: the probability of every outcome (causes, then "none of the known causes" last) and questions asked. */
    record Outcome(Case c, List<String> ids, double[] p, int asked, boolean capped) {

        String truth() {
            return c.cause();
        }

        int rankOfTruth() {
            int t = ids.indexOf(truth());
            int rank = 1;
            for (int i = 0; i < p.length; i++) {
                if (i != t && p[i] > p[t]) {
                    rank++;
                }
            }
            return rank;
        }

        int leader() {
            int best = 0;
            for (int i = 1; i < p.length; i++) {
                if (p[i] > p[best]) {
                    best = i;
                }
            }
            return best;
        }

        double brier() {
            int t = ids.indexOf(truth());
            double b = 0;
            for (int i = 0; i < p.length; i++) {
                double y = i == t ? 1 : 0;
                b += (p[i] - y) * (p[i] - y);
            }
            return b;
        }
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "bench/accuracy/cases");
        verbose = List.of(args).contains("--cases");
        boolean cv = List.of(args).contains("--cv");
        int cap = List.of(args).indexOf("--cap");
        if (cap >= 0 && cap + 1 < args.length) {
            questionCap = Integer.parseInt(args[cap + 1]);
            goOn = true;
        }
        KnowledgeBase kb = KnowledgeBase.load(List.of());
        Engine engine = Engine.of(kb, RuleBase.compiled());
        List<Case> cases;
        try {
            cases = read(dir, kb);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        List<String> ids = new ArrayList<>(kb.causes().stream().map(Cause::id).toList());
        ids.add(OUTSIDE);
        long outside = cases.stream().filter(c -> c.cause().equals(OUTSIDE)).count();
        long multi = cases.stream().flatMap(c -> c.all().entrySet().stream())
                .filter(e -> e.getValue().size() > 1 && !kb.question(e.getKey()).multiple()).count();
        System.out.printf(Locale.ROOT, "%d real cases from %s: %d with a known cause, %d outside the knowledge base;"
                + " %d facts name several options of a question that takes one answer (the first is used)%n",
                cases.size(), dir, cases.size() - outside, outside, multi);
        System.out.println("One number of the model was chosen on these cases, engine.yaml's default_pull; the figures"
                + " below use the shipped value. --cv gives them under 5-fold cross-validation, chosen on the other folds.");

        List<Outcome> atOnce = new ArrayList<>();
        List<Outcome> following = new ArrayList<>();
        List<Outcome> priors = new ArrayList<>();
        List<Outcome> pasted = new ArrayList<>();
        int[] read = new int[4];
        for (Case c : cases) {
            atOnce.add(outcome(c, ids, engine.assess(engine.answers(answers(kb, c.all()))), 0, false));
            following.add(follow(engine, kb, c, ids));
            priors.add(outcome(c, ids, engine.assess(engine.answers(Map.of())), 0, false));
            pasted.add(paste(engine, kb, c, ids, read));
        }
        System.out.println();
        System.out.printf("%-44s %8s %8s %10s %9s %7s %7s%n", "", "top-1", "top-3", "outside", "questions", "", "Brier");
        System.out.printf("%-44s %8s %8s %10s %9s %7s %7s%n", "", "(known)", "(known)", "flagged", "mean", "max", "");
        row("every fact at once", atOnce, false);
        row("following the engine's questions", following, true);
        row("pasting the ticket's text, then the questions", pasted, true);
        row("the priors alone (no answer)", priors, false);
        System.out.printf(Locale.ROOT, "%nthe ticket texts (written in our words from each thread) were read into %d answers:"
                + " %d agree with the case's facts, %d contradict them, %d are facts the case does not list%n",
                read[0], read[1], read[2], read[3]);
        double b = brier(following);
        double b0 = brier(priors);
        System.out.printf(Locale.ROOT, "%nBrier score following the questions: %.3f, priors alone: %.3f: %.0f %% better than the priors%n",
                b, b0, 100 * (1 - b / b0));
        long open = following.stream().filter(Outcome::capped).count();
        System.out.printf(Locale.ROOT, "sessions that ended with a question still open (%s): %d of %d%n",
                goOn ? "the cap of " + questionCap + " questions" : "the engine offered the plan", open, following.size());
        calibration(following);
        perCause(atOnce, following);
        if (cv) {
            crossValidate(cases, ids, "following the engine's questions", (e, k, c) -> follow(e, k, c, ids));
            crossValidate(cases, ids, "pasting the ticket's text, then the questions", (e, k, c) -> paste(e, k, c, ids, new int[4]));
        }
        if (verbose) {
            System.out.println();
            System.out.println("with every fact at once:");
            for (Outcome o : atOnce) {
                int l = o.leader();
                System.out.printf(Locale.ROOT, "%-6s truth %-24s leader %-24s %3.0f %%  truth ranked %2d  facts %s%n",
                        o.c().id(), o.truth(), ids.get(l), 100 * o.p()[l], o.rankOfTruth(), o.c().all());
            }
            System.out.println();
            System.out.println("following the engine's questions:");
            for (Outcome o : following) {
                int l = o.leader();
                System.out.printf(Locale.ROOT, "%-6s truth %-24s leader %-24s %3.0f %%  truth ranked %2d  %2d questions%n",
                        o.c().id(), o.truth(), ids.get(l), 100 * o.p()[l], o.rankOfTruth(), o.asked());
            }
        }
    }

    /** The values of engine.yaml's default_pull tried by --cv. */
    static final double[] PULLS = {0.01, 0.05, 0.1, 0.3, 1.0, 3.0};
    static final int FOLDS = 5;

    /**
     * The one number of the model that may be chosen on cases, default_pull, under 5-fold
     * cross-validation: for each fold the value with the best Brier score on the other four folds
     * is chosen, and the fold is scored with it. Folds are the cases in file order, every fifth.
     */
    interface Agent {
        Outcome run(Engine engine, KnowledgeBase kb, Case c);
    }

    static void crossValidate(List<Case> cases, List<String> ids, String label, Agent agent) throws IOException {
        Map<Double, List<Outcome>> byPull = new LinkedHashMap<>();
        for (double pull : PULLS) {
            Path dir = Files.createTempDirectory("rdp-pull");
            Files.writeString(dir.resolve("engine.yaml"), "default_pull: " + pull + "\n");
            KnowledgeBase kb = KnowledgeBase.load(List.of(new KnowledgeBase.Root("pull", dir)));
            Engine engine = Engine.of(kb, RuleBase.compiled());
            List<Outcome> list = new ArrayList<>();
            for (Case c : cases) {
                list.add(agent.run(engine, kb, c));
            }
            byPull.put(pull, list);
            Files.delete(dir.resolve("engine.yaml"));
            Files.delete(dir);
        }
        System.out.println();
        System.out.println("default_pull, " + label + ", on all cases (in sample; for the choice only):");
        byPull.forEach((pull, list) -> row(String.format(Locale.ROOT, "  default_pull %.2f", pull), list, true));
        List<Outcome> heldOut = new ArrayList<>();
        StringBuilder chosen = new StringBuilder();
        for (int f = 0; f < FOLDS; f++) {
            int fold = f;
            double best = Double.NaN;
            double bestBrier = Double.MAX_VALUE;
            for (var e : byPull.entrySet()) {
                List<Outcome> train = new ArrayList<>();
                for (int i = 0; i < cases.size(); i++) {
                    if (i % FOLDS != fold) {
                        train.add(e.getValue().get(i));
                    }
                }
                double b = brier(train);
                if (b < bestBrier) {
                    bestBrier = b;
                    best = e.getKey();
                }
            }
            for (int i = 0; i < cases.size(); i++) {
                if (i % FOLDS == fold) {
                    heldOut.add(byPull.get(best).get(i));
                }
            }
            chosen.append(f == 0 ? "" : ", ").append(best);
        }
        System.out.println("5-fold cross-validation, default_pull chosen on the other folds (" + chosen + "):");
        row(label + " (held out)", heldOut, true);
    }

    /** The agent: ticket facts first, then the engine's questions, answered from the facts or "I don't know". */
    static Outcome follow(Engine engine, KnowledgeBase kb, Case c, List<String> ids) {
        return ask(engine, kb, c, ids, new LinkedHashMap<>(answers(kb, c.inTicket())), answers(kb, c.byAsking()));
    }

    /**
     * The agent that pastes the ticket's text first (what the signals read from it), then answers
     * the engine's questions from every fact of the case, the ticket's included, or "I don't know".
     * {@code read} counts the answers read: all, agreeing with the facts, contradicting them, not in them.
     */
    static Outcome paste(Engine engine, KnowledgeBase kb, Case c, List<String> ids, int[] read) {
        Reading reading = engine.read(c.ticket(), Answers.NONE);
        Map<String, List<String>> facts = c.all();
        for (Reading.Extracted e : reading.extracted()) {
            if (e.status() != Reading.Status.APPLIED) {
                continue;
            }
            read[0]++;
            List<String> fact = facts.get(e.question());
            int kind = fact == null ? 3 : fact.contains(e.value()) ? 1 : 2;
            read[kind]++;
            if (kind != 1 && verbose) {
                System.out.printf(Locale.ROOT, "  %s: read %s=%s from \"%s\" (%s); the case's facts say %s%n", c.id(), e.question(),
                        e.value(), e.text(), e.signal(), fact == null ? "nothing" : fact);
            }
        }
        return ask(engine, kb, c, ids, new LinkedHashMap<>(reading.answers().values()), answers(kb, facts));
    }

    private static Outcome ask(Engine engine, KnowledgeBase kb, Case c, List<String> ids, Map<String, String> given,
                               Map<String, String> known) {
        int asked = 0;
        Assessment a = engine.assess(engine.answers(given));
        while (a.nextQuestion() != null && (goOn || a.planReady() == null) && asked < questionCap) {
            String q = a.nextQuestion().id();
            String value = known.get(q);
            if (value == null) {
                value = kb.question(q).option(Option.DONT_KNOW).isPresent() ? Option.DONT_KNOW : null;
            }
            if (value == null) {
                break;
            }
            given.put(q, value);
            asked++;
            // questions asked in the same step (the extended code beside the code) are answered with it
            for (var partner : kb.askedWith(q)) {
                if (!given.containsKey(partner.id())) {
                    given.put(partner.id(), known.getOrDefault(partner.id(), Option.DONT_KNOW));
                }
            }
            a = engine.assess(engine.answers(given));
        }
        return outcome(c, ids, a, asked, a.nextQuestion() != null);
    }

    static Outcome outcome(Case c, List<String> ids, Assessment a, int asked, boolean capped) {
        double[] p = new double[ids.size()];
        for (Assessment.RankedCause rc : a.causes()) {
            p[ids.indexOf(rc.id())] = rc.probability();
        }
        p[ids.size() - 1] = a.unlisted();
        return new Outcome(c, ids, p, asked, capped);
    }

    static void row(String label, List<Outcome> outcomes, boolean questions) {
        List<Outcome> known = outcomes.stream().filter(o -> !o.truth().equals(OUTSIDE)).toList();
        List<Outcome> outside = outcomes.stream().filter(o -> o.truth().equals(OUTSIDE)).toList();
        double top1 = share(known, o -> o.rankOfTruth() == 1);
        double top3 = share(known, o -> o.rankOfTruth() <= 3);
        double flagged = share(outside, o -> o.rankOfTruth() == 1);
        String mean = questions ? String.format(Locale.ROOT, "%.1f", outcomes.stream().mapToInt(Outcome::asked).average().orElse(0)) : "-";
        String max = questions ? String.valueOf(outcomes.stream().mapToInt(Outcome::asked).max().orElse(0)) : "-";
        System.out.printf(Locale.ROOT, "%-44s %7.0f%% %7.0f%% %9.0f%% %9s %7s %7.3f%n", label, 100 * top1, 100 * top3,
                100 * flagged, mean, max, brier(outcomes));
    }

    static double share(List<Outcome> list, java.util.function.Predicate<Outcome> hit) {
        return list.isEmpty() ? 0 : (double) list.stream().filter(hit).count() / list.size();
    }

    static double brier(List<Outcome> outcomes) {
        return outcomes.stream().mapToDouble(Outcome::brier).average().orElse(0);
    }

    /** How often the leading outcome is right, by how likely the engine said it was. */
    static void calibration(List<Outcome> outcomes) {
        System.out.println();
        System.out.println("calibration, following the questions: the leading outcome's probability against how often it is right");
        double[] edges = {0, 0.2, 0.4, 0.6, 0.8, 1.0001};
        for (int b = 0; b < edges.length - 1; b++) {
            double lo = edges[b];
            double hi = edges[b + 1];
            List<Outcome> in = outcomes.stream().filter(o -> o.p()[o.leader()] >= lo && o.p()[o.leader()] < hi).toList();
            double said = in.stream().mapToDouble(o -> o.p()[o.leader()]).average().orElse(Double.NaN);
            double right = share(in, o -> o.ids().get(o.leader()).equals(o.truth()));
            System.out.printf(Locale.ROOT, "  leader at %3.0f-%3.0f %%: %3d cases, said %s, right %s%n", 100 * lo, Math.min(100, 100 * hi),
                    in.size(), in.isEmpty() ? "  -" : String.format(Locale.ROOT, "%3.0f %%", 100 * said),
                    in.isEmpty() ? "  -" : String.format(Locale.ROOT, "%3.0f %%", 100 * right));
        }
    }

    /** Per confirmed cause: how many cases, and how many rank it first at once and following the questions. */
    static void perCause(List<Outcome> atOnce, List<Outcome> following) {
        System.out.println();
        System.out.println("per confirmed cause: cases, ranked first with every fact at once, ranked first following the questions");
        Map<String, int[]> counts = new java.util.TreeMap<>();
        for (int i = 0; i < atOnce.size(); i++) {
            int[] c = counts.computeIfAbsent(atOnce.get(i).truth(), k -> new int[3]);
            c[0]++;
            c[1] += atOnce.get(i).rankOfTruth() == 1 ? 1 : 0;
            c[2] += following.get(i).rankOfTruth() == 1 ? 1 : 0;
        }
        counts.forEach((cause, c) -> System.out.printf(Locale.ROOT, "  %-26s %3d %4d %4d%n", cause, c[0], c[1], c[2]));
    }

    /** The facts as answers: several joined for a question that takes them, else the first. */
    static Map<String, String> answers(KnowledgeBase kb, Map<String, List<String>> facts) {
        Map<String, String> m = new LinkedHashMap<>();
        facts.forEach((q, v) -> m.put(q, kb.question(q).multiple() ? String.join(Question.SEPARATOR, v) : v.get(0)));
        return m;
    }

    // ---- reading the cases ----

    static List<Case> read(Path dir, KnowledgeBase kb) throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        List<Case> cases = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path f : files) {
            JsonNode n = yaml.readTree(f.toFile());
            String id = n.path("id").asText("");
            if (!(f.getFileName().toString()).equals(id + ".yaml")) {
                problems.add(f + ": id '" + id + "' must equal the file name");
            }
            String cause = n.path("cause").asText("");
            if (!cause.equals(OUTSIDE) && kb.findCause(cause).isEmpty()) {
                problems.add(f + ": cause '" + cause + "' is neither a known cause id nor 'outside'");
            }
            if (n.path("source").asText("").isBlank()) {
                problems.add(f + ": source is missing");
            }
            cases.add(new Case(id, n.path("source").asText(), n.path("ticket").asText(""), facts(f, n.path("facts_in_ticket"), kb, problems),
                    facts(f, n.path("facts_by_asking"), kb, problems), cause));
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        java.util.Set<String> sources = new java.util.HashSet<>();
        for (Case c : cases) {
            if (!ids.add(c.id())) {
                problems.add("case id '" + c.id() + "' is used twice");
            }
            if (!sources.add(c.source())) {
                problems.add("case " + c.id() + ": source " + c.source() + " is used by another case too");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return cases;
    }

    static Map<String, List<String>> facts(Path f, JsonNode node, KnowledgeBase kb, List<String> problems) {
        Map<String, List<String>> facts = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            List<String> values = new ArrayList<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(v -> values.add(v.asText()));
            } else {
                values.add(e.getValue().asText());
            }
            var q = kb.findQuestion(e.getKey());
            if (q.isEmpty()) {
                problems.add(f + ": unknown question '" + e.getKey() + "'");
                return;
            }
            List<String> resolved = new ArrayList<>();
            for (String v : values) {
                kb.resolve(e.getKey(), v).ifPresentOrElse(resolved::add,
                        () -> problems.add(f + ": question '" + e.getKey() + "' has no option '" + v + "'"));
            }
            if (!resolved.isEmpty()) {
                facts.put(e.getKey(), resolved);
            }
        });
        return facts;
    }
}
