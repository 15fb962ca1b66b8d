package org.widenets.fixedpoint;

/**
 * What happens to the correlation of two inputs deep in a network (shared/papers/elu-gelu-kernels.md
 * §4.1–4.3).
 */
public enum CorrelationRegime {
    /** ρ = 1 attracts: every pair becomes perfectly correlated, the deep kernel degenerates to a constant. */
    RHO_ONE_ATTRACTS("ρ = 1 attracts"),
    /** ρ = 1 repels (χ₁ &gt; 1): correlations settle at a fixed point ρ* &lt; 1 (or keep moving), inputs stay apart. */
    RHO_ONE_REPELS("ρ = 1 repels"),
    /**
     * The correlation map at the variance reached is the identity (q → 0 with φ linear near 0, or a linear φ):
     * correlations stop changing and stay input-dependent.
     */
    FROZEN("frozen (C ≈ identity)");

    private final String label;

    CorrelationRegime(String label) {
        this.label = label;
    }

    /** Legend label. */
    public String label() {
        return label;
    }
}
