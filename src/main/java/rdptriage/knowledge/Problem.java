package rdptriage.knowledge;

/** Something wrong in the knowledge or the rules, located by file and line (0 when no line applies). */
public record Problem(String file, int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
