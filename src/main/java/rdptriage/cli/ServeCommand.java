package rdptriage.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import rdptriage.inference.BadInput;
import rdptriage.render.Pages;
import rdptriage.web.Server;

/** serve: the browser Q&A on http://localhost:8080 until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves the interactive Q&A in the browser (one question at a time, the ranking beside it,",
                "the fix plan at the end). The address carries the whole session: paste it to share."})
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engineOptions;

    @Option(names = "--port", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface, e.g. behind a load balancer).")
    String bind;

    @Option(names = "--threads", defaultValue = "0",
            description = "Worker threads (default: one per core; measured best on 2 cores, against 4 or 8).")
    int threads;

    @Option(names = "--base-url", description = "The public address of this server, for session links in ticket notes "
            + "(default: taken from the request's Host header).")
    String baseUrl;

    @Option(names = "--cache", defaultValue = "10000",
            description = "How many recent sessions' assessments to remember (default: ${DEFAULT-VALUE}; 0 turns it off).")
    int cache;

    @Option(names = "--exit-when-ready", hidden = true,
            description = "Start, render every kind of page once, stop: a smoke test, and the build's class-data training run.")
    boolean exitWhenReady;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port < 0 || port > 65535) {
            throw new BadInput("--port " + port + ": expected a port number from 0 to 65535");
        }
        if (threads < 0 || threads > 256) {
            throw new BadInput("--threads " + threads + ": expected 1 to 256 (0: one per core)");
        }
        int workers = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        CompletableFuture<Pages> pages = CompletableFuture.supplyAsync(Server::pages);
        if (cache < 0) {
            throw new BadInput("--cache " + cache + ": expected 0 or more");
        }
        Main.requireWebAddress("--base-url", baseUrl);
        Server server;
        try {
            server = Server.start(engineOptions.engine(), pages.join(), new Server.Config(bind, port, workers, baseUrl, cache));
        } catch (IOException e) {
            throw new BadInput(e.getMessage() + "; another program may be using the port (choose another with --port), "
                    + "or --bind names no address of this machine (expected e.g. 127.0.0.1 or 0.0.0.0)");
        }
        if (exitWhenReady) {
            server.awaitWarmUp();
            server.close();
            return Main.OK;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        var out = spec.commandLine().getOut();
        String host = bind.equals("0.0.0.0") || bind.equals("127.0.0.1") ? "localhost" : bind;
        out.println("rdp-triage: serving http://" + host + ":" + server.port() + "/ (Ctrl-C stops)");
        out.flush();
        stopped.await();
        return Main.OK;
    }
}
