package org.collapselab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.collapselab.spec.ExperimentSpec;
import org.collapselab.spec.SpecLoader;
import org.junit.jupiter.api.Test;

/** Shards cut the grid into disjoint slices that together are the grid, dealt round robin. */
class ShardTest {

    /** 2 families x 3 rho x 2 n x 3 replicates = 36 cells. */
    private static final String SPEC = """
        name: shards
        seed: 5
        generations: 2
        replicates: 3
        family: [gaussian, kde]
        rho: [0, 0.5, 1]
        n: [10, 20]
        data: {source: analytic}
        """;

    private static List<Cell> grid() throws Exception {
        ExperimentSpec spec = SpecLoader.parse(java.nio.file.Path.of("shards.yaml"), SPEC).spec();
        return Grid.cells(spec);
    }

    @Test
    void readsIndexOverCount() throws UsageException {
        assertEquals(new Shard(2, 5), Shard.parse("2/5"));
        assertEquals("0/1", Shard.parse(" 0/1 ").toString());
    }

    @Test
    void refusesWhatIsNotAShard() {
        for (String text : List.of("5/5", "-1/3", "1/0", "1", "a/b", "1/2/3", "", "1/")) {
            UsageException mistake = assertThrows(UsageException.class, () -> Shard.parse(text),
                text);
            assertTrue(mistake.getMessage().startsWith("--shard: '" + text + "'"),
                mistake.getMessage());
        }
    }

    @Test
    void theShardsOfASplitPartitionTheGridInItsOrder() throws Exception {
        List<Cell> grid = grid();
        assertEquals(36, grid.size());
        for (int count : new int[] {1, 2, 5, 36, 40}) {
            List<Cell> joined = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < count; i++) {
                List<Cell> slice = new Shard(i, count).select(grid);
                // Round robin: shard i holds ceil((36 - i) / count) cells.
                assertEquals(Math.max(0, (36 - i + count - 1) / count), slice.size());
                for (int k = 1; k < slice.size(); k++) {
                    assertEquals(count, slice.get(k).index() - slice.get(k - 1).index());
                }
                slice.forEach(cell -> assertTrue(ids.add(cell.id()), "cell in two shards"));
                joined.addAll(slice);
            }
            joined.sort(Comparator.comparingInt(Cell::index));
            assertEquals(grid, joined);
        }
    }

    @Test
    void aShardIsTheSameSliceEveryTime() throws Exception {
        assertEquals(new Shard(1, 4).select(grid()), new Shard(1, 4).select(grid()));
    }
}
