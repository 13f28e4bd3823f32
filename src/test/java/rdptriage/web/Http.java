package rdptriage.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import rdptriage.inference.Engines;

/** One server for the web tests, started on a free port, and a client for it. */
final class Http {

    private static Server server;
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {}

    static synchronized int port() throws IOException {
        if (server == null) {
            server = Server.start(Engines.compiled(), Server.pages(), new Server.Config("127.0.0.1", 0, 4, null, 1000));
        }
        return server.port();
    }

    static String base() throws IOException {
        return "http://127.0.0.1:" + port();
    }

    static HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).GET().build());
    }

    static HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(java.net.URI.create(base() + path)).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Sends bytes as they are (a Host header, a malformed request line) and reads the whole answer. */
    static String raw(String request) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
