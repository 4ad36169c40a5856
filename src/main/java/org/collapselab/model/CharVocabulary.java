package org.collapselab.model;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * The outcomes of a character model: the code points seen in training, in code-point order (so
 * the ids do not depend on the order of the lines), after two markers: {@link #BOUNDARY}, which
 * is the input before a line's first character and the target after its last, and
 * {@link #UNKNOWN}, one bucket for every code point training never saw.
 */
final class CharVocabulary {

    /** Begins and ends every line. */
    static final int BOUNDARY = 0;
    /** Every unseen code point. */
    static final int UNKNOWN = 1;
    /** The id of the first seen code point. */
    private static final int FIRST = 2;

    /** Seen code points, ascending; code point i has id i + FIRST. */
    private final int[] codePoints;

    private CharVocabulary(int[] codePoints) {
        this.codePoints = codePoints;
    }

    /** The code points of the lines, with the two markers. */
    static CharVocabulary of(Iterable<String> lines) {
        TreeSet<Integer> seen = new TreeSet<>();
        for (String line : lines) {
            line.codePoints().forEach(seen::add);
        }
        return new CharVocabulary(seen.stream().mapToInt(Integer::intValue).toArray());
    }

    /** |V|: the seen code points plus the two markers. */
    int size() {
        return codePoints.length + FIRST;
    }

    /** The ids of a line's code points, unseen ones as {@link #UNKNOWN}. */
    int[] encode(String line) {
        return line.codePoints().map(this::id).toArray();
    }

    int id(int codePoint) {
        int index = Arrays.binarySearch(codePoints, codePoint);
        return index < 0 ? UNKNOWN : index + FIRST;
    }

    /**
     * The code point of a character id; {@link #UNKNOWN} is written as U+FFFD, the replacement
     * character, the same as the ngram family writes it.
     */
    int codePoint(int id) {
        if (id == BOUNDARY) {
            throw new IllegalArgumentException("the boundary marker has no character");
        }
        return id == UNKNOWN ? 0xFFFD : codePoints[id - FIRST];
    }
}
