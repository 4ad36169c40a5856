package org.collapselab.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Token strings to int ids for the n-gram family. Ids 0, 1 and 2 are the begin marker, the end
 * marker and the unknown-token bucket; seen tokens follow from 3 in order of first appearance.
 * Characters are keyed by code point (no string per character), words by their text.
 */
final class NgramVocabulary {

    /** The begin marker: pads the context at the start of a line, never predicted. */
    static final int BEGIN = 0;
    /** The end marker: predicted after the last token of a line. */
    static final int END = 1;
    /** The bucket of every token not seen in training. */
    static final int UNKNOWN = 2;
    /** The first id of a seen token. */
    static final int FIRST_TOKEN = 3;

    /** What a token is. */
    private final NgramOptions.Unit unit;
    /** Code point to dense index, for characters. */
    private final LongIndex codePoints = new LongIndex();
    /** Word to id, for words. */
    private final Map<String, Integer> words = new HashMap<>();
    /** Id - FIRST_TOKEN to token text. */
    private final List<String> texts = new ArrayList<>();

    NgramVocabulary(NgramOptions.Unit unit) {
        this.unit = unit;
    }

    /** Ids of the tokens of {@code line}, adding new tokens to the vocabulary. */
    int[] encodeAdding(String line) {
        return encode(line, true);
    }

    /** Ids of the tokens of {@code line}, unseen tokens mapped to {@link #UNKNOWN}. */
    int[] encode(String line) {
        return encode(line, false);
    }

    private int[] encode(String line, boolean adding) {
        if (unit == NgramOptions.Unit.CHAR) {
            return line.codePoints().map(c -> charId(c, adding)).toArray();
        }
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
            return new int[0];
        }
        String[] parts = trimmed.split("\\s+");
        int[] ids = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            ids[i] = wordId(parts[i], adding);
        }
        return ids;
    }

    private int charId(int codePoint, boolean adding) {
        if (!adding) {
            int index = codePoints.find(codePoint);
            return index < 0 ? UNKNOWN : index + FIRST_TOKEN;
        }
        int index = codePoints.intern(codePoint);
        if (index == texts.size()) {
            texts.add(Character.toString(codePoint));
        }
        return index + FIRST_TOKEN;
    }

    private int wordId(String word, boolean adding) {
        Integer id = words.get(word);
        if (id != null) {
            return id;
        }
        if (!adding) {
            return UNKNOWN;
        }
        int fresh = texts.size() + FIRST_TOKEN;
        words.put(word, fresh);
        texts.add(word);
        return fresh;
    }

    /** The text of a seen token id. */
    String text(int id) {
        return texts.get(id - FIRST_TOKEN);
    }

    /** The seen tokens, in id order. */
    List<String> seenTokens() {
        return List.copyOf(texts);
    }

    /** Number of ids in all, markers and bucket included. */
    int size() {
        return texts.size() + FIRST_TOKEN;
    }
}
