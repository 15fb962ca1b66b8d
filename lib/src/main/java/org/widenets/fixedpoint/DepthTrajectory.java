package org.widenets.fixedpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.widenets.kernel.Checks;
import org.widenets.kernel.Dense;
import org.widenets.kernel.InputScaling;
import org.widenets.kernel.Nonlinearity;
import org.widenets.kernel.PairKernel;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The pre-activation covariances (q11, q12, q22)^l of a pair of inputs for l = 1 … L under repeated
 * application of one layer map, q¹ = σ_w² K⁰(x, x′) + σ_b² (shared/papers/elu-gelu-kernels.md §1.2).
 * Stops early, and says so, when a variance leaves [1e-12, 1e10] (q → 0 or q → ∞), so a trajectory to
 * depth 10⁴ is always finite.
 *
 * @param map    the layer map
 * @param states pre-activation states, element l − 1 for layer l
 * @param end    why the trajectory ended
 */
public record DepthTrajectory(KernelMap map, List<PairKernel> states, End end) {

    /** How a trajectory ended. */
    public enum End { COMPLETED, VARIANCE_TO_ZERO, VARIANCE_TO_INFINITY }

    public DepthTrajectory {
        Objects.requireNonNull(map, "map");
        Objects.requireNonNull(end, "end");
        states = List.copyOf(states);
    }

    /** The trajectory of inputs x, x′ through {@code depth} hidden layers. */
    public static DepthTrajectory of(KernelMap map, double[] x, double[] xPrime, InputScaling scaling, int depth) {
        Objects.requireNonNull(map, "map");
        PairKernel first = Dense.of(map.weightVariance(), map.biasVariance())
                .apply(PairKernel.ofInputs(x, xPrime, scaling));
        return from(map, first, depth);
    }

    /** The trajectory from a given first pre-activation state. */
    public static DepthTrajectory from(KernelMap map, PairKernel first, int depth) {
        Objects.requireNonNull(map, "map");
        Objects.requireNonNull(first, "first");
        Checks.atLeast("depth", depth, 1);
        List<PairKernel> states = new ArrayList<>();
        PairKernel s = first;
        for (int l = 1; ; l++) {
            End out = outside(s);
            if (out != null) return new DepthTrajectory(map, states, out);
            states.add(s);
            if (l == depth) return new DepthTrajectory(map, states, End.COMPLETED);
            s = map.apply(s);
        }
    }

    private static End outside(PairKernel s) {
        double lo = VarianceDynamics.DEFAULT_LOWER, hi = VarianceDynamics.DEFAULT_UPPER;
        if (s.q11() < lo || s.q22() < lo) return End.VARIANCE_TO_ZERO;
        if (s.q11() > hi || s.q22() > hi) return End.VARIANCE_TO_INFINITY;
        return null;
    }

    /** Number of layers computed. */
    public int depth() {
        return states.size();
    }

    /** The pre-activation state of layer l (1-based). */
    public PairKernel layer(int l) {
        if (l < 1 || l > states.size()) {
            throw new IllegalArgumentException("layer must lie in [1, " + states.size() + "], got " + l);
        }
        return states.get(l - 1);
    }

    /** Pre-activation correlation ρ^l = q12/√(q11 q22). */
    public double correlation(int l) {
        return layer(l).correlation();
    }

    /**
     * The normalised kernel of the paper's Figures 2–3 at layer l: the cosine between the post-activation
     * vectors, T(q^l)/√(E[φ(u)²]E[φ(v)²]); with σ_b = 0 it equals ρ^{l+1}.
     */
    public double postActivationCorrelation(int l) {
        return new Nonlinearity(map.activation()).apply(layer(l)).correlation();
    }

    /** One row per layer: l, q11, q12, q22, ρ, post-activation cosine. */
    public Table table() {
        IntColumn layer = IntColumn.create("layer");
        DoubleColumn q11 = DoubleColumn.create("q11"), q12 = DoubleColumn.create("q12"),
                q22 = DoubleColumn.create("q22"), rho = DoubleColumn.create("ρ"),
                post = DoubleColumn.create("cos θ (post-activation)");
        for (int l = 1; l <= depth(); l++) {
            PairKernel s = layer(l);
            layer.append(l);
            q11.append(s.q11());
            q12.append(s.q12());
            q22.append(s.q22());
            rho.append(s.correlation());
            post.append(postActivationCorrelation(l));
        }
        return Table.create("depth trajectory of the " + map, layer, q11, q12, q22, rho, post);
    }

    @Override
    public String toString() {
        PairKernel last = states.isEmpty() ? null : states.get(states.size() - 1);
        String tail = last == null ? "no layer inside the variance range"
                : String.format(Locale.ROOT, "layer %d: q11 = %.6g, q22 = %.6g, ρ = %.8g", depth(),
                last.q11(), last.q22(), last.correlation());
        return "trajectory of the " + map + " (" + end.name().toLowerCase(Locale.ROOT).replace('_', ' ') + "), " + tail;
    }
}
