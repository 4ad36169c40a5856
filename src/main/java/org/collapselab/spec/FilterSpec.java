package org.collapselab.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code filter:} block: a provenance detector screens every training batch of generation 1
 * onwards, under whichever policy the cell runs, and removes the samples it flags as synthetic
 * (DESIGN.md section 4). Generation 0 trains on real data only and is not screened.
 *
 * @param detector {@code watermark} (simulated, fixed rates) or {@code classifier} (a logistic
 *     regression of real versus synthetic samples, retrained every generation; default watermark)
 * @param psi watermark: the probability that a synthetic sample is flagged (default 0.9)
 * @param phi watermark: the probability that a real sample is flagged (default 0.05)
 * @param detectorSamples classifier: real and synthetic samples per side it learns from each
 *     generation, half of them held out to measure its psi and phi (default 200)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FilterSpec(String detector, Double psi, Double phi, Integer detectorSamples) {

    /** The detector names. */
    public static final String WATERMARK = "watermark";
    public static final String CLASSIFIER = "classifier";

    /** The detectors {@code filter.detector} can name, each with one line on what it does. */
    public static Map<String, String> detectors() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(WATERMARK, "simulated: flags each synthetic sample with probability psi, each "
            + "real one with phi (filter.psi, filter.phi); flagged samples are removed");
        out.put(CLASSIFIER, "trained each generation: a logistic regression of detector_samples "
            + "real against as many model samples; its held-out rates are psi and phi, and it "
            + "removes what it scores synthetic");
        return out;
    }

    /** This block with every default of its detector filled in. */
    FilterSpec resolved() {
        String name = detector == null ? WATERMARK : detector;
        boolean watermark = WATERMARK.equals(name);
        return new FilterSpec(name,
            watermark && psi == null ? Double.valueOf(0.9) : psi,
            watermark && phi == null ? Double.valueOf(0.05) : phi,
            CLASSIFIER.equals(name) && detectorSamples == null ? Integer.valueOf(200)
                : detectorSamples);
    }
}
