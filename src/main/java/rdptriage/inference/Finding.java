package rdptriage.inference;

/** A shared intermediate conclusion of the rules in rules/shared, e.g. "tcp-open" or "host-side". */
public record Finding(String name) {}
