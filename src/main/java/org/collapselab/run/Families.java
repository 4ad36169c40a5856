package org.collapselab.run;

import java.util.Locale;
import org.collapselab.model.GaussianFamily;
import org.collapselab.model.GmmFamily;
import org.collapselab.model.GmmOptions;
import org.collapselab.model.KdeFamily;
import org.collapselab.model.KdeOptions;
import org.collapselab.model.LinearRegressionFamily;
import org.collapselab.model.ModelFamily;
import org.collapselab.model.VaeFamily;
import org.collapselab.model.VaeOptions;
import org.collapselab.spec.ModelSpec;

/** Builds the model family a cell names, with the spec's options. */
final class Families {

    private Families() {
    }

    static ModelFamily<double[]> create(Cell cell, ModelSpec options) {
        String name = cell.parameter("family");
        return switch (name) {
            case "gaussian" -> new GaussianFamily(options.unbiased(), options.ridge(),
                options.momentSampling());
            case "gmm" -> new GmmFamily(new GmmOptions(
                Integer.parseInt(cell.parameter("components")),
                GmmOptions.Covariance.valueOf(options.covariance().toUpperCase(Locale.ROOT)),
                options.maxIterations(), options.tolerance(), options.restarts(),
                options.regularization()));
            case "kde" -> new KdeFamily(kde(options.bandwidth()));
            case "linear-regression" -> new LinearRegressionFamily(options.noiseVariance());
            case VaeFamily.NAME -> new VaeFamily(VaeOptions.of(options.hidden(), options.latent(),
                options.epochs(), options.batch(), options.learningRate()));
            default -> throw new IllegalArgumentException("no family " + name);
        };
    }

    private static KdeOptions kde(String bandwidth) {
        return switch (bandwidth) {
            case "scott" -> KdeOptions.scott();
            case "silverman" -> KdeOptions.silverman();
            default -> KdeOptions.fixed(Double.parseDouble(bandwidth));
        };
    }
}
