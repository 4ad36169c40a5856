package org.collapselab.run;

import org.collapselab.data.RealData;
import org.collapselab.data.SampleFeatures;
import org.collapselab.data.Screen;
import org.collapselab.spec.ExperimentSpec;
import org.collapselab.spec.FilterSpec;

/** The provenance detector a spec's {@code filter:} block asks for. */
final class Detectors {

    private Detectors() {
    }

    /** The screen of the spec's filter, or null when the spec has none. */
    static <X> Screen<X> screen(ExperimentSpec spec, RealData<X> real) {
        FilterSpec filter = spec.filter();
        if (filter == null) {
            return null;
        }
        if (FilterSpec.WATERMARK.equals(filter.detector())) {
            return Screen.watermark(filter.psi(), filter.phi());
        }
        return Screen.classifier(real, features(spec), filter.detectorSamples());
    }

    /**
     * The classifier's features for the spec's sample type: the sample type follows from the data
     * source, which is how the runner chose the modality.
     */
    @SuppressWarnings("unchecked")
    static <X> SampleFeatures<X> features(ExperimentSpec spec) {
        boolean text = spec.data() != null && "text".equals(spec.data().source());
        return (SampleFeatures<X>) (text ? SampleFeatures.text() : SampleFeatures.numeric());
    }
}
