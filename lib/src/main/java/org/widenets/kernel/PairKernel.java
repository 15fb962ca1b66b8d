package org.widenets.kernel;

/**
 * The kernel state of a pair of inputs (x, x′) between two layers: the NNGP covariances
 * q11 = K(x,x), q12 = K(x,x′), q22 = K(x′,x′) and the NTK entries Θ11, Θ12, Θ22.
 *
 * <p>The diagonals are carried along because every nonlinearity needs them
 * (shared/papers/kernel-formulas.md §1). {@code same} marks x = x′, so that activations use their
 * exact diagonal formula instead of the singular off-diagonal one.
 */
public record PairKernel(double q11, double q12, double q22,
                         double ntk11, double ntk12, double ntk22, boolean same) {

    public PairKernel {
        Checks.covariance(q11, q12, q22);
        Checks.variance("ntk11", ntk11);
        Checks.variance("ntk22", ntk22);
        Checks.finite("ntk12", ntk12);
    }

    /**
     * The state before the first layer for inputs x and x′ under the given input convention; the NTK
     * is zero because no parameter has been met yet. The dot products are chains of fused multiply–adds
     * in order of k, rounded exactly as {@link Network#matrices} rounds them ({@link InputGram}), so that
     * both paths start from the same state bit for bit.
     */
    public static PairKernel ofInputs(double[] x, double[] xPrime, InputScaling scaling) {
        if (x.length != xPrime.length) {
            throw new IllegalArgumentException("x has dimension " + x.length + " but x′ has " + xPrime.length);
        }
        Checks.finite("x", x);
        Checks.finite("x′", xPrime);
        double s11 = 0, s12 = 0, s22 = 0;
        for (int k = 0; k < x.length; k++) {
            s11 = Math.fma(x[k], x[k], s11);
            s12 = Math.fma(x[k], xPrime[k], s12);
            s22 = Math.fma(xPrime[k], xPrime[k], s22);
        }
        double f = scaling.factor(x.length);
        boolean same = x == xPrime || java.util.Arrays.equals(x, xPrime);
        return new PairKernel(f * s11, same ? f * s11 : f * s12, f * s22, 0, 0, 0, same);
    }

    /** A state given by its covariances and a zero NTK (x ≠ x′ unless q12² = q11 q22 is declared). */
    public static PairKernel ofCovariance(double q11, double q12, double q22) {
        return new PairKernel(q11, q12, q22, 0, 0, 0, false);
    }

    /** Correlation ρ = q12/√(q11 q22); 1 for x = x′ or a zero input. */
    public double correlation() {
        double p = Math.sqrt(q11) * Math.sqrt(q22); // q11·q22 would overflow past 1e154
        if (same || p == 0) return 1.0;
        return Math.max(-1.0, Math.min(1.0, q12 / p));
    }

    /** Normalised NNGP q12/√(q11 q22). */
    public double normalisedNngp() {
        return correlation();
    }

    /** Normalised NTK Θ12/√(Θ11 Θ22); 1 where the NTK diagonal vanishes. */
    public double normalisedNtk() {
        double p = Math.sqrt(ntk11) * Math.sqrt(ntk22);
        return p == 0 ? 1.0 : ntk12 / p;
    }
}
