package rdptriage.knowledge;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The one check for an address that ends up as a link on a page: a source's {@code url:}, the
 * site's {@code --qa-url}, the server's and the ticket note's {@code --base-url}. Only absolute
 * {@code http:} and {@code https:} addresses with a host pass; {@code javascript:}, {@code data:},
 * {@code file:} and relative addresses are refused, since a page that links them would run or open
 * whatever the knowledge or the option says (issue 12).
 */
public final class WebAddress {

    private WebAddress() {}

    /** What is wrong with {@code url} as a link, or null if it is a plain http(s) address. */
    public static String problem(String url) {
        if (url == null || url.isBlank()) {
            return "is empty; expected an http:// or https:// address";
        }
        if (url.chars().anyMatch(c -> c <= ' ' || c == 0x7f || c == '"' || c == '<' || c == '>' || c == '`')) {
            return "'" + shown(url) + "' contains a space, a control character, a quote or < >; expected an http:// or https:// address";
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "'" + shown(url) + "' is not a valid address (" + e.getReason() + "); expected an http:// or https:// address";
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            return "'" + shown(url) + "' is not an http:// or https:// address" + (scheme == null ? "" : " (its scheme is " + scheme + ":)")
                    + "; only those are linked";
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return "'" + shown(url) + "' names no host; expected e.g. https://rdp.example.org/";
        }
        return null;
    }

    private static String shown(String url) {
        String one = url.replaceAll("\\p{Cntrl}", "?");
        return one.length() > 80 ? one.substring(0, 80) + "..." : one;
    }
}
