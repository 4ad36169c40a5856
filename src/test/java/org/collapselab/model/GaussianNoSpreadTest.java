package org.collapselab.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Training samples that are all one point have a zero covariance, which no relative ridge
 * (a share of tr(Sigma) / d = 0) can repair: the error says so instead of advising a ridge.
 */
class GaussianNoSpreadTest {

    private static final List<double[]> SAME = List.of(new double[] {5, 5},
        new double[] {5, 5}, new double[] {5, 5});

    @Test
    void identicalSamplesSayTheDataHaveNoSpreadWhateverTheRidge() {
        for (double ridge : new double[] {0, GaussianFamily.DEFAULT_RIDGE, 0.1}) {
            GaussianFamily family = new GaussianFamily(false, ridge);
            ModelFitException error = assertThrows(ModelFitException.class,
                () -> family.fit(TrainingSet.of(SAME), new SplittableRandom(1)));
            assertTrue(error.getMessage().contains("no spread at all"), error::getMessage);
            assertFalse(error.getMessage().contains("set model.ridge > 0"), error::getMessage);
        }
    }
}
