package org.collapselab.model;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One-hot minibatches of lines for the character LSTM, in DL4J's recurrent layout
 * [lines, |V|, time]. Line i with character ids c_1 ... c_m (cut to L = min(m, max length))
 * gives the inputs BOUNDARY, c_1, ..., c_L and the targets c_1, ..., c_L, BOUNDARY, the last
 * target left out (masked) when the line was cut. Shorter lines are padded and masked.
 */
final class CharSequences {

    private CharSequences() {
    }

    /** One line, encoded and cut. */
    record Encoded(int[] ids, boolean complete) {

        static Encoded of(CharVocabulary vocabulary, String line, int maxLength) {
            int[] ids = vocabulary.encode(line);
            if (ids.length <= maxLength) {
                return new Encoded(ids, true);
            }
            return new Encoded(java.util.Arrays.copyOf(ids, maxLength), false);
        }

        /** Time steps: the boundary input plus one per character. */
        int steps() {
            return ids.length + 1;
        }

        /** The input id at step t. */
        int input(int t) {
            return t == 0 ? CharVocabulary.BOUNDARY : ids[t - 1];
        }

        /** The target id at step t. */
        int target(int t) {
            return t < ids.length ? ids[t] : CharVocabulary.BOUNDARY;
        }

        /** Whether step t has a target (every step but a cut line's last). */
        boolean hasTarget(int t) {
            return t < ids.length || complete;
        }
    }

    /** The longest line's steps. */
    static int steps(List<Encoded> lines) {
        int steps = 1;
        for (Encoded line : lines) {
            steps = Math.max(steps, line.steps());
        }
        return steps;
    }

    /** Inputs, targets and masks of a minibatch. */
    static DataSet dataSet(List<Encoded> lines, int vocabulary) {
        int steps = steps(lines);
        int count = lines.size();
        double[] features = new double[count * vocabulary * steps];
        double[] labels = new double[count * vocabulary * steps];
        double[] featureMask = new double[count * steps];
        double[] labelMask = new double[count * steps];
        for (int i = 0; i < count; i++) {
            Encoded line = lines.get(i);
            for (int t = 0; t < line.steps(); t++) {
                features[(i * vocabulary + line.input(t)) * steps + t] = 1;
                featureMask[i * steps + t] = 1;
                if (line.hasTarget(t)) {
                    labels[(i * vocabulary + line.target(t)) * steps + t] = 1;
                    labelMask[i * steps + t] = 1;
                }
            }
        }
        long[] shape = {count, vocabulary, steps};
        return new DataSet(array(features, shape), array(labels, shape),
            array(featureMask, new long[] {count, steps}),
            array(labelMask, new long[] {count, steps}));
    }

    /** The inputs of one step for a batch of lines: row i is the one-hot of {@code ids[i]}. */
    static INDArray step(int[] ids, int vocabulary) {
        double[] values = new double[ids.length * vocabulary];
        for (int i = 0; i < ids.length; i++) {
            values[i * vocabulary + ids[i]] = 1;
        }
        return array(values, new long[] {ids.length, vocabulary});
    }

    private static INDArray array(double[] values, long[] shape) {
        return Nd4j.create(values, shape, 'c');
    }
}
