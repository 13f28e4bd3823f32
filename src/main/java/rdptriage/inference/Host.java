package rdptriage.inference;

import java.util.regex.Pattern;

/**
 * The remote computer's name or address, given once, that fills the {@code <host>} placeholder of
 * every command of the plan (and {@code <ip-address>} when it is an address). Only the letters of
 * a DNS name or an IP address are accepted, since the value ends up in commands a person pastes
 * into a shell.
 */
public record Host(String name) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile("(?:(?:25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])\\.){3}(?:25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}");

    /** The host given, or null for none (null or blank); throws BadInput naming what is accepted. */
    public static Host parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip();
        if (!NAME.matcher(s).matches() && !IPV6.matcher(s).matches()) {
            throw new BadInput("host '" + Clip.of(raw) + "' is not a computer name or IP address; expected letters, digits,"
                    + " dots and hyphens (srv-app01.corp.example.com, 10.0.0.5) or an IPv6 address, at most 253 characters");
        }
        return new Host(s);
    }

    /** Whether the host was given as an IP address (then it fills {@code <ip-address>} too). */
    public boolean address() {
        return IPV4.matcher(name).matches() || name.contains(":");
    }

    /** A command with the placeholders this host fills filled in; null stays null. */
    public String fill(String command) {
        if (command == null) {
            return null;
        }
        String filled = command.replace("<host>", name);
        return address() ? filled.replace("<ip-address>", name) : filled;
    }
}
