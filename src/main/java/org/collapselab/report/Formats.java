package org.collapselab.report;

import java.util.Locale;

/** Number formats shared by the report and the plot legends. */
final class Formats {

    private Formats() {
    }

    /**
     * A number to 4 significant digits ({@code %.4g} in the root locale: 0.01235, 1.000,
     * 1.235e+05); empty for NaN, which marks a value that does not apply.
     */
    static String number(double x) {
        if (Double.isNaN(x)) {
            return "";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        return x == 0 ? "0" : String.format(Locale.ROOT, "%.4g", x);
    }

    /** A count or index written as a number in a file: integral values without a fraction. */
    static String count(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return number(x);
    }
}
