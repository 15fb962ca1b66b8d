package org.widenets.spectrum;

import java.util.Locale;
import org.hipparchus.stat.regression.SimpleRegression;

/**
 * Least-squares line through (log x, log y): y ≈ C·x^slope.
 *
 * @param slope         fitted slope
 * @param standardError standard error of the slope
 * @param rmsResidual   root-mean-square residual of log y (fit quality)
 * @param xMin          smallest x used
 * @param xMax          largest x used
 * @param points        number of points
 */
public record LogLogFit(double slope, double standardError, double rmsResidual, double xMin, double xMax, int points) {

    /** Fits log y on log x; every x and y must be positive. */
    public static LogLogFit of(double[] x, double[] y) {
        if (x.length != y.length || x.length < 3) {
            throw new IllegalArgumentException("need at least 3 pairs of equal length, got " + x.length + " x and " + y.length + " y");
        }
        SimpleRegression reg = new SimpleRegression();
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] > 0) || !(y[i] > 0)) {
                throw new IllegalArgumentException("log-log fit needs x > 0 and y > 0, got x[" + i + "] = " + x[i]
                        + ", y[" + i + "] = " + y[i]);
            }
            reg.addData(Math.log(x[i]), Math.log(y[i]));
            lo = Math.min(lo, x[i]);
            hi = Math.max(hi, x[i]);
        }
        return new LogLogFit(reg.getSlope(), reg.getSlopeStdErr(), Math.sqrt(reg.getSumSquaredErrors() / x.length),
                lo, hi, x.length);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "slope %.3f ± %.3f on [%.2g, %.2g] (%d points, rms residual %.1e)",
                slope, standardError, xMin, xMax, points, rmsResidual);
    }
}
