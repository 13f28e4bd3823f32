package rdptriage.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import rdptriage.inference.BadInput;

/**
 * Opening what a user names on the command line (an answers file, a ticket file, a batch file, or
 * "-" for standard input), with the same messages for every command. A limit is enforced while
 * reading, so a device (/dev/zero), a pipe or a file that grows is never read past it (issue 12).
 */
final class InputFiles {

    private InputFiles() {}

    /** Opens {@code name}, "-" being standard input; {@code what} names it in messages ("answers file"). */
    static InputStream open(String what, String name, InputStream stdin) {
        if ("-".equals(name)) {
            return stdin;
        }
        Path p = Path.of(name);
        if (Files.isDirectory(p)) {
            throw new BadInput(what + " " + name + ": is a folder; expected a file");
        }
        try {
            return Files.newInputStream(p);
        } catch (NoSuchFileException e) {
            throw new BadInput(what + " " + name + ": no such file");
        } catch (AccessDeniedException e) {
            throw new BadInput(what + " " + name + ": permission denied");
        } catch (IOException e) {
            throw new BadInput(what + " " + name + ": cannot read it (" + e.getMessage() + ")");
        }
    }

    /** At most {@code maxBytes} of {@code name}; more is refused with {@code tooLarge} after the size. */
    static byte[] read(String what, String name, InputStream stdin, int maxBytes, String tooLarge) {
        byte[] bytes;
        InputStream in = open(what, name, stdin);
        try {
            bytes = in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new BadInput(what + " " + name + ": cannot read it (" + e.getMessage() + ")");
        } finally {
            if (in != stdin) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // read-only: nothing is lost
                }
            }
        }
        if (bytes.length > maxBytes) {
            throw new BadInput(what + " " + name + ": larger than " + maxBytes + " bytes; " + tooLarge);
        }
        return bytes;
    }
}
