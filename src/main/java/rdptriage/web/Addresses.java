package rdptriage.web;

import java.util.regex.Pattern;

/**
 * The absolute address of this server, for the session link in ticket notes: the configured base
 * URL if any, else built from the request's Host header when that is a plain host[:port].
 */
final class Addresses {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]{2,45}\\](:[0-9]{1,5})?");

    private final String configured;
    private final String fallback;

    Addresses(String configured, String fallback) {
        this.configured = configured;
        this.fallback = fallback;
    }

    String base(Request r) {
        if (configured != null) {
            return configured;
        }
        return r.host() != null && HOST.matcher(r.host()).matches() ? "http://" + r.host() : fallback;
    }
}
