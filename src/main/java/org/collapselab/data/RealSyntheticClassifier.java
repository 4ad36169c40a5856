package org.collapselab.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluationUtil;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.MeanStdDevTransformation;

/**
 * A classifier of real versus synthetic samples: logistic regression fitted by stochastic
 * gradient descent (Tribuo's {@code LinearSGDTrainer} with the logistic loss, AdaGrad steps and
 * a fixed seed) on the features of {@link SampleFeatures}. It serves twice: as the classifier
 * two-sample test of the {@code c2st_auc} metric (its held-out AUC) and as the trained detector
 * of the {@code filter} policy (its held-out rates become psi and phi).
 *
 * <p>{@link #fit} balances the two sides (the larger is cut to the size of the smaller, after a
 * seeded shuffle), trains on the first half of each and evaluates on the second half, which the
 * classifier never saw. Under the null hypothesis (both sides from one distribution) the held-out
 * AUC is a Mann-Whitney statistic of two independent samples of k = size / 2 scores each, with
 * mean 1/2 and standard deviation {@code sqrt((2k + 1) / (12 k^2))} (Lopez-Paz and Oquab, 2017,
 * "Revisiting classifier two-sample tests").
 *
 * @param <X> the sample type
 */
public final class RealSyntheticClassifier<X> {

    /** The label of synthetic samples, the positive class. */
    public static final Label SYNTHETIC = new Label("synthetic");
    /** The label of real samples. */
    public static final Label REAL = new Label("real");
    /** The fewest samples a side a fit takes: two to train on and two to test on. */
    public static final int MIN_PER_SIDE = 4;
    /** Passes over the training half. */
    private static final int EPOCHS = 10;
    /** AdaGrad's initial learning rate. */
    private static final double LEARNING_RATE = 0.5;

    /**
     * Tribuo's trainers log two INFO lines through java.util.logging on every fit, that is on
     * every generation of every cell; held here (the logging framework keeps loggers only weakly)
     * with its level raised to WARNING.
     */
    private static final java.util.logging.Logger TRIBUO_SGD = quietSgdLogger();

    /** How samples become features. */
    private final SampleFeatures<X> features;

    public RealSyntheticClassifier(SampleFeatures<X> features) {
        this.features = features;
    }

    /**
     * What one fit learned and measured on its held-out halves.
     *
     * @param auc the held-out AUC of the synthetic score (0.5: the sides cannot be told apart)
     * @param psi the held-out true-positive rate: synthetic samples scored synthetic (p &ge; 1/2)
     * @param phi the held-out false-positive rate: real samples scored synthetic
     * @param heldOut samples per side in the held-out half
     * @param detector the trained classifier, to flag new samples
     * @param <X> the sample type
     */
    public record Fit<X>(double auc, double psi, double phi, int heldOut, Detector<X> detector) {
    }

    /** A trained classifier that scores new samples. */
    public interface Detector<X> {

        /** Whether the classifier scores the sample synthetic (probability at least 1/2). */
        boolean flags(X sample);
    }

    /**
     * Trains on half of each side and measures on the other half.
     *
     * @param real real samples (at least 2 after balancing)
     * @param synthetic model samples
     * @param seed fixes the shuffle and the SGD order: the same inputs and seed give the same fit
     */
    public Fit<X> fit(List<X> real, List<X> synthetic, long seed) {
        if (!fits(real, synthetic)) {
            throw new IllegalArgumentException("a real-versus-synthetic classifier needs at least "
                + MIN_PER_SIDE + " samples a side, found " + real.size() + " real and "
                + synthetic.size() + " synthetic");
        }
        int size = Math.min(real.size(), synthetic.size());
        SplittableRandom random = new SplittableRandom(seed);
        List<X> realShuffled = shuffled(real, size, random);
        List<X> syntheticShuffled = shuffled(synthetic, size, random);
        int train = size / 2;

        MutableDataset<Label> training = new MutableDataset<>(
            new SimpleDataSourceProvenance("real-vs-synthetic", new LabelFactory()),
            new LabelFactory());
        for (int i = 0; i < train; i++) {
            training.add(example(realShuffled.get(i), REAL));
            training.add(example(syntheticShuffled.get(i), SYNTHETIC));
        }
        Model<Label> model = trainer(random.nextLong()).train(training);

        int heldOut = size - train;
        boolean[] truth = new boolean[2 * heldOut];
        double[] scores = new double[2 * heldOut];
        int realFlagged = 0;
        int syntheticFlagged = 0;
        for (int i = 0; i < heldOut; i++) {
            scores[2 * i] = score(model, realShuffled.get(train + i));
            scores[2 * i + 1] = score(model, syntheticShuffled.get(train + i));
            truth[2 * i + 1] = true;
            realFlagged += scores[2 * i] >= 0.5 ? 1 : 0;
            syntheticFlagged += scores[2 * i + 1] >= 0.5 ? 1 : 0;
        }
        double auc = LabelEvaluationUtil.binaryAUCROC(truth, scores);
        return new Fit<>(auc, (double) syntheticFlagged / heldOut, (double) realFlagged / heldOut,
            heldOut, sample -> score(model, sample) >= 0.5);
    }

    private static java.util.logging.Logger quietSgdLogger() {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(
            "org.tribuo.common.sgd.AbstractSGDTrainer");
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    /** Whether both sides hold enough samples for a fit. */
    public static boolean fits(List<?> real, List<?> synthetic) {
        return Math.min(real.size(), synthetic.size()) >= MIN_PER_SIDE;
    }

    private Trainer<Label> trainer(long seed) {
        // A new trainer per fit: a Tribuo trainer advances its own stream with every call.
        LinearSGDTrainer sgd = new LinearSGDTrainer(new LogMulticlass(),
            new AdaGrad(LEARNING_RATE), EPOCHS, -1, 1, seed);
        if (!features.standardise()) {
            return sgd;
        }
        TransformationMap standardise = new TransformationMap(
            List.of(new MeanStdDevTransformation()));
        return new TransformTrainer<>(sgd, standardise);
    }

    private Example<Label> example(X sample, Label label) {
        Map<String, Double> named = features.of(sample);
        String[] names = new String[named.size()];
        double[] values = new double[named.size()];
        int i = 0;
        for (Map.Entry<String, Double> feature : named.entrySet()) {
            names[i] = feature.getKey();
            values[i] = feature.getValue();
            i++;
        }
        return new ArrayExample<>(label, names, values);
    }

    /** The model's probability that the sample is synthetic. */
    private double score(Model<Label> model, X sample) {
        Map<String, Label> scores = model.predict(example(sample, LabelFactory.UNKNOWN_LABEL))
            .getOutputScores();
        Label synthetic = scores.get(SYNTHETIC.getLabel());
        return synthetic == null ? 0 : synthetic.getScore();
    }

    /** The first {@code size} elements of a seeded permutation of the list. */
    private static <X> List<X> shuffled(List<X> samples, int size, SplittableRandom random) {
        int[] chosen = FinitePool.subset(samples.size(), size, random);
        List<X> out = new ArrayList<>(size);
        for (int index : chosen) {
            out.add(samples.get(index));
        }
        return out;
    }
}
