package org.collapselab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FinitePoolTest {

    /** Rows {0}, {1}, ..., {count - 1}: each value names its row. */
    private static List<double[]> numbered(int count) {
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new double[] {i});
        }
        return rows;
    }

    private static Set<Double> values(List<double[]> rows) {
        Set<Double> out = new HashSet<>();
        for (double[] row : rows) {
            out.add(row[0]);
        }
        return out;
    }

    @Test
    void probeIsDisjointFromThePoolAndTogetherTheyHoldEveryRowOnce() {
        RealData<double[]> real = new TableSource("t", numbered(50), 0.2)
            .open(new SplittableRandom(4));
        // round(0.2 * 50) = 10 probe rows, 40 in the pool.
        assertEquals(10, real.probe().size());
        assertEquals(40, real.poolSize());
        Set<Double> probe = values(real.probe());
        assertEquals(10, probe.size());
        Set<Double> drawn = values(real.draw(40, new SplittableRandom(5)));
        assertEquals(40, drawn.size());
        Set<Double> overlap = new HashSet<>(probe);
        overlap.retainAll(drawn);
        assertTrue(overlap.isEmpty(), "probe rows drawn for training: " + overlap);
        drawn.addAll(probe);
        assertEquals(values(numbered(50)), drawn);
    }

    @Test
    void drawsWithoutReplacementHaveNoDuplicatesUpToThePoolSize() {
        FinitePool pool = new FinitePool(numbered(30), 0.1, new SplittableRandom(6));
        Set<Double> probe = values(pool.probe());
        SplittableRandom random = new SplittableRandom(7);
        for (int count = 1; count <= pool.poolSize(); count++) {
            List<double[]> draw = pool.draw(count, random);
            Set<Double> distinct = values(draw);
            assertEquals(count, distinct.size(), "duplicates in a draw of " + count);
            distinct.retainAll(probe);
            assertTrue(distinct.isEmpty(), "probe rows in a draw of " + count);
        }
    }

    @Test
    void drawsBeyondThePoolSizeRepeatRowsButStayInThePool() {
        FinitePool pool = new FinitePool(numbered(20), 0.25, new SplittableRandom(8));
        Set<Double> probe = values(pool.probe());
        List<double[]> draw = pool.draw(100, new SplittableRandom(9));
        assertEquals(100, draw.size());
        Set<Double> distinct = values(draw);
        assertTrue(distinct.size() <= pool.poolSize());
        distinct.retainAll(probe);
        assertTrue(distinct.isEmpty(), "probe rows in an oversized draw");
    }

    @Test
    void theSplitDependsOnlyOnTheStream() {
        List<double[]> rows = numbered(40);
        FinitePool first = new FinitePool(rows, 0.25, new SplittableRandom(10));
        FinitePool again = new FinitePool(rows, 0.25, new SplittableRandom(10));
        List<Double> a = first.probe().stream().map(r -> r[0]).toList();
        List<Double> b = again.probe().stream().map(r -> r[0]).toList();
        assertEquals(a, b);
    }
}
