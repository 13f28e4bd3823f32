package rdptriage.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.ConnectionLimit;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import rdptriage.inference.AssessmentCache;
import rdptriage.inference.Engine;
import rdptriage.render.Assets;
import rdptriage.render.Json;
import rdptriage.render.Links;
import rdptriage.render.Pages;
import rdptriage.render.Prose;
import rdptriage.site.Site;

/**
 * The browser Q&A and the troubleshooting site beside it, wired in one place: routes, security
 * headers, error mapping, and the HTTP server's limits. It keeps no per-user state (the address is
 * the session), so any number of copies can run behind a load balancer.
 *
 * <p>The server is Jetty's core (no servlets). Jetty parses a request without holding a thread, and
 * dispatches a worker only once the request line, the headers and (for a POST) the body are in: a
 * client that stalls mid-request ties up a connection until the idle timeout, never a worker. The
 * JDK's own server, used before, read each request on a worker thread with no timeout, so as many
 * stalled connections as workers stopped it for everyone (issue 12).
 */
public final class Server implements AutoCloseable {

    /**
     * Where to listen, how many worker threads, the public base URL for ticket notes (null: relative
     * links, or the Host header when it names this machine) and how many recent assessments to
     * remember (0: none).
     */
    public record Config(String bind, int port, int threads, String baseUrl, int cache) {}

    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    /** The headers every response carries, the server's own error responses included. */
    private static final List<HttpField> SECURITY_HEADERS = List.of(
            new HttpField("Content-Security-Policy", CSP),
            new HttpField("X-Content-Type-Options", "nosniff"),
            new HttpField("Referrer-Policy", "no-referrer"),
            new HttpField("X-Frame-Options", "DENY"));

    /** The addresses that take a POST: a pasted ticket, on the question page and in the API. */
    private static final Set<String> POSTED = Set.of("/triage", "/api/triage");
    /** A 64 KB paste, form-encoded (up to 9 bytes for a character) or escaped in JSON, with its answers. */
    static final int MAX_BODY = 9 * rdptriage.inference.Ticket.MAX_CHARS + 8192;
    /** A connection that sends or reads nothing for this long is closed, whatever state it is in. */
    static final int IDLE_TIMEOUT_MS = 10_000;
    /**
     * Request line plus headers; longer is refused (414 or 431) before any handler runs. Large enough
     * that an address over Query's own limit still gets its polite page, which keeps the answers read.
     */
    static final int MAX_HEADER_BYTES = 64 * 1024;
    /** Open connections at most; beyond it Jetty stops accepting until some close. */
    static final int MAX_CONNECTIONS = 2_000;
    /** Requests waiting for a worker at most; more are answered 503 at once. */
    static final int MAX_QUEUED = 1_000;
    /** A request body that arrives slower than this (bytes/s) is abandoned. */
    static final long MIN_BODY_RATE = 1_024;

    private final org.eclipse.jetty.server.Server http;
    private final ThreadPoolExecutor workers;
    private final ServerConnector connector;
    private final Map<String, Function<Request, Response>> routes = new LinkedHashMap<>();
    private final Map<String, byte[]> assets = Assets.load();
    private final Pages pages;
    private final SitePages site;
    private final Thread warm;

