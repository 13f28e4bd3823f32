package rdptriage.cli;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import rdptriage.inference.BadInput;
import rdptriage.inference.Ticket;

/**
 * Reads the text given with --ticket: a file, or standard input for "-". Never more than the
 * limit is held, whatever the file is (a device or a pipe included); bytes that are not UTF-8 are
 * read as U+FFFD, since a pasted log may hold a few.
 */
final class TicketFile {

    /** UTF-8 takes up to 4 bytes a character. */
    private static final int MAX_BYTES = Ticket.MAX_CHARS * 4;

    private TicketFile() {}

    static String read(String name, InputStream stdin) {
        byte[] bytes = InputFiles.read("ticket file", name, stdin, MAX_BYTES, "at most " + Ticket.MAX_CHARS
                + " characters (64 KB) are read: give the error dialog, the ticket and the relevant lines of the log");
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new BadInput("ticket file " + name + ": cannot be read as text (" + e.getMessage() + ")");
        }
    }
}
