package org.widenets.kernel;

/**
 * The residual-branch multiplier α as a function of the number of blocks L: α(L) = a·L^(−γ).
 *
 * <p>γ = 0 is a fixed multiplier, γ = 1/2 keeps α²L = a² bounded (the "proper initialisation" under
 * which deep and wide ResNets stay near their limiting kernel), γ = 1 makes the branches vanish
 * (Littwin, Galanti &amp; Wolf, "On Random Kernels of Residual Architectures", arXiv 2001.10460;
 * shared/papers/residual-kernels.md §1, §5).
 *
 * @param coefficient   a ≥ 0
 * @param depthExponent γ ≥ 0
 */
public record BranchScale(double coefficient, double depthExponent) {

    public BranchScale {
        Checks.variance("branch multiplier α", coefficient);
        Checks.variance("depth exponent γ", depthExponent);
    }

    /** α fixed, independent of depth. */
    public static BranchScale constant(double alpha) {
        return new BranchScale(alpha, 0);
    }

    /** α = 1. */
    public static BranchScale one() {
        return new BranchScale(1, 0);
    }

    /** α = 1/√L. */
    public static BranchScale inverseSqrtDepth() {
        return new BranchScale(1, 0.5);
    }

    /** α = 1/L. */
    public static BranchScale inverseDepth() {
        return new BranchScale(1, 1);
    }

    /** α(L) = a·L^(−γ) for L ≥ 1 blocks. */
    public double alpha(int depth) {
        Checks.atLeast("depth", depth, 1);
        return depthExponent == 0 ? coefficient : coefficient * Math.pow(depth, -depthExponent);
    }

    @Override
    public String toString() {
        String a = coefficient == 1 ? "" : number(coefficient) + "·";
        if (depthExponent == 0) return "α = " + number(coefficient);
        if (depthExponent == 0.5) return "α = " + (a.isEmpty() ? "1/√L" : a + "L^(-1/2)");
        if (depthExponent == 1) return "α = " + (a.isEmpty() ? "1/L" : a + "L^(-1)");
        return "α = " + a + "L^(-" + number(depthExponent) + ")";
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