    private Server(Engine engine, Pages pages, Config config) throws IOException {
        this.pages = pages;
        AssessmentCache assessments = new AssessmentCache(engine, config.cache());
        SessionPages sessions = new SessionPages(assessments, pages, new Addresses(config.baseUrl()));
        Api api = new Api(assessments);
        this.site = new SitePages(Site.served(engine, pages), engine.knowledge(), pages);
        routes.put("/", r -> Response.redirect("/triage"));
        routes.put("/triage", sessions::triage);
        routes.put("/result", sessions::result);
        routes.put("/checklist", sessions::checklist);
        routes.put("/plan", sessions::plan);
        routes.put("/note.md", sessions::markdownNote);
        for (rdptriage.render.CollectScript.Side side : rdptriage.render.CollectScript.Side.values()) {
            routes.put("/" + rdptriage.render.CollectScript.path(side), r -> sessions.script(side, r));
        }
        routes.put("/api/triage", api::triage);
        routes.put("/api/questions", api::questions);
        routes.put("/api/causes", api::causes);
        routes.put("/health", api::health);
        sessions.triage(new Request("/triage", "error-code=0x904&extended-code=0x7", null));

        // workers for the handlers, plus Jetty's acceptor and selector threads
        // pages are made on a fixed pool of workers (one per core measured best); Jetty's own threads
        // only accept, read and write
        this.workers = new ThreadPoolExecutor(config.threads(), config.threads(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(MAX_QUEUED), r -> {
                    Thread t = new Thread(r, "rdp-triage-worker");
                    t.setDaemon(true);
                    return t;
                });
        QueuedThreadPool threads = new QueuedThreadPool(8, 2);
        threads.setName("rdp-triage-io");
        threads.setReservedThreads(0);
        this.http = new org.eclipse.jetty.server.Server(threads);
        HttpConfiguration hc = new HttpConfiguration();
        hc.setSendServerVersion(false);
        hc.setSendDateHeader(false);
        hc.setRequestHeaderSize(MAX_HEADER_BYTES);
        hc.setMinRequestDataRate(MIN_BODY_RATE);
        hc.setDelayDispatchUntilContent(true);
        this.connector = new ServerConnector(http, 1, 1, new HttpConnectionFactory(hc));
        connector.setHost(config.bind());
        connector.setPort(config.port());
        connector.setIdleTimeout(IDLE_TIMEOUT_MS);
        connector.setAcceptQueueSize(1024);
        http.addConnector(connector);
        http.addBean(new ConnectionLimit(MAX_CONNECTIONS, connector));
        http.setErrorHandler(new Errors());
        http.setHandler(new Routes());
        try {
            http.start();
        } catch (Exception e) {
            close();
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String why = cause instanceof java.nio.channels.UnresolvedAddressException ? "no such address"
                    : cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
            throw new IOException("cannot listen on " + config.bind() + ":" + config.port() + " (" + why + ")", e);
        }
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
        return connector.getLocalPort();
    }

    /** Waits until every kind of page has been rendered once. */
    public void awaitWarmUp() throws InterruptedException {
        warm.join();
    }

    @Override
    public void close() {
        try {
            http.setStopTimeout(2_000);
            http.stop();
        } catch (Exception e) {
            System.err.println("rdp-triage: the server did not stop cleanly: " + e);
        }
        workers.shutdownNow();
    }

    private void warmUp() {
        for (String q : List.of("", "error-code=0x904&extended-code=0x7", "error-code=0x904&extended-code=0x7&tcp-3389-test=closed")) {
            for (String path : List.of("/triage", "/result", "/plan", "/checklist", "/note.md", "/api/triage")) {
                route(new Request(path, q, null));
            }
        }
        // the first paste compiles the signals (tens of ms): done here, not for the first user who pastes
        route(new Request("/triage", null, null, "ticket=Error+code%3A+0x904", false));
        route(new Request("/api/triage", null, null, "{\"ticket\": \"Error code: 0x904\"}", false));
        route(new Request("/api/questions", null, null));
        route(new Request("/api/causes", null, null));
        // the site's pages, each rendered once for good (the flowchart walks the triage: seconds, so last)
        site.warmUp();
        route(new Request("/causes/rdp-certificate.html", "error-code=0x904&extended-code=0x7", null));
    }

    private Response route(Request r) {
        Function<Request, Response> handler = routes.get(r.path());
        if (handler != null) {
            return handler.apply(r);
        }
        if (site.has(r.path())) {
            return site.page(r);
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

    /**
     * Every request with a well-formed request line and headers comes here, on Jetty's I/O thread.
     * {@code /health}, the static files and the site's pages already rendered are answered at once,
     * so a load balancer's probe never waits behind question pages; everything else is queued for
     * the workers, and a full queue is answered 503 at once instead of growing without bound.
     */
    private final class Routes extends Handler.Abstract.NonBlocking {
        @Override
        public boolean handle(org.eclipse.jetty.server.Request req, org.eclipse.jetty.server.Response res, Callback callback) {
            String method = req.getMethod();
            HttpURI uri = req.getHttpURI();
            Request r = new Request(uri.getDecodedPath(), uri.getQuery(), req.getHeaders().get(HttpHeader.HOST));
            boolean head = "HEAD".equals(method);
            boolean read = head || "GET".equals(method);
            Response ready = read ? site.ready(r) : null;
            if (ready != null) {
                send(res, callback, ready, head);
                return true;
            }
            if (read && (r.path().equals("/health") || r.path().startsWith("/assets/") && !site.has(r.path()))) {
                send(res, callback, respond(r), head);
                return true;
            }
            if ("POST".equals(method) && POSTED.contains(r.path())) {
                if (req.getLength() > MAX_BODY) {
                    res.getHeaders().put(HttpHeader.CONNECTION, "close");
                    work(res, callback, () -> respond(new Request(r.path(), r.rawQuery(), r.host(), null, true)), false);
                    return true;
                }
                // the body arrives without holding a thread; the page is made once it is all in
                Content.Source.asByteArrayAsync(req, MAX_BODY + 1).whenComplete((bytes, failure) -> {
                    if (failure != null) {
                        callback.failed(failure);
                        return;
                    }
                    boolean over = bytes.length > MAX_BODY;
                    Request posted = new Request(r.path(), r.rawQuery(), r.host(), over ? null : new String(bytes, StandardCharsets.UTF_8), over);
                    work(res, callback, () -> respond(posted), false);
                });
                return true;
            }
            if (!read) {
                boolean posted = POSTED.contains(r.path());
                res.getHeaders().put(HttpHeader.ALLOW, posted ? "GET, HEAD, POST" : "GET, HEAD");
                // the body of a refused request is not read: the connection cannot carry another request
                res.getHeaders().put(HttpHeader.CONNECTION, "close");
                work(res, callback, () -> error(r, new HttpError(405, "Method not allowed", posted
                        ? "Only GET, HEAD and POST (a pasted ticket) are served here."
                        : "Only GET and HEAD are served here; the session lives in the address.")), false);
                return true;
            }
            work(res, callback, () -> respond(r), head);
            return true;
        }
    }

    /** Makes the page on a worker; with {@link #MAX_QUEUED} requests already waiting, says 503 at once. */
    private void work(org.eclipse.jetty.server.Response res, Callback callback, Supplier<Response> page, boolean head) {
        try {
            workers.execute(() -> send(res, callback, page.get(), head));
        } catch (RejectedExecutionException e) {
            res.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
            send(res, callback, Response.json(503, "{\"error\": \"busy: " + MAX_QUEUED + " requests are waiting; try again in a second\"}\n"), head);
        }
    }

    /**
     * Jetty's own refusals (a malformed address such as {@code %zz}, headers over the limit, a bad
     * request line) get the same headers and the same page as the application's errors.
     */
    private final class Errors extends ErrorHandler {
        @Override
        public boolean handle(org.eclipse.jetty.server.Request req, org.eclipse.jetty.server.Response res, Callback callback) {
            int status = res.getStatus() >= 400 ? res.getStatus() : HttpStatus.BAD_REQUEST_400;
            String path = req.getHttpURI() == null || req.getHttpURI().getPath() == null ? "/" : req.getHttpURI().getPath();
            Response page = error(new Request(path.startsWith("/api/") ? "/api/" : "/", null, null), refusal(status));
            send(res, callback, page, "HEAD".equals(req.getMethod()));
            return true;
        }

        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            SECURITY_HEADERS.forEach(fields::put);
            fields.put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
            fields.put(HttpHeader.CACHE_CONTROL, "no-cache");
            return ByteBuffer.wrap((status + " " + refusal(status).getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    private static HttpError refusal(int status) {
        return switch (status) {
            case 431 -> new HttpError(431, "Request headers too large", "The request line and headers together may be at most "
                    + MAX_HEADER_BYTES / 1024 + " KB.");
            case 413 -> new HttpError(413, "Request too large", "A request may carry at most " + MAX_BODY / 1024 + " KB.");
            case 414 -> new HttpError(414, "Address too long", "This address is longer than the server accepts.");
            case 408 -> new HttpError(408, "Request timeout", "The request did not arrive in time.");
            case 400 -> new HttpError(400, "Bad request", "The address or the request is malformed: check for a stray %, \\ or < "
                    + "in the address. Each % must be followed by two hexadecimal digits.");
            default -> new HttpError(status, HttpStatus.getMessage(status), "The server could not take this request.");
        };
    }

    private Response respond(Request r) {
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

    private static void send(org.eclipse.jetty.server.Response res, Callback callback, Response r, boolean headOnly) {
        res.setStatus(r.status());
        HttpFields.Mutable h = res.getHeaders();
        h.put(HttpHeader.CONTENT_TYPE, r.contentType());
        SECURITY_HEADERS.forEach(h::put);
        h.put(HttpHeader.CACHE_CONTROL, r.cacheable() ? "public, max-age=3600" : "no-cache");
        if (r.location() != null) {
            h.put(HttpHeader.LOCATION, r.location());
        }
        if (r.attachment() != null) {
            h.put(HttpHeader.CONTENT_DISPOSITION, "attachment; filename=\"" + r.attachment() + "\"");
        }
        h.put(HttpHeader.CONTENT_LENGTH, r.body().length);
        res.write(true, headOnly || r.body().length == 0 ? null : ByteBuffer.wrap(r.body()), callback);
    }
}
