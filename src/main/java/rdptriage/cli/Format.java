package rdptriage.cli;

/** Output formats of the triage and catalogue commands. */
enum Format {
    text, json, markdown
}
