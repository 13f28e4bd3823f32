package rdptriage.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import rdptriage.inference.AssessmentCache;
import rdptriage.inference.Engine;
import rdptriage.render.Assets;
import rdptriage.render.Json;
import rdptriage.render.Links;
import rdptriage.render.Pages;
import rdptriage.render.Prose;

/**
 * The browser Q&A, wired in one place: routes, security headers, error mapping. It keeps no per-user
 * state (the address is the session), so any number of copies can run behind a load balancer.
 */
public final class Server implements AutoCloseable {

    /**
     * Where to listen, how many worker threads, the public base URL for ticket notes (null: from the
     * Host header) and how many recent assessments to remember (0: none).
     */
    public record Config(String bind, int port, int threads, String baseUrl, int cache) {}

    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /** The addresses that take a POST: a pasted ticket, on the question page and in the API. */
    private static final java.util.Set<String> POSTED = java.util.Set.of("/triage", "/api/triage");
    /** A 64 KB paste, form-encoded (up to 9 bytes for a character) or escaped in JSON, with its answers. */
    static final int MAX_BODY = 9 * rdptriage.inference.Ticket.MAX_CHARS + 8192;

    private final HttpServer http;
    private final ExecutorService pool;
    private final Map<String, Function<Request, Response>> routes = new LinkedHashMap<>();
    private final Map<String, byte[]> assets = Assets.load();
    private final Pages pages;
    private final Articles articles;
    private final Thread warm;

    private Server(Engine engine, Pages pages, Config config) throws IOException {
        // without TCP_NODELAY every keep-alive response waits for a delayed ACK (~40 ms); read once, at class load
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.pages = pages;
        // bound first: a taken port fails before the warm-up, and --port 0 gets its real number
        this.http = HttpServer.create(new InetSocketAddress(config.bind(), config.port()), 1024);
        String fallback = "http://localhost:" + http.getAddress().getPort();
        AssessmentCache assessments = new AssessmentCache(engine, config.cache());
        SessionPages sessions = new SessionPages(assessments, pages, new Addresses(config.baseUrl(), fallback));
        Api api = new Api(assessments);
        this.articles = new Articles(engine, pages);
        routes.put("/", r -> Response.redirect("/triage"));
        routes.put("/triage", sessions::triage);
        routes.put("/result", sessions::result);
        routes.put("/checklist", sessions::checklist);
        routes.put("/api/triage", api::triage);
        routes.put("/api/questions", api::questions);
        routes.put("/api/causes", api::causes);
        routes.put("/health", api::health);
        sessions.triage(new Request("/triage", "error-code=0x904&extended-code=0x7", null));
        this.pool = Executors.newFixedThreadPool(config.threads());
        http.setExecutor(pool);
        http.createContext("/", this::exchange);
        http.start();
        this.warm = new Thread(this::warmUp, "warm-up");
        warm.setDaemon(true);
        warm.start();
    }

    /**
     * Starts serving once a first question page has been rendered (the first Drools evaluation and
     * Thymeleaf render load ~0.4 s of classes); the other pages are warmed up in the background.
     */
    public static Server start(Engine engine, Pages pages, Config config) throws IOException {
        return new Server(engine, pages, config);
    }

