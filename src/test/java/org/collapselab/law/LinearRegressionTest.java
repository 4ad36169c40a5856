package org.collapselab.law;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class LinearRegressionTest {

    /** statsmodels and this class differ only by rounding: 2e-15 seen, 1e-8 demanded. */
    private static final double RELATIVE = 1e-8;

    private static final HacFixture FIXTURE = HacFixture.load();

    @Test
    void exactLineIsRecoveredWithUnitRSquared() {
        double[][] x = new double[10][];
        double[] y = new double[10];
        for (int i = 0; i < 10; i++) {
            x[i] = new double[] {i};
            y[i] = 3 - 2 * i;
        }
        LinearRegression fit = LinearRegression.fit(x, y, true);
        assertArrayEquals(new double[] {3, -2}, fit.coefficients(), 1e-12);
        assertEquals(1.0, fit.rSquared(), 1e-14);
        assertArrayEquals(new double[] {0, 0}, fit.classicalStandardErrors(), 1e-12);
    }

    @Test
    void exactPlaneThroughTheOriginIsRecoveredWithoutIntercept() {
        double[][] x = {{1, 0}, {0, 1}, {1, 1}, {2, -1}, {3, 5}};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 0.5 * x[i][0] - 4 * x[i][1];
        }
        LinearRegression fit = LinearRegression.fit(x, y, false);
        assertArrayEquals(new double[] {0.5, -4}, fit.coefficients(), 1e-12);
        assertEquals(1.0, fit.rSquared(), 1e-14);
    }

    @Test
    void coefficientsRSquaredAndClassicalErrorsMatchTheReference() {
        LinearRegression with = LinearRegression.fit(FIXTURE.twoRegressors(), FIXTURE.y(), true);
        assertRelative(FIXTURE.expected("with_intercept", "coefficients"), with.coefficients());
        assertRelative(FIXTURE.expected("with_intercept", "r_squared"),
            new double[] {with.rSquared()});
        assertRelative(FIXTURE.expected("with_intercept", "rss"),
            new double[] {with.residualSumOfSquares()});
        assertRelative(FIXTURE.expected("with_intercept", "se_classical"),
            with.classicalStandardErrors());
    }

    @Test
    void withoutInterceptRSquaredIsUncentredAsInTheReference() {
        LinearRegression without = LinearRegression.fit(FIXTURE.oneRegressor(), FIXTURE.y(), false);
        assertRelative(FIXTURE.expected("without_intercept", "coefficients"),
            without.coefficients());
        assertRelative(FIXTURE.expected("without_intercept", "r_squared"),
            new double[] {without.rSquared()});
        assertRelative(FIXTURE.expected("without_intercept", "se_classical"),
            without.classicalStandardErrors());
    }

    @Test
    void neweyWestOverOneSeriesMatchesTheReferenceAtEveryLag() {
        for (String fit : List.of("with_intercept", "without_intercept")) {
            LinearRegression regression = fixtureFit(fit);
            for (int lag : new int[] {0, 3, 5}) {
                assertRelative(FIXTURE.expected(fit, "se_hac_series_lag" + lag),
                    regression.neweyWestStandardErrors(lag));
            }
        }
    }

    @Test
    void neweyWestInsideClustersMatchesTheReferencePanelEstimator() {
        for (String fit : List.of("with_intercept", "without_intercept")) {
            LinearRegression regression = fixtureFit(fit);
            for (int lag : new int[] {0, 3, 5}) {
                assertRelative(FIXTURE.expected(fit, "se_hac_panel_lag" + lag),
                    regression.neweyWestStandardErrors(lag, FIXTURE.panel()));
            }
        }
    }

    @Test
    void clusterErrorsMatchTheReferenceCr0() {
        for (String fit : List.of("with_intercept", "without_intercept")) {
            assertRelative(FIXTURE.expected(fit, "se_cluster_cr0"),
                fixtureFit(fit).clusterStandardErrors(FIXTURE.panel()));
        }
    }

    @Test
    void panelErrorsDoNotDependOnTheOrderOfTheRows() {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < FIXTURE.y().length; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(7));
        double[][] x = FIXTURE.twoRegressors();
        double[][] shuffledX = new double[x.length][];
        double[] shuffledY = new double[x.length];
        int[] shuffledTimes = new int[x.length];
        List<String> shuffledClusters = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            int from = order.get(i);
            shuffledX[i] = x[from];
            shuffledY[i] = FIXTURE.y()[from];
            shuffledTimes[i] = FIXTURE.times()[from];
            shuffledClusters.add(FIXTURE.clusters().get(from));
        }
        LinearRegression shuffled = LinearRegression.fit(shuffledX, shuffledY, true);
        Panel panel = Panel.of(shuffledClusters, shuffledTimes);
        assertRelative(FIXTURE.expected("with_intercept", "se_hac_panel_lag3"),
            shuffled.neweyWestStandardErrors(3, panel));
        assertRelative(FIXTURE.expected("with_intercept", "se_cluster_cr0"),
            shuffled.clusterStandardErrors(panel));
    }

    @Test
    void aSingleClusterPanelIsTheOrdinaryNeweyWestEstimator() {
        LinearRegression regression = fixtureFit("with_intercept");
        int[] positions = new int[FIXTURE.y().length];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = i;
        }
        Panel one = Panel.of(Collections.nCopies(positions.length, "all"), positions);
        assertArrayEquals(regression.neweyWestStandardErrors(4),
            regression.neweyWestStandardErrors(4, one), 0);
    }

    @Test
    void defaultLagFollowsTheFourTimesNOver100ToTheTwoNinthsRule() {
        // 4 (1/100)^(2/9) = 1.44, 4 (60/100)^(2/9) = 3.57, 4 (100/100)^(2/9) = 4,
        // 4 (1000/100)^(2/9) = 6.67.
        assertEquals(3, LinearRegression.defaultLag(60));
        assertEquals(4, LinearRegression.defaultLag(100));
        assertEquals(6, LinearRegression.defaultLag(1000));
        assertEquals(1, LinearRegression.defaultLag(1));
    }

    @Test
    void aRegressorWithOneValueBesideTheInterceptIsRejected() {
        double[][] x = {{2}, {2}, {2}, {2}};
        double[] y = {1, 2, 3, 4};
        DegenerateDesignException e = assertThrows(DegenerateDesignException.class,
            () -> LinearRegression.fit(x, y, true));
        assertTrue(e.getMessage().contains("regressor 0"), e.getMessage());
    }

    @Test
    void anAllZeroRegressorWithoutInterceptIsRejected() {
        double[][] x = {{0, 1}, {0, 2}, {0, 3}};
        assertThrows(DegenerateDesignException.class,
            () -> LinearRegression.fit(x, new double[] {1, 2, 3}, false));
    }

    @Test
    void fewerObservationsThanParametersIsRejected() {
        double[][] x = {{1, 2}, {3, 5}};
        assertThrows(DegenerateDesignException.class,
            () -> LinearRegression.fit(x, new double[] {1, 2}, true));
    }

    @Test
    void classicalErrorsNeedAResidualDegreeOfFreedom() {
        LinearRegression exact = LinearRegression.fit(new double[][] {{0}, {1}},
            new double[] {1, 3}, true);
        assertArrayEquals(new double[] {1, 2}, exact.coefficients(), 1e-12);
        assertThrows(DegenerateDesignException.class, exact::classicalStandardErrors);
    }

    @Test
    void aNonFiniteValueIsRejectedWithItsPosition() {
        double[][] x = {{0}, {1}, {Double.NaN}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> LinearRegression.fit(x, new double[] {1, 2, 3}, true));
        assertTrue(e.getMessage().contains("row 2"), e.getMessage());
    }

    @Test
    void twoObservationsAtOneTimeInOneClusterAreRejected() {
        assertThrows(IllegalArgumentException.class,
            () -> Panel.of(List.of("a", "b", "a"), new int[] {0, 0, 0}));
    }

    private static LinearRegression fixtureFit(String fit) {
        return fit.equals("with_intercept")
            ? LinearRegression.fit(FIXTURE.twoRegressors(), FIXTURE.y(), true)
            : LinearRegression.fit(FIXTURE.oneRegressor(), FIXTURE.y(), false);
    }

    private static void assertRelative(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length, "length");
        for (int i = 0; i < expected.length; i++) {
            double scale = Math.max(Math.abs(expected[i]), Double.MIN_NORMAL);
            assertEquals(expected[i], actual[i], RELATIVE * scale, "entry " + i);
        }
    }
}
