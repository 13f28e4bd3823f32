package rdptriage.inference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What the rules conclude for each answer, run through Drools once per process and remembered, so
 * that an assessment and its "what if" answers are put together from remembered conclusions instead
 * of running the rules each time.
 *
 * <p>When the rules only ever add conclusions as answers come ({@link RuleCheck#joins}: conditions
 * of Answer, Code and Finding patterns, no {@code not}, nothing withdrawn but by truth maintenance),
 * the evidence in force for a session is every conclusion its answers brought, in the order they
 * came. A rule that reads one fact at a time (one answer, one code, or alternatives of them)
 * concludes for an answer what it concludes for that answer alone; only rules that read facts
 * together (two patterns, a Finding) make an answer's conclusions depend on others, and then only
 * on the answers they are joined with. So an answer brings the conclusions of itself on top of the
 * answers it is joined with, remembered per such group: for most answers, the conclusions of the
 * answer alone. Conclusions are put together as one Drools session does it: an equal one already in
 * force is not counted again (truth maintenance), and per cause and rule (or cause and the error
 * dialog, {@link Evaluation#DIALOG}) the strongest counts, the earliest among equally strong.
 *
 * <p>Weights are summed in whole units of 1e-9 ({@link Evaluation#units}), which is exactly what
 * {@link Evaluation#weights()} rounds its sums to, so the sums are the same as on one session. The
 * memory is bounded ({@link #MAX_HELD} conclusions; past it, it starts again) and forgotten when a
 * rule is disabled ({@link RuleGuard}).
 */
final class AnswerGroups {

    /**
     * One conclusion as remembered: the key it counts under and the evidence, each numbered once per
     * process (equal evidence, equal number), its cause's index, its weight in units and its strength.
     */
    private record Conclusion(int key, Evidence evidence, int id, int cause, long units, double strength) {}

    /** One answer and its place in the session. */
    private record Given(String question, String value, int position) {}

    /** Answers joined by the rules, in the order given, and their key in the memory. */
    private record Group(List<Given> answers, String key) {}

    /**
     * What the memory may hold before it starts again, in conclusions (about 64 bytes each with
     * their lists; a rough table counts as its numbers over 8): about 32 MB. A help desk's traffic
     * of 50,000 sessions held about 140,000 (9 MB).
     */
    static final long MAX_HELD = 500_000;

    private final Map<String, Set<String>> joins;
    /** For each question, those whose answers decide the keys its conclusions count under ({@link RuleCheck#partners}). */
    private final Map<String, Set<String>> partners;
    private final Map<String, Integer> causes;
    private final Supplier<Evaluation> drools;
    private final RuleGuard guard;
    /** What an answer brings on top of the answers it is joined with. */
    private final Map<String, List<Conclusion>> added = new ConcurrentHashMap<>();
    /** What each informative answer of a question would bring on top of the answers it is joined with. */
    private final Map<String, List<List<Conclusion>>> tried = new ConcurrentHashMap<>();
    /** How each informative answer of a question would change the sums, per state of the answers that decide its keys. */
    private final Map<String, Shifts> shifts = new ConcurrentHashMap<>();
    private final AtomicLong held = new AtomicLong();
    /** Every key and every evidence met, numbered in the order met; never forgotten (there are as many as the rules can conclude). */
    private final Map<String, Integer> keys = new ConcurrentHashMap<>();
    private final Map<Evidence, Integer> evidence = new ConcurrentHashMap<>();
    /** The key each evidence number came under first. */
    private final Map<Integer, Integer> keyOf = new ConcurrentHashMap<>();
    /**
     * Whether some evidence came under two keys (two rules concluding the very same evidence): then
     * whether a tried answer's conclusion counts depends on more than the answers that decide its
     * keys, and the shifts are not remembered.
     */
    private volatile boolean shared;
    private volatile int disabledSeen;

    AnswerGroups(Map<String, Set<String>> joins, Map<String, Set<String>> partners, Map<String, Integer> causes,
                 Supplier<Evaluation> drools, RuleGuard guard) {
        this.joins = joins;
        this.partners = partners;
        this.causes = causes;
        this.drools = drools;
        this.guard = guard;
    }

    /** A new assessment's weighing, with no answer in yet. */
    Weighing start() {
        int disabled = guard.disabled();
        if (disabled != disabledSeen) {
            // a rule disabled since: what was remembered may hold its conclusions
            forget();
            disabledSeen = disabled;
        }
        return new State();
    }

    private void forget() {
        added.clear();
        tried.clear();
        shifts.clear();
        held.set(0);
    }

    private void hold(long conclusions) {
        if (held.addAndGet(conclusions + 1) > MAX_HELD) {
            forget();
        }
    }

    /** What {@code question} answered {@code value} brings on top of {@code group}. */
    private List<Conclusion> added(Group group, String question, String value) {
        String key = group.key() + '\u0002' + question + '=' + value;
        List<Conclusion> came = added.get(key);
        if (came == null) {
            try (Evaluation ev = load(group)) {
                came = remember(ev.addRecorded(question, value));
            }
            if (added.putIfAbsent(key, came) == null) {
                hold(came.size());
            }
        }
        return came;
    }

    /** What each informative answer of {@code q} would bring on top of {@code group}: [option]. */
    private List<List<Conclusion>> tried(Group group, Informative q) {
        String key = group.key() + '\u0001' + q.question().id();
        List<List<Conclusion>> each = tried.get(key);
        if (each == null) {
            List<List<Conclusion>> list = new ArrayList<>(q.size());
            long size = 0;
            try (Evaluation ev = load(group)) {
                for (int o = 0; o < q.size(); o++) {
                    if (q.alike()[o] != o) {
                        list.add(list.get(q.alike()[o]));
                        continue;
                    }
                    List<Conclusion> came = remember(ev.tryRecorded(q.question().id(), q.values()[o]));
                    list.add(came);
                    size += came.size();
                }
            }
            each = List.copyOf(list);
            if (tried.putIfAbsent(key, each) == null) {
                hold(size);
            }
        }
        return each;
    }

    private Evaluation load(Group group) {
        Evaluation ev = drools.get().recording();
        group.answers().forEach(g -> ev.add(g.question(), g.value()));
        return ev;
    }

    private List<Conclusion> remember(List<Evaluation.Came> came) {
        List<Conclusion> list = new ArrayList<>(came.size());
        for (Evaluation.Came c : came) {
            Evidence e = c.evidence();
            int key = number(keys, c.key());
            int id = number(evidence, e);
            if (keyOf.computeIfAbsent(id, k -> key) != key) {
                shared = true;
            }
            list.add(new Conclusion(key, e, id, causes.get(e.cause()), Evaluation.units(e), Math.abs(e.weight())));
        }
        return List.copyOf(list);
    }

    private static <T> int number(Map<T, Integer> numbers, T t) {
        Integer n = numbers.get(t);
        if (n == null) {
            synchronized (numbers) {
                n = numbers.computeIfAbsent(t, k -> numbers.size());
            }
        }
        return n;
    }

    private static String key(List<Given> answers) {
        StringBuilder b = new StringBuilder(32);
        for (Given g : answers) {
            b.append(g.question()).append('=').append(g.value()).append('\u0000');
        }
        return b.toString();
    }

    private static final Group NONE = new Group(List.of(), "");

    /** How an answer would change the sums: the causes it changes and by how many units each. */
    private record Shift(int[] causes, long[] units) {
        static final Shift NONE = new Shift(new int[0], new long[0]);
    }

    /** How each informative answer of a question would change the sums, and what was made of that once ({@link Weighing#rough}). */
    private static final class Shifts {
        final List<Shift> each;
        volatile Object rough;

        Shifts(List<Shift> each) {
            this.each = each;
        }
    }

    /** One assessment: the conclusions in force, the strongest per key, and the sums in units per cause. */
    private final class State implements Weighing {

        private final List<Group> groups = new ArrayList<>(2);
        /** Every answer given, in order. */
        private final List<Given> answers = new ArrayList<>();
        /** The evidence in force, by number. */
        private final BitSet in = new BitSet();
        /** The strongest conclusion in force per key number, the earliest among equally strong. */
        private Conclusion[] strongest = new Conclusion[Math.max(16, keys.size())];
        private final long[] units = new long[causes.size()];
        private int given;

        @Override
        public void add(String question, String value) {
            Set<String> linked = joins.getOrDefault(question, Set.of());
            List<Given> joined = new ArrayList<>();
            for (Iterator<Group> it = groups.iterator(); it.hasNext(); ) {
                Group g = it.next();
                if (touches(g, linked)) {
                    joined.addAll(g.answers());
                    it.remove();
                }
            }
            Group with = group(joined);
            for (Conclusion c : added(with, question, value)) {
                take(c);
            }
            Given g = new Given(question, value, given++);
            answers.add(g);
            if (!linked.isEmpty()) {
                joined.add(g);
                groups.add(new Group(List.copyOf(joined), key(joined)));
            }
        }

        private Group group(List<Given> joined) {
            if (joined.isEmpty()) {
                return NONE;
            }
            joined.sort(Comparator.comparingInt(Given::position));
            return new Group(joined, key(joined));
        }

        /** A conclusion comes: counted unless an equal one is in force, and the strongest of its key if stronger than the one before. */
        private void take(Conclusion c) {
            if (in.get(c.id())) {
                return;
            }
            in.set(c.id());
            Conclusion before = strongest(c.key());
            if (before == null || c.strength() > before.strength()) {
                strongest[c.key()] = c;
                units[c.cause()] += c.units() - (before == null ? 0 : before.units());
            }
        }

        private Conclusion strongest(int key) {
            if (key >= strongest.length) {
                strongest = java.util.Arrays.copyOf(strongest, Math.max(key + 1, 2 * strongest.length));
            }
            return strongest[key];
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
            return weights(units);
        }

        private static double[] weights(long[] units) {
            double[] w = new double[units.length];
            for (int c = 0; c < w.length; c++) {
                w[c] = units[c] / Evaluation.UNIT;
            }
            return w;
        }

        @Override
        public double[][] tryEach(Informative q, double[] base) {
            List<Shift> each = shifts(q).each;
            double[][] w = new double[each.size()][];
            for (int o = 0; o < w.length; o++) {
                if (q.alike()[o] != o) {
                    w[o] = w[q.alike()[o]];
                    continue;
                }
                // a cause the answer leaves alone changes by exactly 0, as the weights less themselves
                double[] delta = new double[units.length];
                Shift shift = each.get(o);
                for (int i = 0; i < shift.causes().length; i++) {
                    int c = shift.causes()[i];
                    delta[c] = (units[c] + shift.units()[i]) / Evaluation.UNIT - base[c];
                }
                w[o] = delta;
            }
            return w;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T rough(Informative q, java.util.function.Function<double[][], T> make) {
            Shifts s = shifts(q);
            if (shared) {
                return null;
            }
            Object r = s.rough;
            if (r == null) {
                double[][] w = new double[s.each.size()][];
                for (int o = 0; o < w.length; o++) {
                    Shift shift = s.each.get(o);
                    w[o] = new double[units.length];
                    for (int i = 0; i < shift.causes().length; i++) {
                        w[o][shift.causes()[i]] = shift.units()[i] / Evaluation.UNIT;
                    }
                }
                r = make.apply(w);
                s.rough = r;
                hold((long) w.length * units.length / 8);
            }
            return (T) r;
        }

        /**
         * How each informative answer of {@code q} would change the sums. That is decided by the
         * conclusions in force under the keys its conclusions count under, which only the answers to
         * its partners bring: remembered per state of those answers (unless some evidence counts under two keys).
         */
        private Shifts shifts(Informative q) {
            Set<String> decide = partners.getOrDefault(q.question().id(), Set.of());
            StringBuilder key = new StringBuilder(q.question().id()).append('\u0003');
            for (Given g : answers) {
                if (decide.contains(g.question())) {
                    key.append(g.question()).append('=').append(g.value()).append('\u0000');
                }
            }
            String k = key.toString();
            Shifts each = shared ? null : shifts.get(k);
            if (each == null) {
                each = new Shifts(shiftsNow(q));
                if (!shared && shifts.putIfAbsent(k, each) == null) {
                    hold(each.each.size());
                }
            }
            return each;
        }

        private List<Shift> shiftsNow(Informative q) {
            Set<String> linked = joins.getOrDefault(q.question().id(), Set.of());
            List<Given> joined = new ArrayList<>();
            Group only = null;
            for (Group g : groups) {
                if (touches(g, linked)) {
                    only = joined.isEmpty() ? g : null;
                    joined.addAll(g.answers());
                }
            }
            List<List<Conclusion>> each = tried(only != null ? only : group(joined), q);
            List<Shift> list = new ArrayList<>(each.size());
            List<Conclusion> changed = new ArrayList<>();
            for (int o = 0; o < each.size(); o++) {
                if (q.alike()[o] != o) {
                    list.add(list.get(q.alike()[o]));
                    continue;
                }
                changed.clear();
                long[] u = new long[units.length];
                for (Conclusion c : each.get(o)) {
                    if (in.get(c.id())) {
                        continue;
                    }
                    Conclusion before = strongest(c.key());
                    int at = -1;
                    for (int i = 0; i < changed.size(); i++) {
                        if (changed.get(i).key() == c.key()) {
                            at = i;
                            before = changed.get(i);
                        }
                    }
                    if (before == null || c.strength() > before.strength()) {
                        if (at < 0) {
                            changed.add(c);
                        } else {
                            changed.set(at, c);
                        }
                        u[c.cause()] += c.units() - (before == null ? 0 : before.units());
                    }
                }
                list.add(shift(u));
            }
            return List.copyOf(list);
        }

        private static Shift shift(long[] u) {
            int n = 0;
            for (long x : u) {
                n += x != 0 ? 1 : 0;
            }
            if (n == 0) {
                return Shift.NONE;
            }
            int[] causes = new int[n];
            long[] units = new long[n];
            n = 0;
            for (int c = 0; c < u.length; c++) {
                if (u[c] != 0) {
                    causes[n] = c;
                    units[n++] = u[c];
                }
            }
            return new Shift(causes, units);
        }

        @Override
        public List<Evidence> evidence() {
            List<Evidence> list = new ArrayList<>();
            for (Conclusion c : strongest) {
                if (c != null) {
                    list.add(c.evidence());
                }
            }
            return list;
        }

        @Override
        public void close() {
            // nothing held: the conclusions are shared
        }
    }
}
