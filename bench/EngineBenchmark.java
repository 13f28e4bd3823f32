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

        paste(engine, nanos[nanos.length / 2] / 1e3);

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

    /**
     * Reading a paste (issue 11): the signals compiled on the first paste, then a dialog, a 64 KB
     * FreeRDP-style log and a 64 KB worst case for a backtracking matcher, each beside the warm step.
     */
    static void paste(Engine engine, double stepMicros) {
        long t = System.nanoTime();
        engine.read("Error code: 0x904", Answers.NONE);
        double first = (System.nanoTime() - t) / 1e6;
        String dialog = "This computer can't connect to the remote computer. Error code: 0x904 Extended error code: 0x7";
        StringBuilder log = new StringBuilder();
        for (int i = 0; log.length() < rdptriage.inference.Ticket.MAX_CHARS - 200; i++) {
            log.append("[16:39:02:").append(i % 1000).append("] [8315:8327] [INFO][com.freerdp.core.nego] - nego_attempt: line ")
                    .append(i).append(" of a long trace, nothing wrong here\n");
        }
        log.append("[ERROR][com.freerdp.core] - freerdp_set_last_error_ex ERRCONNECT_TLS_CONNECT_FAILED [0x00020008]\n");
        String hostile = "error code error code: : 0x ".repeat(3_000).substring(0, rdptriage.inference.Ticket.MAX_CHARS - 20)
                + "Error code: 0x904";
        System.out.printf(Locale.ROOT, "paste: signals compiled on the first paste in %.0f ms%n", first);
        for (String[] c : new String[][] {{"the dialog (" + dialog.length() + " chars)", dialog},
                {"a 64 KB FreeRDP log", log.toString()}, {"a 64 KB run of near misses", hostile}}) {
            for (int i = 0; i < 20; i++) {
                engine.read(c[1], Answers.NONE);
            }
            long[] n = new long[40];
            for (int i = 0; i < n.length; i++) {
                long s0 = System.nanoTime();
                engine.read(c[1], Answers.NONE);
                n[i] = System.nanoTime() - s0;
            }
            Arrays.sort(n);
            double us = n[n.length / 2] / 1e3;
            System.out.printf(Locale.ROOT, "paste: reading %s: median %.0f us = %.1f warm steps (%.0f us)%n", c[0], us, us / stepMicros, stepMicros);
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
