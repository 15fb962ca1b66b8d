package org.widenets.spectrum;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.hipparchus.stat.regression.OLSMultipleLinearRegression;

/**
 * A power-law fit μ_ℓ ≈ C·x^{−exponent}, x = ℓ + (d−2)/2, on one parity of a Mercer spectrum
 * (shared/papers/rkhs-smoothness.md §3.4).
 *
 * <p>x = ℓ + (d−2)/2 is the natural variable: ℓ(ℓ+d−2) = x² − const, and the Legendre coefficients of an
 * endpoint singularity (1 − t)^β are then C·x^{−p}(1 + c₁/x² + c₂/x⁴ + …) with no odd powers (on S² they
 * are Γ(x − β − ½)/Γ(x + β + 3/2) exactly). Two models:
 * <ul>
 *   <li>{@link Model#POWER}: least squares of log|μ_ℓ| on log x, the note's fit;</li>
 *   <li>{@link Model#CORRECTED} (default): log|μ_ℓ| on log x and 1/x², which removes the leading
 *       pre-asymptotic correction. With it, rectified monomials of degree k ≤ 3 at L = 2 read d + 2k within
 *       0.02 from ℓ = 16 on, where the plain fit is off by up to 0.2 (k = 3, d = 4) because their spectra
 *       reach the floor by ℓ ≈ 30.</li>
 * </ul>
 * Even and odd ℓ are fitted separately, and the window [from, to] is cut at the first degree of the
 * parity that is not resolved, so no round-off enters.
 *
 * @param parity        which degrees
 * @param model         which model
 * @param status        {@code FITTED}; {@code ZERO} when every μ_ℓ of the parity in the window is zero to
 *                      double precision (exact zeros, e.g. bias-free two-layer ReLU at odd ℓ); {@code FLOOR}
 *                      when too few resolved values precede the floor (decay faster than any power fits,
 *                      e.g. GELU)
 * @param exponent      fitted decay exponent p (NaN unless fitted)
 * @param standardError standard error of p from the regression
 * @param rmsResidual   root-mean-square residual of log μ_ℓ: the fit quality (≈ 0 for a clean power law)
 * @param from          first degree used
 * @param to            last degree used
 * @param points        number of degrees used
 */
public record DecayFit(Parity parity, Model model, Status status, double exponent, double standardError,
                       double rmsResidual, int from, int to, int points) {

    /** Outcome of a fit. */
    public enum Status { FITTED, ZERO, FLOOR }

    /** Regression model. */
    public enum Model {
        /** log|μ| = a − p·log x. */
        POWER(4),
        /** log|μ| = a − p·log x + c/x². */
        CORRECTED(6);

        /** Fewest resolved degrees the model accepts. */
        public final int minPoints;

        Model(int minPoints) {
            this.minPoints = minPoints;
        }
    }

    /** Fits the degrees of one parity in [from, to] before the round-off floor with the corrected model. */
    public static DecayFit fit(MercerSpectrum s, Parity parity, int from, int to) {
        return fit(s, parity, from, to, Model.CORRECTED);
    }

    /** Fits the degrees of one parity in [from, to] that lie before the round-off floor. */
    public static DecayFit fit(MercerSpectrum s, Parity parity, int from, int to, Model model) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(parity, "parity");
        if (from < 1 || to > s.ellMax() || to - from < 2 * model.minPoints - 1) {
            throw new IllegalArgumentException("fit window [" + from + ", " + to + "] must satisfy 1 ≤ from, to ≤ ℓmax = "
                    + s.ellMax() + " and hold at least " + model.minPoints + " degrees of each parity");
        }
        double shift = (s.dimension() - 2) / 2.0;
        List<double[]> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        int first = -1, last = -1;
        boolean allZero = true;
        for (int l = from; l <= to; l++) {
            if (!parity.contains(l)) continue;
            MercerSpectrum.Status st = s.status(l);
            if (st != MercerSpectrum.Status.ZERO) allZero = false;
            if (st != MercerSpectrum.Status.RESOLVED) break;
            double v = l + shift;
            x.add(model == Model.POWER ? new double[] {Math.log(v)} : new double[] {Math.log(v), 1 / (v * v)});
            y.add(Math.log(Math.abs(s.raw(l))));
            if (first < 0) first = l;
            last = l;
        }
        int n = y.size();
        if (n < model.minPoints) {
            boolean zero = n == 0 && allZero && allZeroIn(s, parity, from, to);
            return new DecayFit(parity, model, zero ? Status.ZERO : Status.FLOOR, Double.NaN, Double.NaN, Double.NaN,
                    from, to, n);
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(y.stream().mapToDouble(Double::doubleValue).toArray(), x.toArray(new double[0][]));
        double[] beta = ols.estimateRegressionParameters(), se = ols.estimateRegressionParametersStandardErrors();
        double rss = 0;
        for (double r : ols.estimateResiduals()) rss += r * r;
        return new DecayFit(parity, model, Status.FITTED, -beta[1], se[1], Math.sqrt(rss / n), first, last, n);
    }

    private static boolean allZeroIn(MercerSpectrum s, Parity parity, int from, int to) {
        for (int l = from; l <= to; l++) {
            if (parity.contains(l) && s.status(l) != MercerSpectrum.Status.ZERO) return false;
        }
        return true;
    }

    public boolean fitted() {
        return status == Status.FITTED;
    }

    @Override
    public String toString() {
        String p = parity.name().toLowerCase(Locale.ROOT);
        switch (status) {
            case FITTED:
                return String.format(Locale.ROOT, "%s ℓ: exponent %.3f ± %.3f (ℓ %d..%d, %d points, %s fit, rms residual %.1e)",
                        p, exponent, standardError, from, to, points, model.name().toLowerCase(Locale.ROOT), rmsResidual);
            case ZERO:
                return String.format(Locale.ROOT, "%s ℓ: zero to double precision on %d..%d (exact zeros)", p, from, to);
            default:
                return String.format(Locale.ROOT, "%s ℓ: only %d resolved values before the round-off floor in %d..%d"
                        + " (faster than any power fits)", p, points, from, to);
        }
    }
}
