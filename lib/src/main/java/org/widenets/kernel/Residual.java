package org.widenets.kernel;

import java.util.List;
import java.util.Objects;

/**
 * A residual block h ← s·h + α·B(h) in kernel space, B a serial branch of layers ending in an affine
 * layer, s = 1 (identity skip) or 0 (the same branch without its skip: a plain layer).
 *
 * <p>The branch output is a zero-mean Gaussian process uncorrelated with the stream, because its last
 * weights are independent of h and centred; so covariances and tangent kernels add
 * (FanInSum, shared/papers/kernel-formulas.md §3.13; shared/papers/residual-kernels.md §3):
 * <pre>
 *   K′ = s·K + α²·K_B(K, Θ),   Θ′ = s·Θ + α²·Θ_B(K, Θ)
 * </pre>
 * For the R2 branch Dense(1) → φ → Dense(c) this is Σˡ = Σ^{l−1} + α²Λˡ,
 * Θˡ = (1 + α²Λ̇ˡ)Θ^{l−1} + α²(Λˡ + Λ̇ˡΣ^{l−1}): the forward form of the note's backward Π recursion.
 * The block's input must be Gaussian (the output of an affine layer or of another residual block);
 * its output then is Gaussian too, so {@link #affine()} is true.
 *
 * @param branch the layers of B, applied in order; the last must be affine
 * @param alpha  branch multiplier α ≥ 0
 * @param skip   whether the identity path is present
 */
public record Residual(List<Layer> branch, double alpha, boolean skip) implements Layer {

    public Residual {
        branch = List.copyOf(Objects.requireNonNull(branch, "branch"));
        if (branch.isEmpty() || !branch.get(branch.size() - 1).affine()) {
            throw new IllegalArgumentException("a residual branch must end in an affine layer "
                    + "(its output must be a centred Gaussian), got " + branch);
        }
        Checks.variance("branch multiplier α", alpha);
    }

    /** The block h ← h + α·B(h). */
    public static Residual of(double alpha, Layer... branch) {
        return new Residual(List.of(branch), alpha, true);
    }

    @Override
    public PairKernel apply(PairKernel in) {
        PairKernel b = in;
        for (Layer layer : branch) {
            b = layer.apply(b);
        }
        double a2 = alpha * alpha, s = skip ? 1 : 0;
        double q11 = s * in.q11() + a2 * b.q11(), q22 = s * in.q22() + a2 * b.q22();
        double t11 = s * in.ntk11() + a2 * b.ntk11(), t22 = s * in.ntk22() + a2 * b.ntk22();
        if (in.same()) {
            return new PairKernel(q11, q11, q22, t11, t11, t22, true);
        }
        return new PairKernel(q11, s * in.q12() + a2 * b.q12(), q22,
                t11, s * in.ntk12() + a2 * b.ntk12(), t22, false);
    }

    @Override
    public boolean affine() {
        return true;
    }
}
