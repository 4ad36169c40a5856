package org.collapselab.model;

import java.util.Arrays;

/**
 * An open-addressing hash index from 64-bit keys to dense ids 0, 1, 2, ... in order of first
 * insertion; the n-gram family packs (context id, token id) pairs into the keys, which keeps
 * counting free of boxing. Linear probing, load factor at most 1/2. Not thread-safe while it
 * grows; read-only use after fitting is safe.
 */
final class LongIndex {

    /** Marks an empty slot; ids are never negative. */
    private static final int EMPTY = -1;
    /** Golden-ratio multiplier of Fibonacci hashing, spreading packed keys over the table. */
    private static final long MIX = 0x9E3779B97F4A7C15L;

    /** Slot to id, or {@link #EMPTY}. */
    private int[] slots;
    /** Id to key, in insertion order. */
    private long[] keys;
    /** Number of ids handed out. */
    private int size;
    /** log2 of the table length. */
    private int bits;

    LongIndex() {
        bits = 10;
        slots = new int[1 << bits];
        Arrays.fill(slots, EMPTY);
        keys = new long[1 << (bits - 1)];
    }

    /** The id of {@code key}, inserting it with the next id when it is new. */
    int intern(long key) {
        int slot = slotOf(key);
        if (slots[slot] != EMPTY) {
            return slots[slot];
        }
        if (size == keys.length) {
            grow();
            slot = slotOf(key);
        }
        keys[size] = key;
        slots[slot] = size;
        return size++;
    }

    /** The id of {@code key}, or -1 when it was never inserted. */
    int find(long key) {
        return slots[slotOf(key)];
    }

    /** The key with id {@code id}. */
    long key(int id) {
        return keys[id];
    }

    int size() {
        return size;
    }

    /** The slot holding {@code key}, or the empty slot where it would go. */
    private int slotOf(long key) {
        int mask = slots.length - 1;
        int slot = (int) ((key * MIX) >>> (64 - bits));
        while (slots[slot] != EMPTY && keys[slots[slot]] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        bits++;
        slots = new int[1 << bits];
        Arrays.fill(slots, EMPTY);
        keys = Arrays.copyOf(keys, 1 << (bits - 1));
        for (int id = 0; id < size; id++) {
            slots[slotOf(keys[id])] = id;
        }
    }
}
