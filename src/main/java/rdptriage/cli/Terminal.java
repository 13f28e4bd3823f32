package rdptriage.cli;

/** The width of the terminal the conversation runs in, for wrapping; 80 when it cannot be told. */
final class Terminal {

    static final int DEFAULT = 80;

    private Terminal() {}

    /** COLUMNS when the shell exports it, else what stty reports for the controlling terminal, else 80. */
    static int width() {
        Integer columns = parse(System.getenv("COLUMNS"));
        if (columns != null) {
            return columns;
        }
        if (System.console() != null) {
            try {
                Process p = new ProcessBuilder("sh", "-c", "stty size < /dev/tty").redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes()).strip();
                if (p.waitFor() == 0 && out.matches("\\d+ \\d+")) {
                    Integer w = parse(out.substring(out.indexOf(' ') + 1));
                    if (w != null) {
                        return w;
                    }
                }
            } catch (java.io.IOException e) {
                return DEFAULT;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return DEFAULT;
    }

    /** A plausible width, or null. */
    static Integer parse(String s) {
        if (s == null || !s.strip().matches("\\d{1,4}")) {
            return null;
        }
        int w = Integer.parseInt(s.strip());
        return w >= 20 && w <= 1000 ? w : null;
    }
}
