package org.widenets.scaling;

import org.widenets.kernel.Checks;

/**
 * Where a point (q_σ, q̃) of the symmetric scaling plane lies (shared/papers/width-scalings.md §3):
 * <pre>
 *   p0 = q_σ + 1/2,   κ = 1 + 2q_σ + q̃,   δ = q_σ + q̃,
 *   stable band −1/2 ≤ δ ≤ 0,
 *   δ = 0:      q_σ &lt; −1 post-MF | = −1 MF | (−1, −1/2) sym-default–MF | = −1/2 sym-default | &gt; −1/2 pre-sym-default
 *   −1/2 &lt; δ &lt; 0: κ &lt; 0 post-MF–NTK | κ = 0 MF–NTK | κ &gt; 0, p0 &lt; 0 triangle | p0 = 0 NTK–sym-default | p0 &gt; 0 pre-NTK–sym-default
 *   δ = −1/2:   q_σ &lt; −1/2 post-NTK | = −1/2 NTK | &gt; −1/2 pre-NTK
 * </pre>
 * "= " means within {@link #TOLERANCE}, so that points given as decimals (e.g. −0.75 + 0.25) land on
 * their lines.
 */
public record Classification(double qSigma, double qTilde, Exponents exponents, LimitModel model) {

    /** Absolute tolerance for lying on a line of the plane. */
    public static final double TOLERANCE = 1e-9;

    /** Classifies (q_σ, q̃). */
    public static Classification of(double qSigma, double qTilde) {
        Checks.finite("qSigma", qSigma);
        Checks.finite("qTilde", qTilde);
        double p0 = qSigma + 0.5;
        double kappa = 1 + 2 * qSigma + qTilde;
        double delta = qSigma + qTilde;
        return new Classification(qSigma, qTilde, new Exponents(p0, kappa, delta), model(qSigma, p0, kappa, delta));
    }

    private static LimitModel model(double qSigma, double p0, double kappa, double delta) {
        if (delta > TOLERANCE) return LimitModel.DIVERGES;
        if (delta < -0.5 - TOLERANCE) return LimitModel.STAGNATES;
        int side = compare(qSigma, -1); // only used on δ = 0
        int half = compare(qSigma, -0.5);
        if (compare(delta, 0) == 0) {
            if (side < 0) return LimitModel.POST_MF;
            if (side == 0) return LimitModel.MF;
            if (half < 0) return LimitModel.SYM_DEFAULT_MF;
            if (half == 0) return LimitModel.SYM_DEFAULT;
            return LimitModel.PRE_SYM_DEFAULT;
        }
        if (compare(delta, -0.5) == 0) {
            if (half < 0) return LimitModel.POST_NTK;
            if (half == 0) return LimitModel.NTK;
            return LimitModel.PRE_NTK;
        }
        int k = compare(kappa, 0);
        int p = compare(p0, 0);
        if (k < 0) return LimitModel.POST_MF_NTK;
        if (k == 0) return LimitModel.MF_NTK;
        if (p < 0) return LimitModel.TRIANGLE;
        if (p == 0) return LimitModel.NTK_SYM_DEFAULT;
        return LimitModel.PRE_NTK_SYM_DEFAULT;
    }

    private static int compare(double v, double line) {
        if (v > line + TOLERANCE) return 1;
        if (v < line - TOLERANCE) return -1;
        return 0;
    }

    /** True inside the dynamically stable band. */
    public boolean stable() {
        return model.stable();
    }

    @Override
    public String toString() {
        return String.format("(q_σ, q̃) = (%.4g, %.4g): %s; %s", qSigma, qTilde, exponents, model);
    }
}
