package org.collapselab.run;

import java.util.List;

/**
 * One slice of a run's grid: shard {@code index} of {@code count} holds the cells whose position
 * in the grid's canonical order is congruent to {@code index} modulo {@code count}. The slice
 * depends only on the spec, so a shard resumed later, or rerun on another machine, is the same
 * set of cells; dealing the cells round robin spreads the grid's expensive corners (large n,
 * large d) over all shards instead of giving them to the last one.
 *
 * @param index the shard, from 0 to {@code count - 1} (Slurm's array task id and a Kubernetes
 *     completion index both count from 0)
 * @param count how many shards the grid is cut into, at least 1
 */
public record Shard(int index, int count) {

    /** The whole grid: one shard of one. */
    public static final Shard WHOLE = new Shard(0, 1);

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("no shard " + index + "/" + count);
        }
    }

    /**
     * Reads {@code i/N}.
     *
     * @throws UsageException with one line saying what is expected when the text is not a shard
     */
    public static Shard parse(String text) throws UsageException {
        String[] parts = text.strip().split("/", -1);
        try {
            if (parts.length == 2) {
                int index = Integer.parseInt(parts[0]);
                int count = Integer.parseInt(parts[1]);
                if (count >= 1 && index >= 0 && index < count) {
                    return new Shard(index, count);
                }
            }
        } catch (NumberFormatException notNumbers) {
            // Falls through to the one-line message below.
        }
        throw new UsageException("--shard: '" + text + "' is not a shard; write i/N with N at "
            + "least 1 and i from 0 to N-1 (for example 0/4)");
    }

    /** Whether the cell at {@code position} of the canonical order belongs to this shard. */
    public boolean holds(int position) {
        return position % count == index;
    }

    /** The cells of this shard, in the grid's canonical order. */
    public List<Cell> select(List<Cell> cells) {
        return cells.stream().filter(cell -> holds(cell.index())).toList();
    }

    public boolean isWhole() {
        return count == 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
