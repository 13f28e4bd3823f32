// Warm figures for the engine, printed, never asserted: one full step (assessment plus the choice
// of the next question) in microseconds, and batch throughput in process on 1 and 2 threads.
// Run through bench/run, or: java -cp target/rdp-triage.jar bench/EngineBenchmark.java
// With "tickets N" it writes N realistic tickets as JSON Lines for the batch benchmark instead, and
// with "urls N" N question-page addresses of such sessions for the web benchmark (bench/web).
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import rdptriage.inference.Answers;
import rdptriage.inference.Engine;
import rdptriage.inference.RuleBase;
import rdptriage.knowledge.KnowledgeBase;
import rdptriage.knowledge.Question;

public class EngineBenchmark {

    public static void main(String[] args) throws Exception {
        KnowledgeBase kb = KnowledgeBase.load(List.of());
        Engine engine = Engine.of(kb, RuleBase.compiled());
        if (args.length == 2 && args[0].equals("tickets")) {
            tickets(kb, engine, Integer.parseInt(args[1]));
            return;
        }
        if (args.length == 2 && args[0].equals("urls")) {
            urls(kb, engine, Integer.parseInt(args[1]));
            return;
        }
        List<Answers> sessions = sessions(kb, engine, 2_000, new Random(42));

        for (int i = 0; i < 20_000; i++) {
            engine.assess(sessions.get(i % sessions.size()));
        }
        long[] nanos = new long[20_000];
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            engine.assess(sessions.get(i % sessions.size()));
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "warm full step (assessment + next question + plan), %d sessions of 1-8 answers: median %.0f us, p90 %.0f us, p99 %.0f us%n",
                nanos.length, nanos[nanos.length / 2] / 1e3, nanos[nanos.length * 9 / 10] / 1e3, nanos[nanos.length * 99 / 100] / 1e3);

        for (int threads : new int[] {1, 2}) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            int tickets = 10_000;
            long t = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                int from = w;
                futures.add(pool.submit(() -> {
                    for (int i = from; i < tickets; i += threads) {
                        engine.assess(sessions.get(i % sessions.size()));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            double seconds = (System.nanoTime() - t) / 1e9;
            pool.shutdown();
            System.out.printf(Locale.ROOT, "in-process throughput, %d thread(s): %,d tickets in %.2f s = %,.0f tickets/s%n",
                    threads, tickets, seconds, tickets / seconds);
        }
    }

    static void tickets(KnowledgeBase kb, Engine engine, int n) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        for (Answers a : sessions(kb, engine, n, new Random(1))) {
            out.append(rdptriage.render.Json.write(Map.of("id", "T-" + (++i), "answers", a.values()))).append('\n');
        }
        System.out.print(out);
    }

    /** N question-page addresses of realistic sessions (1 to 8 answers), one per line, for the web benchmark. */
    static void urls(KnowledgeBase kb, Engine engine, int n) {
        StringBuilder out = new StringBuilder();
        for (Answers a : sessions(kb, engine, n, new Random(7))) {
            out.append("/triage").append(rdptriage.render.SessionLink.query(a.values())).append('\n');
        }
        System.out.print(out);
    }

    /** Realistic sessions: the dialog codes first, then 0 to 6 further answers, all valid. */
    static List<Answers> sessions(KnowledgeBase kb, Engine engine, int n, Random random) {
        List<Question> questions = kb.questions();
        String[] main = {"0x904", "0x904", "0x904", "0x204", "0x108", "0x1B07", "0x807"};
        String[] ext = {"0x7", "0x7", "0x0", "0x5", "dont-know"};
        List<Answers> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, String> a = new LinkedHashMap<>();
            a.put("error-code", main[random.nextInt(main.length)]);
            if (random.nextBoolean()) {
                a.put("extended-code", ext[random.nextInt(ext.length)]);
            }
            int more = random.nextInt(7);
            while (a.size() < 2 + more) {
                Question q = questions.get(random.nextInt(questions.size()));
                a.putIfAbsent(q.id(), q.options().get(random.nextInt(q.options().size())).value());
            }
            list.add(engine.answers(a));
        }
        return list;
    }
}
