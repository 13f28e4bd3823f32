package rdptriage.inference;

/** A code or dialog message the user reported, decoded into its documented family, e.g. 0x904 into "socket-closed". */
public record Code(String value, String family) {}
