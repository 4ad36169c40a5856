package org.collapselab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.collapselab.data.Tables.Missing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TablesTest {

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, text);
        return path;
    }

    private static void assertRows(double[][] expected, List<double[]> rows) {
        assertEquals(expected.length, rows.size());
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], rows.get(i), 0, "row " + i);
        }
    }

    @Test
    void headerColumnsAreChosenByNameInTheOrderGiven() throws IOException {
        Path csv = file("named.csv", "a,b,c\n1,2,3\n4,5,6\n");
        assertRows(new double[][] {{3, 1}, {6, 4}},
            Tables.csv(csv, ',', true, List.of("c", "a"), Missing.FAIL));
    }

    @Test
    void headerColumnsCanAlsoBeChosenByZeroBasedIndex() throws IOException {
        Path csv = file("indexed.csv", "a,b,c\n1,2,3\n4,5,6\n");
        assertRows(new double[][] {{2}, {5}},
            Tables.csv(csv, ',', true, List.of("1"), Missing.FAIL));
    }

    @Test
    void withoutHeaderTheFirstLineIsDataAndNoColumnsMeansAll() throws IOException {
        Path csv = file("bare.csv", "1,2,3\n4,5,6\n");
        assertRows(new double[][] {{1, 2, 3}, {4, 5, 6}},
            Tables.csv(csv, ',', false, List.of(), Missing.FAIL));
        assertRows(new double[][] {{3}, {6}},
            Tables.csv(csv, ',', false, List.of("2"), Missing.FAIL));
    }

    @Test
    void semicolonDelimiterSplitsFieldsThatHoldCommas() throws IOException {
        Path csv = file("semi.csv", "x;label;y\n1.5;\"a,b\";-2\n3e2;c;0.25\n");
        assertRows(new double[][] {{1.5, -2}, {300, 0.25}},
            Tables.csv(csv, ';', true, List.of("x", "y"), Missing.FAIL));
    }

    @Test
    void missingDropSkipsRowsWithAnEmptyOrNonNumericSelectedCell() throws IOException {
        Path csv = file("gaps.csv", "a,b,c\n1,2,x\n,5,6\n7,NA,9\n10,11,12\n");
        // Column c is not selected, so its 'x' does not matter; rows 3 and 4 have gaps in a, b.
        assertRows(new double[][] {{1, 2}, {10, 11}},
            Tables.csv(csv, ',', true, List.of("a", "b"), Missing.DROP));
    }

    @Test
    void missingMeanFillsACellWithItsColumnMeanOverTheRowsThatHaveIt() throws IOException {
        Path csv = file("gaps.csv", "a,b\n1,2\n,5\n7,NA\n10,11\n");
        // Mean of a over 1, 7, 10 = 6; mean of b over 2, 5, 11 = 6.
        assertRows(new double[][] {{1, 2}, {6, 5}, {7, 6}, {10, 11}},
            Tables.csv(csv, ',', true, List.of(), Missing.MEAN));
    }

    @Test
    void missingMeanRefusesAColumnWithNoNumberAtAll() throws IOException {
        Path csv = file("empty-column.csv", "a,b\n1,\n3,NA\n5,\n");
        Tables.TableException error = assertThrows(Tables.TableException.class,
            () -> Tables.csv(csv, ',', true, List.of(), Missing.MEAN));
        assertEquals(csv + ": column 'b' has no number in any row, so data.missing: mean has "
            + "nothing to fill it from; leave the column out of data.columns or fix the file",
            error.getMessage());
    }

    @Test
    void missingFailNamesTheFileTheLineAndTheColumn() throws IOException {
        Path csv = file("bad.csv", "a,b\n1,2\n3,oops\n5,6\n7,8\n");
        Tables.TableException error = assertThrows(Tables.TableException.class,
            () -> Tables.csv(csv, ',', true, List.of(), Missing.FAIL));
        // Line 1 is the header, so the bad cell is on line 3.
        assertEquals(csv + ":3: column 'b' has 'oops', not a number; set data.missing to drop "
            + "or mean to skip or fill such cells", error.getMessage());
    }

    @Test
    void missingFailCountsSkippedBlankAndCommentLinesAndAFinalLineWithoutNewline()
        throws IOException {
        Path csv = file("gappy.csv", "a,b\n1,2\n\n# note\n3,4\n5,?");
        Tables.TableException error = assertThrows(Tables.TableException.class,
            () -> Tables.csv(csv, ',', true, List.of("b"), Missing.FAIL));
        assertTrue(error.getMessage().startsWith(csv + ":6: column 'b' has '?'"),
            error.getMessage());
    }

    @Test
    void missingFailWithoutHeaderNamesTheColumnByIndex() throws IOException {
        Path csv = file("bad.csv", "1,2\n\n3,\n");
        Tables.TableException error = assertThrows(Tables.TableException.class,
            () -> Tables.csv(csv, ',', false, List.of(), Missing.FAIL));
        // The empty line 2 is skipped; the empty cell is column 1 on line 3.
        assertEquals(csv + ":3: column 1 has '', not a number; set data.missing to drop or "
            + "mean to skip or fill such cells", error.getMessage());
    }

    @Test
    void anUnknownColumnIsNamedWithTheColumnsTheFileHas() throws IOException {
        Path csv = file("named.csv", "a,b\n1,2\n");
        Tables.TableException error = assertThrows(Tables.TableException.class,
            () -> Tables.csv(csv, ',', true, List.of("z"), Missing.FAIL));
        assertEquals(csv + ": column 'z' not found; the file has columns [a, b]",
            error.getMessage());
    }

    @Test
    void irisHas150RowsOf4MeasurementsWithTheKnownColumnMeans() throws IOException {
        List<double[]> iris = Tables.iris();
        assertEquals(150, iris.size());
        double[] mean = new double[4];
        for (double[] row : iris) {
            assertEquals(4, row.length);
            for (int i = 0; i < 4; i++) {
                mean[i] += row[i] / iris.size();
            }
        }
        // Sepal length, sepal width, petal length, petal width in cm. The jar ships the UCI copy,
        // whose rows 35 and 38 both read 4.9, 3.1, 1.5, 0.1 where Fisher (1936) has
        // 4.9, 3.1, 1.5, 0.2 and 4.9, 3.6, 1.4, 0.1: its sums are 876.5, 458.1, 563.8 and 179.8,
        // so the means are 5.843, 3.054, 3.759 and 1.199 rather than Fisher's 5.843, 3.057,
        // 3.758 and 1.199.
        assertArrayEquals(new double[] {876.5 / 150, 458.1 / 150, 563.8 / 150, 179.8 / 150},
            mean, 1e-12);
        assertArrayEquals(new double[] {5.843, 3.054, 3.759, 1.199}, mean, 5e-4);
        assertTrue(iris.stream().allMatch(row -> row[0] > 4 && row[0] < 8));
    }
}
