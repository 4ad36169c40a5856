package org.collapselab.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens the UTF-8 files a user hands over (CSV tables, text corpora, run files) the same way
 * everywhere: bytes that are not UTF-8 are an error, never silently replaced, and a leading
 * byte-order mark (U+FEFF, which spreadsheet programs write) is skipped, so it never becomes
 * part of the first column's name or the first line.
 */
public final class TextFiles {

    /** The UTF-8 encoding of the byte-order mark U+FEFF. */
    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private TextFiles() {
    }

    /**
     * A reader of {@code file} as strict UTF-8 without its byte-order mark. Reading bytes that
     * are not UTF-8 throws a {@link CharacterCodingException}.
     */
    public static BufferedReader open(Path file) throws IOException {
        PushbackInputStream in = new PushbackInputStream(Files.newInputStream(file),
            BYTE_ORDER_MARK.length);
        try {
            byte[] start = in.readNBytes(BYTE_ORDER_MARK.length);
            if (!java.util.Arrays.equals(start, BYTE_ORDER_MARK)) {
                in.unread(start);
            }
        } catch (IOException unreadable) {
            in.close();
            throw unreadable;
        }
        var decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new BufferedReader(new InputStreamReader(in, decoder));
    }

    /** The cause of {@code failure} when that is a decoding error, else null. */
    public static CharacterCodingException decodingError(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CharacterCodingException coding) {
                return coding;
            }
        }
        return null;
    }

    /** The words for a file that is not UTF-8, after its name and position. */
    public static final String NOT_UTF8 = "not UTF-8 text (bytes that no UTF-8 character "
        + "encodes); save the file as UTF-8";
}
