package rdptriage.cli;

/** Output formats of the triage and catalogue commands; note is the short ticket note (at most 4,000 characters). */
enum Format {
    text, json, markdown, note
}
