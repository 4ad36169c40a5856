package org.collapselab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.collapselab.data.Tables.Missing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A UTF-8 file that starts with a byte-order mark (as spreadsheet programs save CSV) reads
 * exactly as the same file without one: the mark is not part of the first column's name or of
 * the first line.
 */
class ByteOrderMarkTest {

    /** U+FEFF as its three UTF-8 bytes. */
    private static final byte[] MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @TempDir
    Path dir;

    private Path withMark(String name, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[MARK.length + body.length];
        System.arraycopy(MARK, 0, bytes, 0, MARK.length);
        System.arraycopy(body, 0, bytes, MARK.length, body.length);
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void theFirstColumnOfACsvWithAMarkIsFoundByItsName() throws IOException {
        Path csv = withMark("marked.csv", "a,b\n1,2\n3,4\n");
        List<double[]> rows = Tables.csv(csv, ',', true, List.of("a"), Missing.FAIL);
        assertEquals(2, rows.size());
        assertArrayEquals(new double[] {1}, rows.get(0));
        assertArrayEquals(new double[] {3}, rows.get(1));
    }

    @Test
    void aHeaderlessCsvWithAMarkReadsItsFirstNumber() throws IOException {
        Path csv = withMark("bare.csv", "7,8\n");
        assertArrayEquals(new double[] {7, 8},
            Tables.csv(csv, ',', false, List.of(), Missing.FAIL).get(0));
    }

    @Test
    void theFirstLineOfATextFileWithAMarkHasNoMark() throws IOException {
        Path text = withMark("lines.txt", "hello world\nsecond line\n");
        assertEquals(List.of("hello world", "second line"),
            TextCorpus.readFile(text, TextCorpus.Options.all()));
    }

    @Test
    void aFileWithoutAMarkKeepsItsFirstBytes() throws IOException {
        // Only the exact three bytes EF BB BF are dropped; a first character of three UTF-8
        // bytes that is not the mark (U+20AC, the euro sign: E2 82 AC) stays.
        Path text = Files.writeString(dir.resolve("euro.txt"), "\u20ac1\n", StandardCharsets.UTF_8);
        assertEquals(List.of("\u20ac1"), TextCorpus.readFile(text, TextCorpus.Options.all()));
    }
}
