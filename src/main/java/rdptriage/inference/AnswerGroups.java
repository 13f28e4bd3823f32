package rdptriage.inference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The rules' conclusions for groups of answers, each group run through Drools once per process and
 * remembered. Two questions that no rule reads together ({@link RuleCheck#partners}: not in one
 * rule's conditions, directly, through a code or through a Finding) cannot change each other's
 * evidence, so the evidence in force for a session is that of each group of linked answers on its
 * own, beside what the rules conclude with no answer at all:
 *
 * <pre>  sum(all answers) = sum(no answer) + sum over groups of (sum(group alone) - sum(no answer))</pre>
 *
 * per cause, summed in whole units of 1e-9 ({@link Evaluation#units()}), which is exactly what
 * {@link Evaluation#weights()} rounds its sums to. Trying an answer touches only the groups holding
 * its partners: those are run with the answer on top, once per group and question. A help desk's
 * sessions go through few distinct groups (the dialog's codes, the TCP test with the failure moment,
 * ...), so nearly every assessment is made of remembered parts and runs no rule at all.
 *
 * <p>Within a group the answers go in in the order given, and a tried answer after them, as on one
 * session; the memory is keyed by that order. The memory is bounded ({@link #MAX_HELD} numbers;
 * past it, it starts again) and forgotten when a rule is disabled ({@link RuleGuard}).
 */
final class AnswerGroups {

    /** What the rules conclude for one group of answers alone: summed units per cause, and the evidence by the key it counts under. */
    record Part(long[] units, Map<String, Evidence> strongest) {}

    /** One answer and its place in the session. */
    private record Given(String question, String value, int position) {}

    /** A group of linked answers, in the order given, and what the rules conclude for it. */
    private record Group(List<Given> answers, Part part) {}

    /** The numbers the memory may hold (8 bytes each) before it starts again: about 32 MB. */
    static final long MAX_HELD = 4_000_000;

    private final Map<String, Set<String>> partners;
    private final Supplier<Evaluation> drools;
    private final RuleGuard guard;
    private final Map<String, Part> parts = new ConcurrentHashMap<>();
    private final Map<String, long[][]> trials = new ConcurrentHashMap<>();
    private final AtomicLong held = new AtomicLong();
    private volatile Part empty;
    private volatile int disabledSeen = -1;

    AnswerGroups(Map<String, Set<String>> partners, Supplier<Evaluation> drools, RuleGuard guard) {
        this.partners = partners;
        this.drools = drools;
        this.guard = guard;
    }

    /** A new assessment's weighing, with no answer in yet. */
    Weighing start() {
        int disabled = guard.disabled();
        if (disabled != disabledSeen || empty == null) {
            synchronized (this) {
                if (disabled != disabledSeen || empty == null) {
                    forget();
                    empty = run(List.of());
                    disabledSeen = disabled;
                }
            }
        }
        return new State(empty);
    }

    private void forget() {
        parts.clear();
        trials.clear();
        held.set(0);
    }

    private void hold(long numbers) {
        if (held.addAndGet(numbers) > MAX_HELD) {
            forget();
        }
    }

    private Part part(List<Given> answers) {
        String key = key(answers, null);
        Part p = parts.get(key);
        if (p == null) {
            p = run(answers);
            if (parts.putIfAbsent(key, p) == null) {
                hold(p.units().length + 8L * p.strongest().size());
            }
        }
        return p;
    }

    private Part run(List<Given> answers) {
        try (Evaluation ev = drools.get()) {
            answers.forEach(g -> ev.add(g.question(), g.value()));
            return new Part(ev.units(), Map.copyOf(ev.strongest()));
        }
    }

    /** The units per cause for each informative answer of {@code q} tried on top of {@code answers}: [option][cause]. */
    private long[][] trials(List<Given> answers, Informative q) {
        String key = key(answers, q.question().id());
        long[][] t = trials.get(key);
        if (t == null) {
            t = new long[q.size()][];
            int distinct = 0;
            try (Evaluation ev = drools.get()) {
                answers.forEach(g -> ev.add(g.question(), g.value()));
                for (int o = 0; o < t.length; o++) {
                    if (q.alike()[o] != o) {
                        t[o] = t[q.alike()[o]];
                        continue;
                    }
                    long[] u = ev.tryUnits(q.question().id(), q.values()[o]);
                    // most answers move the same few causes alike: hold one copy of each result
                    for (int p = 0; p < o && u != null; p++) {
                        if (Arrays.equals(t[p], u)) {
                            t[o] = t[p];
                            u = null;
                        }
                    }
                    if (u != null) {
                        t[o] = u;
                        distinct++;
                    }
                }
            }
            if (trials.putIfAbsent(key, t) == null) {
                hold(t.length + (long) distinct * (t.length == 0 ? 0 : t[0].length));
            }
        }
        return t;
    }

    private static String key(List<Given> answers, String tried) {
        StringBuilder b = new StringBuilder(64);
        for (Given g : answers) {
            b.append(g.question()).append('=').append(g.value()).append('\u0000');
        }
        if (tried != null) {
            b.append('\u0001').append(tried);
        }
        return b.toString();
    }

    /** One assessment: its groups, and the units per cause summed over them. */
    private final class State implements Weighing {

        private final Part none;
        private final List<Group> groups = new ArrayList<>(4);
        private final long[] total;
        private int given;

        State(Part none) {
            this.none = none;
            this.total = none.units().clone();
        }

        @Override
        public void add(String question, String value) {
            Set<String> linked = partners.getOrDefault(question, Set.of());
            List<Given> answers = new ArrayList<>();
            for (Iterator<Group> it = groups.iterator(); it.hasNext(); ) {
                Group g = it.next();
                if (touches(g, linked)) {
                    answers.addAll(g.answers());
                    change(g.part(), -1);
                    it.remove();
                }
            }
            answers.add(new Given(question, value, given++));
            answers.sort(Comparator.comparingInt(Given::position));
            Part p = part(List.copyOf(answers));
            change(p, 1);
            groups.add(new Group(List.copyOf(answers), p));
        }

        private void change(Part p, int sign) {
            for (int c = 0; c < total.length; c++) {
                total[c] += sign * (p.units()[c] - none.units()[c]);
            }
        }

        private boolean touches(Group g, Set<String> linked) {
            for (Given a : g.answers()) {
                if (linked.contains(a.question())) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public double[] weights() {
            double[] w = new double[total.length];
            for (int c = 0; c < w.length; c++) {
                w[c] = total[c] / Evaluation.UNIT;
            }
            return w;
        }

        @Override
        public double[][] tryEach(Informative q) {
            Set<String> linked = partners.getOrDefault(q.question().id(), Set.of());
            List<Given> answers = new ArrayList<>();
            long[] rest = total.clone();
            for (Group g : groups) {
                if (touches(g, linked)) {
                    answers.addAll(g.answers());
                    for (int c = 0; c < rest.length; c++) {
                        rest[c] -= g.part().units()[c] - none.units()[c];
                    }
                }
            }
            answers.sort(Comparator.comparingInt(Given::position));
            long[][] t = trials(answers, q);
            double[][] w = new double[t.length][];
            for (int o = 0; o < w.length; o++) {
                if (q.alike()[o] != o) {
                    w[o] = w[q.alike()[o]];
                    continue;
                }
                w[o] = new double[rest.length];
                for (int c = 0; c < rest.length; c++) {
                    w[o][c] = (rest[c] + t[o][c] - none.units()[c]) / Evaluation.UNIT;
                }
            }
            return w;
        }

        @Override
        public List<Evidence> evidence() {
            Map<String, Evidence> in = new HashMap<>(none.strongest());
            for (Group g : groups) {
                // a key is decided by the one group whose answers its rule reads: where it differs from no answer
                g.part().strongest().forEach((key, e) -> {
                    if (!e.equals(none.strongest().get(key))) {
                        in.put(key, e);
                    }
                });
                none.strongest().keySet().stream().filter(key -> !g.part().strongest().containsKey(key)).forEach(in::remove);
            }
            return new ArrayList<>(in.values());
        }

        @Override
        public void close() {
            // nothing held: the parts are shared
        }
    }
}
