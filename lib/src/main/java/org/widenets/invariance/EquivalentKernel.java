package org.widenets.invariance;

import java.util.Objects;
import org.widenets.kernel.AbRelu;
import org.widenets.kernel.Checks;
import org.widenets.kernel.Dense;
import org.widenets.kernel.InputScaling;
import org.widenets.kernel.Nonlinearity;
import org.widenets.kernel.PairKernel;
import org.widenets.nn.WeightDistribution;

/**
 * The equivalent kernel k(x, y) = E_w[φ(w·x) φ(w·y)] of one hidden layer with a positively
 * homogeneous activation φ = ABReLU(a, b) (ReLU, LeakyReLU) and rows w ∈ ℝⁿ from a rotation-invariant
 * law P (Tsuchida, Roosta &amp; Gallagher, ICML 2018; shared/papers/weight-invariance.md §2.1):
 * <pre>
 *   k(x, y) = T(σ²‖x‖², σ² x·y, σ²‖y‖²),   σ² = σ²_eff = E‖w‖²/n,
 *   ReLU:      k = σ²‖x‖‖y‖ (sin θ + (π − θ) cos θ)/(2π)
 *   LeakyReLU: k = σ²‖x‖‖y‖ [ (1−a)²(sin θ + (π − θ) cos θ) + 2πa cos θ ]/(2π)
 * </pre>
 * where T is {@link AbRelu#t} (the arc-cosine kernel, not re-derived here). It holds exactly at every
 * width n, not only as n → ∞: writing w = r·u with u uniform on the sphere independent of r = ‖w‖,
 * φ(r u·x) = r φ(u·x), so the radial law enters only through E r². Hence the kernel exists iff
 * E‖w‖² &lt; ∞ (multivariate t needs ν &gt; 2).
 *
 * <p><b>Bias.</b> A bias drawn jointly with w is a row w̃ = (w, b) ∈ ℝ^{n+1} from the same law in
 * dimension n + 1; its kernel is this one with row dimension n + 1 evaluated at the augmented inputs
 * {@link #augment x̃ = (x, c)}. An independently drawn non-Gaussian bias breaks the formula
 * ({@link org.widenets.nn.IndependentBias}).
 *
 * <p>This class sits beside {@link AngleMap} in {@code invariance} rather than in {@code kernel}
 * because it is a statement about weight laws; the kernel formula itself lives only in {@code AbRelu}.
 *
 * @param activation        φ = ABReLU(a, b), positively homogeneous of degree one
 * @param effectiveVariance σ²_eff = E‖w‖²/n ≥ 0
 * @param rowDimension      n, the dimension of the rows and of the inputs
 */
public record EquivalentKernel(AbRelu activation, double effectiveVariance, int rowDimension) {

    public EquivalentKernel {
        Objects.requireNonNull(activation, "activation");
        Checks.variance("effectiveVariance", effectiveVariance);
        Checks.atLeast("rowDimension n", rowDimension, 1);
    }

    /**
     * The exact kernel of a rotation-invariant law with rows in ℝⁿ. Refuses laws that are not
     * rotation invariant (their kernel depends on more than E‖w‖²; see {@link #gaussianLimit}) and laws
     * without a second moment.
     */
    public static EquivalentKernel of(AbRelu activation, WeightDistribution law, int rowDimension) {
        Objects.requireNonNull(law, "law");
        if (!law.rotationInvariant()) {
            throw new IllegalArgumentException("law " + law.name()
                    + " is not rotation invariant: its kernel is not E‖w‖²/n times the arc-cosine kernel"
                    + " (use gaussianLimit for its n → ∞ limit)");
        }
        return gaussianLimit(activation, law, rowDimension);
    }

    /**
     * The Gaussian kernel with the law's per-coordinate variance E‖w‖²/n. Equal to {@link #of} for
     * rotation-invariant laws; for i.i.d. coordinates (uniform, Rademacher) it is only the n → ∞ limit,
     * approached at rate O(n^{−1/2}) (weight-invariance.md §2.3).
     */
    public static EquivalentKernel gaussianLimit(AbRelu activation, WeightDistribution law, int rowDimension) {
        Objects.requireNonNull(law, "law");
        Checks.atLeast("rowDimension n", rowDimension, 1);
        return new EquivalentKernel(activation, law.expectedSquaredNorm(rowDimension) / rowDimension, rowDimension);
    }

    /** k(x, y); x and y have dimension n. x = y uses the exact diagonal σ²‖x‖²(a² + b²)/2. */
    public double value(double[] x, double[] y) {
        requireDimension("x", x);
        requireDimension("y", y);
        // The kernel engine's own path: a bias-free Dense(σ²_eff) layer on x·y, then the activation's maps
        // (exact diagonal for x = y). It validates finiteness and matching dimensions.
        PairKernel pre = Dense.of(effectiveVariance, 0).apply(PairKernel.ofInputs(x, y, InputScaling.SUM));
        return new Nonlinearity(activation).apply(pre).q12();
    }

    /** k for inputs of norms ‖x‖, ‖y‖ at angle θ ∈ [0, π] (the dimension does not enter). */
    public double value(double normX, double normY, double theta) {
        Checks.variance("normX", normX);
        Checks.variance("normY", normY);
        requireAngle(theta);
        double s = effectiveVariance;
        return activation.t(s * normX * normX, s * normX * normY * Math.cos(theta), s * normY * normY);
    }

    /**
     * The law-free angular factor k/(σ²_eff‖x‖‖y‖) = T(1, cos θ, 1): the curve that every rotation-invariant
     * law shares (figures W1, W2 of the note).
     */
    public static double angularFactor(AbRelu activation, double theta) {
        requireAngle(theta);
        return activation.t(1, Math.cos(theta), 1);
    }

    /** x̃ = (x, c): the input seen by a row (w, b) whose last coordinate is the bias, scaled by c. */
    public static double[] augment(double[] x, double biasScale) {
        Checks.finite("biasScale", biasScale);
        double[] out = java.util.Arrays.copyOf(x, x.length + 1);
        out[x.length] = biasScale;
        return out;
    }

    private void requireDimension(String name, double[] v) {
        if (v.length != rowDimension) {
            throw new IllegalArgumentException(name + " has dimension " + v.length + " but the rows have n = "
                    + rowDimension + " (augment the input for a bias)");
        }
    }

    static void requireAngle(double theta) {
        if (!(theta >= 0 && theta <= Math.PI)) {
            throw new IllegalArgumentException("angle θ must lie in [0, π], got " + theta);
        }
    }

    @Override
    public String toString() {
        return "EquivalentKernel[" + activation.name() + ", σ²_eff = E‖w‖²/n = " + effectiveVariance
                + ", n = " + rowDimension + "]";
    }
}
