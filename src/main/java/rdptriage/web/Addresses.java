package rdptriage.web;

import java.util.regex.Pattern;

/**
 * The base of the session link in ticket notes. The configured base URL if there is one; else the
 * request's Host header, but only when it names this machine (localhost, 127.x.x.x or [::1], with a
 * port or not): a Host header from anywhere else is the client's word, and a link built from it
 * could send the next reader of the ticket to any site (issue 12). Otherwise the link is relative
 * to this server ("" as the base).
 */
final class Addresses {

    private static final Pattern LOOPBACK = Pattern.compile(
            "(?i)(localhost|127(\\.[0-9]{1,3}){3}|\\[::1\\])(:[0-9]{1,5})?");

    private final String configured;

    Addresses(String configured) {
        this.configured = configured;
    }

    String base(Request r) {
        if (configured != null) {
            return configured;
        }
        return r.host() != null && LOOPBACK.matcher(r.host()).matches() ? "http://" + r.host() : "";
    }
}
