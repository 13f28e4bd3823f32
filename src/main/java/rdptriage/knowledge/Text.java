package rdptriage.knowledge;

/** Small helpers to locate things in a file's text, so problems can name a line. */
public final class Text {

    private Text() {}

    /** The bytes as UTF-8 text, or empty when they are not valid UTF-8 (never replaced silently). */
    public static java.util.Optional<String> strictUtf8(byte[] bytes) {
        try {
            return java.util.Optional.of(java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString());
        } catch (java.nio.charset.CharacterCodingException e) {
            return java.util.Optional.empty();
        }
    }

    /** The 1-based line of the first occurrence of {@code needle}, or 0 when it does not occur. */
    public static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        return at < 0 ? 0 : lineAt(text, at);
    }

    /** The 1-based line of a character offset. */
    public static int lineAt(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