    /** The renderer with its template engine and expression language loaded; worth starting while the rules load. */
    public static Pages pages() {
        Pages pages = new Pages();
        errorPage(pages, new HttpError(404, "Not found", "warm-up"));
        return pages;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** Waits until every kind of page has been rendered once. */
    public void awaitWarmUp() throws InterruptedException {
        warm.join();
    }

    @Override
    public void close() {
        http.stop(0);
        pool.shutdownNow();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void warmUp() {
        for (String q : List.of("", "error-code=0x904&extended-code=0x7", "error-code=0x904&extended-code=0x7&tcp-3389-test=closed")) {
            for (String path : List.of("/triage", "/result", "/checklist", "/api/triage")) {
                route(new Request(path, q, null));
            }
        }
        // the first paste compiles the signals (tens of ms): done here, not for the first user who pastes
        route(new Request("/triage", null, null, "ticket=Error+code%3A+0x904", false));
        route(new Request("/api/triage", null, null, "{\"ticket\": \"Error code: 0x904\"}", false));
        route(new Request("/causes/rdp-certificate.html", null, null));
        route(new Request("/api/questions", null, null));
        route(new Request("/api/causes", null, null));
    }

    private Response route(Request r) {
        Function<Request, Response> handler = routes.get(r.path());
        if (handler != null) {
            return handler.apply(r);
        }
        if (r.path().startsWith("/causes/")) {
            return articles.article(r);
        }
        if (r.path().startsWith("/assets/")) {
            return asset(r.path().substring("/assets/".length()));
        }
        throw HttpError.notFound("There is no page at this address.");
    }

    private Response asset(String name) {
        byte[] body = assets.get(name);
        if (body == null) {
            throw HttpError.notFound("There is no such file.");
        }
        return new Response(200, Assets.contentType(name), body, null, true);
    }

    private void exchange(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            String path = ex.getRequestURI().getPath();
            Request r = new Request(path, ex.getRequestURI().getRawQuery(), ex.getRequestHeaders().getFirst("Host"));
            Response response;
            if ("POST".equals(method) && POSTED.contains(path)) {
                byte[] body = ex.getRequestBody().readNBytes(MAX_BODY + 1);
                boolean over = body.length > MAX_BODY;
                r = new Request(path, r.rawQuery(), r.host(), over ? null : new String(body, java.nio.charset.StandardCharsets.UTF_8), over);
                response = handle(r);
            } else if (!"GET".equals(method) && !"HEAD".equals(method)) {
                boolean posted = POSTED.contains(path);
                ex.getResponseHeaders().set("Allow", posted ? "GET, HEAD, POST" : "GET, HEAD");
                response = error(r, new HttpError(405, "Method not allowed", posted
                        ? "Only GET, HEAD and POST (a pasted ticket) are served here."
                        : "Only GET and HEAD are served here; the session lives in the address."));
            } else {
                response = handle(r);
            }
            send(ex, response, "HEAD".equals(method));
        }
    }

    private Response handle(Request r) {
        try {
            return route(r);
        } catch (HttpError e) {
            return error(r, e);
        } catch (RuntimeException e) {
            System.err.println("rdp-triage: internal error on " + r.path() + ": " + e);
            e.printStackTrace();
            return error(r, new HttpError(500, "Internal error", "Something went wrong on our side; the error is logged on the server. Your answers are in the address and are not lost."));
        }
    }

    private Response error(Request r, HttpError e) {
        if (r.path().startsWith("/api/")) {
            return Response.json(e.status, Json.pretty(Map.of("error", e.getMessage())) + "\n");
        }
        return errorPage(pages, e);
    }

    private static Response errorPage(Pages pages, HttpError e) {
        Links links = Links.web();
        return Response.html(e.status, pages.render("error", Map.of("heading", e.heading, "message", e.getMessage(),
                "links", links, "brand", links.start(), "text", Prose.INSTANCE, "description", e.heading)));
    }

    private static void send(HttpExchange ex, Response r, boolean headOnly) throws IOException {
        var h = ex.getResponseHeaders();
        h.set("Content-Type", r.contentType());
        h.set("Content-Security-Policy", CSP);
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        h.set("X-Frame-Options", "DENY");
        h.set("Cache-Control", r.cacheable() ? "public, max-age=3600" : "no-cache");
        if (r.location() != null) {
            h.set("Location", r.location());
        }
        if (headOnly) {
            ex.sendResponseHeaders(r.status(), -1);
            return;
        }
        ex.sendResponseHeaders(r.status(), r.body().length == 0 ? -1 : r.body().length);
        if (r.body().length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(r.body());
            }
        }
    }
}
