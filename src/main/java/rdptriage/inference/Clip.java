package rdptriage.inference;

/** Shortens user text before it is echoed in a message, so a huge or hostile value cannot flood the output. */
public final class Clip {

    private static final int MAX = 60;

    private Clip() {}

    public static String of(String s) {
        if (s == null) {
            return "null";
        }
        String printable = s.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= MAX ? printable : printable.substring(0, MAX) + "... (" + s.length() + " characters)";
    }
}
