package org.widenets.nn;

/**
 * The logistic loss of a logit f for a label ỹ = ±1 (binary cross-entropy with logits):
 * <pre>
 *   ℓ(ỹ, f)  = log(1 + e^{−ỹf})
 *   ℓ′(ỹ, f) = ∂ℓ/∂f = −ỹ / (1 + e^{ỹf})
 * </pre>
 * Written as softplus so that it neither overflows nor loses digits for large |f|.
 */
public final class LogisticLoss {

    private LogisticLoss() {
    }

    /** ℓ(ỹ, f) = log(1 + e^{−ỹf}). */
    public static double loss(double y, double f) {
        double m = -y * f;
        return Math.max(m, 0) + Math.log1p(Math.exp(-Math.abs(m)));
    }

    /** ℓ′(ỹ, f) = −ỹ·σ(−ỹf). */
    public static double derivative(double y, double f) {
        double m = y * f;
        // σ(−m) evaluated on the side where exp cannot overflow.
        double s = m >= 0 ? Math.exp(-m) / (1 + Math.exp(-m)) : 1 / (1 + Math.exp(m));
        return -y * s;
    }
}
