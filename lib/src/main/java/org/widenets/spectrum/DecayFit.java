package org.widenets.spectrum;

import java.util.Locale;
import org.hipparchus.stat.regression.SimpleRegression;

/**
 * A power-law fit μ_ℓ ≈ C·(ℓ + (d−2)/2)^{−exponent} on one parity of a Mercer spectrum
 * (shared/papers/rkhs-smoothness.md §3.4).
 *
 * <p>Least squares of log|μ_ℓ| on log(ℓ + (d−2)/2): ℓ(ℓ+d−2) = (ℓ+(d−2)/2)² − const is the natural
 * variable, and with the shift the local slopes are within 0.003 of their limit by ℓ = 40 (plain log ℓ
 * reads 0.05–0.2 too small for d = 3, 4). The window [from, to] is cut at the first degree of the parity
 * that is not resolved, so no round-off enters the fit.
 *
 * @param status        {@code FITTED}; {@code ZERO} when every μ_ℓ of the parity in the window is zero to
 *                      double precision (exact zeros, e.g. bias-free two-layer ReLU at odd ℓ); {@code FLOOR}
 *                      when fewer than {@value #MIN_POINTS} resolved values precede the floor (decay faster
 *                      than any power fits, e.g. GELU)
 * @param exponent      fitted decay exponent (NaN unless fitted)
 * @param standardError standard error of the slope from the regression
 * @param rmsResidual   root-mean-square residual of log μ_ℓ: the fit quality (≈ 0 for a clean power law)
 * @param from          first degree used
 * @param to            last degree used
 * @param points        number of degrees used
 */
public record DecayFit(Parity parity, Status status, double exponent, double standardError, double rmsResidual,
                       int from, int to, int points) {

    /** Outcome of a fit. */
    public enum Status { FITTED, ZERO, FLOOR }

    /** Fewest resolved degrees a fit accepts. */
    public static final int MIN_POINTS = 4;

    /** Fits the degrees of one parity in [from, to] that lie before the round-off floor. */
    public static DecayFit fit(MercerSpectrum s, Parity parity, int from, int to) {
        if (from < 1 || to > s.ellMax() || to - from < 2 * MIN_POINTS - 1) {
            throw new IllegalArgumentException("fit window [" + from + ", " + to + "] must satisfy 1 ≤ from, to ≤ ℓmax = "
                    + s.ellMax() + " and hold at least " + MIN_POINTS + " degrees of each parity");
        }
        double shift = (s.dimension() - 2) / 2.0;
        SimpleRegression reg = new SimpleRegression();
        int first = -1, last = -1;
        boolean allZero = true;
        for (int l = from; l <= to; l++) {
            if (!parity.contains(l)) continue;
            MercerSpectrum.Status st = s.status(l);
            if (st != MercerSpectrum.Status.ZERO) allZero = false;
            if (st != MercerSpectrum.Status.RESOLVED) break;
            reg.addData(Math.log(l + shift), Math.log(Math.abs(s.raw(l))));
            if (first < 0) first = l;
            last = l;
        }
        int n = (int) reg.getN();
        if (n < MIN_POINTS) {
            boolean zero = allZero && n == 0 && allZeroFrom(s, parity, from, to);
            return new DecayFit(parity, zero ? Status.ZERO : Status.FLOOR, Double.NaN, Double.NaN, Double.NaN,
                    from, to, n);
        }
        double rss = reg.getSumSquaredErrors();
        return new DecayFit(parity, Status.FITTED, -reg.getSlope(), reg.getSlopeStdErr(), Math.sqrt(rss / n),
                first, last, n);
    }

    private static boolean allZeroFrom(MercerSpectrum s, Parity parity, int from, int to) {
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
                return String.format(Locale.ROOT, "%s ℓ: exponent %.3f ± %.3f (ℓ %d..%d, %d points, rms residual %.1e)",
                        p, exponent, standardError, from, to, points, rmsResidual);
            case ZERO:
                return String.format(Locale.ROOT, "%s ℓ: zero to double precision on %d..%d (exact zeros)", p, from, to);
            default:
                return String.format(Locale.ROOT, "%s ℓ: only %d resolved values before the round-off floor in %d..%d"
                        + " (faster than any power fits)", p, points, from, to);
        }
    }
}
