package org.widenets.kernel;

import java.util.Objects;

/**
 * The L densely connected layers of a fully connected DenseNet, as one composite layer that keeps the
 * history of states internally (shared/papers/residual-kernels.md §2–3, after Littwin, Galanti &amp;
 * Wolf, arXiv 2001.10460). Layer l sees the concatenation of all previous post-activations with its
 * fan-in l·n normalised:
 * <pre>
 *   hˡ = √(c/(l·n))·Wˡ [φ(h⁰); …; φ(h^{l−1})],   l = 1..L
 * </pre>
 * The input is the Gaussian state of h⁰; the output is the state of the normalised concatenation
 * [φ(h⁰); …; φ(h^L)]/√(L+1), the input of the readout. A fan-in-normalised concatenation of m blocks
 * has the mean of the blocks' NNGP and NTK, so with Λᵏ = c·T(Σᵏ), Λ̇ᵏ = c·Ṫ(Σᵏ):
 * <pre>
 *   Σˡ = (1/l)·Σ_{k&lt;l} Λᵏ,   Θˡ = (1/l)·Σ_{k&lt;l} (Λᵏ + Λ̇ᵏ Θᵏ)
 * </pre>
 * and a readout Dense(c) after this block gives the note's NTK_f = (1/(L+1))·Σ_{k≤L} (Λᵏ + Λ̇ᵏΘᵏ).
 * Running sums make the cost O(L) activation-map evaluations per pair.
 *
 * @param activation     φ
 * @param depth          number of densely connected layers L ≥ 1
 * @param weightVariance c of each dense layer
 */
public record DenseBlock(Activation activation, int depth, double weightVariance) implements Layer {

    public DenseBlock {
        Objects.requireNonNull(activation, "activation");
        Checks.atLeast("depth", depth, 1);
        Checks.variance("weightVariance c", weightVariance);
    }

    @Override
    public PairKernel apply(PairKernel in) {
        Nonlinearity phi = new Nonlinearity(activation);
        Dense dense = Dense.of(weightVariance, 0);
        double[] sum = new double[6];
        accumulate(sum, phi.apply(in));
        for (int l = 1; l <= depth; l++) {
            PairKernel h = dense.apply(mean(sum, l, in.same()));
            accumulate(sum, phi.apply(h));
        }
        return mean(sum, depth + 1, in.same());
    }

    private static void accumulate(double[] sum, PairKernel k) {
        sum[0] += k.q11();
        sum[1] += k.q12();
        sum[2] += k.q22();
        sum[3] += k.ntk11();
        sum[4] += k.ntk12();
        sum[5] += k.ntk22();
    }

    private static PairKernel mean(double[] sum, int count, boolean same) {
        double q11 = sum[0] / count, q22 = sum[2] / count, t11 = sum[3] / count, t22 = sum[5] / count;
        if (same) return new PairKernel(q11, q11, q22, t11, t11, t22, true);
        return new PairKernel(q11, sum[1] / count, q22, t11, sum[4] / count, t22, false);
    }
}
