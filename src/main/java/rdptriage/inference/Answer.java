package rdptriage.inference;

/** One answer the user gave, e.g. question "tcp-3389-test", value "succeeded". */
public record Answer(String question, String value) {}
