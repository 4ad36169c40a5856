package org.collapselab.run;

import java.nio.charset.StandardCharsets;

/**
 * Derivation of every random stream from the run seed. A cell's seed depends only on the run seed,
 * the cell's own parameters and its replicate, so adding or removing other cells never changes it,
 * and neither does the order in which threads pick cells up.
 */
public final class Seeds {

    private Seeds() {
    }

    /** The SplitMix64 finaliser (Steele, Lea and Flood 2014): a bijective 64-bit mixer. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** 64-bit FNV-1a of the UTF-8 bytes of a key, then mixed. */
    public static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    /** A seed for the stream named {@code key} of replicate {@code replicate}. */
    public static long derive(long runSeed, String key, int replicate) {
        return mix(mix(runSeed ^ hash(key)) + replicate * 0x9e3779b97f4a7c15L);
    }

    /** A sub-stream seed, e.g. the metrics stream of generation t of a cell. */
    public static long derive(long seed, String purpose, long index) {
        return mix(mix(seed ^ hash(purpose)) + index * 0x9e3779b97f4a7c15L);
    }
}
