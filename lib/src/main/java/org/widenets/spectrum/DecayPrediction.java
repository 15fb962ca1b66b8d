package org.widenets.spectrum;

import java.util.Objects;
import org.widenets.kernel.Checks;

/**
 * What Holzmüller &amp; Schölpple predict for an activation whose only non-smoothness is at 0
 * (shared/papers/rkhs-smoothness.md §1–2). k is the degree of non-smoothness: φ ∈ C^{k−1} near 0 with a
 * jump in φ^{(k)} (ReLU, LeakyReLU, SELU, ELU with α ≠ 1: k = 1; ELU with α = 1, ReLU²: k = 2; ReLU^p: p).
 * {@link #SMOOTH} stands for k = ∞ (GELU, erf, polynomials): no power law, exponent +∞.
 *
 * <p>Without bias, the even and odd parts of φ feed the even and odd degrees of a two-layer kernel
 * separately, so the activation is described by k_even and k_odd, the degrees of (φ(x) ± φ(−x))/2
 * (ReLU: 1 and ∞; SELU: 1 and 2; ELU(1): 3 and 2).
 *
 * @param kEven degree of non-smoothness of the even part of φ (≥ 0, or {@link #SMOOTH})
 * @param kOdd  degree of non-smoothness of the odd part of φ (≥ 0, or {@link #SMOOTH})
 */
public record DecayPrediction(int kEven, int kOdd) {

    /** k = ∞: the part is C^∞ (or a polynomial). */
    public static final int SMOOTH = Integer.MAX_VALUE;

    public DecayPrediction {
        Checks.atLeast("kEven", kEven, 0);
        Checks.atLeast("kOdd", kOdd, 0);
    }

    /** An activation of degree k whose even and odd parts are both of degree k (use the two-argument form otherwise). */
    public static DecayPrediction ofDegree(int k) {
        return new DecayPrediction(k, k);
    }

    /** k = min(k_even, k_odd): the degree of φ itself. */
    public int k() {
        return Math.min(kEven, kOdd);
    }

    /**
     * The exponent of μ_ℓ ≍ ℓ^{−exponent} with bias or from three layers on (§2.1, §2.3):
     * d + 2k (NNGP) or d + 2k − 2 (NTK), d the ambient dimension; +∞ for k = ∞.
     */
    public static double exponent(int d, int k, KernelType type) {
        SphericalHarmonics.checkDimension(d);
        Checks.atLeast("k", k, 0);
        Objects.requireNonNull(type, "type");
        if (k == SMOOTH) return Double.POSITIVE_INFINITY;
        if (type == KernelType.NTK && k == 0) {
            throw new IllegalArgumentException("k = 0 (a jump in φ, e.g. the step function) has no NTK: φ′ is a delta");
        }
        return type == KernelType.NNGP ? d + 2.0 * k : d + 2.0 * k - 2;
    }

    /**
     * The exponent for the degrees of one parity of a network with L affine layers (L = 2: one hidden
     * layer): with bias or L ≥ 3 both parities decay with k = min(k_even, k_odd) (§2.1, §2.3); a bias-free
     * two-layer network decays with k_even on even ℓ and k_odd on odd ℓ (§2.2). +∞ means exact zeros or
     * faster than any power.
     */
    public double exponent(int d, KernelType type, boolean bias, int layers, Parity parity) {
        if (layers < 2) throw new IllegalArgumentException("layers L (affine layers) must be ≥ 2, got " + layers);
        Objects.requireNonNull(parity, "parity");
        if (bias || layers >= 3) return exponent(d, k(), type);
        return exponent(d, parity == Parity.EVEN ? kEven : kOdd, type);
    }

    /**
     * Sobolev order s of the RKHS, H^s(S^{d−1}) with μ_ℓ ≍ ℓ^{−2s}: (d + 2k)/2 for the NNGP,
     * (d + 2k − 2)/2 for the NTK.
     */
    public static double sobolevOrder(int d, int k, KernelType type) {
        return exponent(d, k, type) / 2;
    }

    /** NNGP sample paths lie in H^t almost surely iff t &lt; k + 1/2, in every dimension (§2.6). */
    public static double samplePathSmoothness(int k) {
        Checks.atLeast("k", k, 0);
        return k == SMOOTH ? Double.POSITIVE_INFINITY : k + 0.5;
    }

    /**
     * Slope of log S_m(h) against log h as h → 0 for the m-th difference structure function of NNGP paths:
     * 2k + 1 while m &gt; k + 1/2, and 2m once the path is smoother than the difference order sees (§2.6).
     */
    public static double structureFunctionSlope(int k, int m) {
        Checks.atLeast("k", k, 0);
        Checks.atLeast("difference order m", m, 1);
        return k == SMOOTH || 2L * k + 1 > 2L * m ? 2.0 * m : 2.0 * k + 1;
    }

    /**
     * Number of nonzero eigenvalues for the monomial φ(x) = x^p with L affine layers (§2.4): the kernel is a
     * polynomial of degree p^{L−1} in t, so μ_ℓ ≠ 0 exactly for ℓ ≤ p^{L−1} (with bias: all of them; without:
     * those of the parity of p^{L−1}).
     */
    public static int monomialNonzeroCount(int p, int layers, boolean bias) {
        Checks.atLeast("power p", p, 1);
        if (layers < 2) throw new IllegalArgumentException("layers L (affine layers) must be ≥ 2, got " + layers);
        long degree = 1;
        for (int l = 1; l < layers; l++) {
            degree *= p;
            if (degree > MercerSpectrum.MAX_DEGREE) {
                throw new IllegalArgumentException("p^{L−1} = " + p + "^" + (layers - 1) + " exceeds " + MercerSpectrum.MAX_DEGREE);
            }
        }
        return (int) (bias ? degree + 1 : degree / 2 + 1);
    }
}
