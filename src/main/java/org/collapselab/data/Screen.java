package org.collapselab.data;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.collapselab.model.GenerativeModel;

/**
 * A provenance detector that screens a training batch before a generation trains on it (the
 * {@code filter} policy, DESIGN.md section 4): every sample it flags as synthetic is removed,
 * whatever its true origin. Two detectors exist: a simulated watermark with fixed rates
 * ({@link #watermark}) and a classifier trained each generation ({@link #classifier}).
 *
 * @param <X> the sample type
 */
public interface Screen<X> {

    /**
     * Screens one batch.
     *
     * @param real the batch's real samples
     * @param synthetic the batch's samples from the previous generation
     * @param previous the previous generation's model (a trained detector learns from it)
     * @param random the cell's stream
     */
    Screening<X> screen(List<X> real, List<X> synthetic, GenerativeModel<X> previous,
                        RandomGenerator random);

    /**
     * What a screen kept, and the rates of the detector that screened.
     *
     * @param real the real samples kept
     * @param synthetic the synthetic samples kept
     * @param offeredReal real samples before screening
     * @param offeredSynthetic synthetic samples before screening
     * @param psi the detector's detection rate: given for a watermark, measured on held-out
     *     samples for a classifier
     * @param phi the detector's false-positive rate, likewise
     * @param <X> the sample type
     */
    record Screening<X>(List<X> real, List<X> synthetic, int offeredReal, int offeredSynthetic,
                        double psi, double phi) {

        /** Real samples removed. */
        public int removedReal() {
            return offeredReal - real.size();
        }

        /** Synthetic samples removed. */
        public int removedSynthetic() {
            return offeredSynthetic - synthetic.size();
        }

        /** This screening followed by another on a later batch of the same generation. */
        Screening<X> plus(Screening<X> later) {
            List<X> keptReal = new ArrayList<>(real);
            keptReal.addAll(later.real);
            List<X> keptSynthetic = new ArrayList<>(synthetic);
            keptSynthetic.addAll(later.synthetic);
            return new Screening<>(keptReal, keptSynthetic, offeredReal + later.offeredReal,
                offeredSynthetic + later.offeredSynthetic, later.psi, later.phi);
        }
    }

    /**
     * A simulated watermark: each synthetic sample is flagged, and removed, with probability psi,
     * each real sample with probability phi, independently. The removed counts are then
     * Binomial(synthetic, psi) and Binomial(real, phi).
     */
    static <X> Screen<X> watermark(double psi, double phi) {
        if (!(psi >= 0 && psi <= 1) || !(phi >= 0 && phi <= 1)) {
            throw new IllegalArgumentException("a watermark needs rates in [0, 1], found psi "
                + psi + " and phi " + phi);
        }
        return (real, synthetic, previous, random) -> new Screening<>(
            keep(real, phi, random), keep(synthetic, psi, random), real.size(), synthetic.size(),
            psi, phi);
    }

    /**
     * A trained detector: each generation, a {@link RealSyntheticClassifier} learns to tell
     * {@code size} fresh real training samples from {@code size} samples of the previous model,
     * measures its psi and phi on held-out halves, and removes every sample of the batch it
     * scores synthetic. Its real samples come from the training pool, never the probe.
     *
     * @param realData where the detector's real samples come from
     * @param features how samples become features
     * @param size samples per side the detector learns from (half of them held out)
     */
    static <X> Screen<X> classifier(RealData<X> realData, SampleFeatures<X> features, int size) {
        RealSyntheticClassifier<X> classifier = new RealSyntheticClassifier<>(features);
        return (real, synthetic, previous, random) -> {
            List<X> known = realData.draw(size, random);
            List<X> made = previous.sample(size, random);
            RealSyntheticClassifier.Fit<X> fit = classifier.fit(known, made, random.nextLong());
            List<X> keptReal = real.stream().filter(x -> !fit.detector().flags(x)).toList();
            List<X> keptSynthetic = synthetic.stream().filter(x -> !fit.detector().flags(x))
                .toList();
            return new Screening<>(keptReal, keptSynthetic, real.size(), synthetic.size(),
                fit.psi(), fit.phi());
        };
    }

    private static <X> List<X> keep(List<X> samples, double removal, RandomGenerator random) {
        List<X> kept = new ArrayList<>(samples.size());
        for (X sample : samples) {
            if (!(random.nextDouble() < removal)) {
                kept.add(sample);
            }
        }
        return kept;
    }
}
