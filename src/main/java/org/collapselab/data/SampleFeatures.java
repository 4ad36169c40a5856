package org.collapselab.data;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a sample becomes the named features of the real-versus-synthetic classifier
 * ({@link RealSyntheticClassifier}).
 *
 * @param <X> the sample type
 */
public interface SampleFeatures<X> {

    /** The sample's features by name; a feature left out counts as 0. */
    Map<String, Double> of(X sample);

    /** Whether the classifier should standardise each feature (mean 0, variance 1) first. */
    boolean standardise();

    /**
     * Numeric rows: every coordinate x_i and its square x_i^2. A linear model of the coordinates
     * alone sees a shift of the mean but not a change of the spread; with the squares, the log
     * odds of two Gaussians with diagonal covariances is exactly linear in the features.
     */
    static SampleFeatures<double[]> numeric() {
        return new SampleFeatures<>() {
            @Override
            public Map<String, Double> of(double[] x) {
                Map<String, Double> out = new LinkedHashMap<>();
                for (int i = 0; i < x.length; i++) {
                    out.put("x" + i, x[i]);
                    out.put("x" + i + "^2", x[i] * x[i]);
                }
                return out;
            }

            @Override
            public boolean standardise() {
                return true;
            }
        };
    }

    /**
     * Lines of text: the counts of each character unigram and bigram of the line (the line's
     * start and end marked as characters of their own), divided by the line's length plus one,
     * so that long and short lines compare; and the logarithm of the length plus one. The
     * features are the n-grams themselves, not hashed: Tribuo keeps sparse named features.
     */
    static SampleFeatures<String> text() {
        return new SampleFeatures<>() {
            @Override
            public Map<String, Double> of(String line) {
                int[] points = ("\u0002" + line + "\u0003").codePoints().toArray();
                double unit = 1.0 / (points.length - 1);
                Map<String, Double> out = new LinkedHashMap<>();
                for (int i = 0; i < points.length; i++) {
                    out.merge("1:" + Character.toString(points[i]), unit, Double::sum);
                    if (i + 1 < points.length) {
                        out.merge("2:" + Character.toString(points[i])
                            + Character.toString(points[i + 1]), unit, Double::sum);
                    }
                }
                out.put("log-length", Math.log(points.length - 1.0));
                return out;
            }

            @Override
            public boolean standardise() {
                return false;
            }
        };
    }
}
