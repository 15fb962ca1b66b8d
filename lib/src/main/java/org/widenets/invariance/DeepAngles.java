package org.widenets.invariance;

import java.util.Objects;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * A trajectory θ_0, …, θ_L of the {@link AngleMap} and its comparison with the predicted rate
 * θ_l ≈ C/l (shared/papers/weight-invariance.md §2.4). Immutable: the angles are copied in and out.
 */
public final class DeepAngles {

    private final AngleMap map;
    private final double[] thetas;

    DeepAngles(AngleMap map, double[] thetas) {
        this.map = Objects.requireNonNull(map, "map");
        this.thetas = thetas.clone();
    }

    public AngleMap map() {
        return map;
    }

    /** L, the number of layers. */
    public int depth() {
        return thetas.length - 1;
    }

    /** θ_l for 0 ≤ l ≤ L. */
    public double theta(int l) {
        if (l < 0 || l > depth()) {
            throw new IllegalArgumentException("layer l must lie in [0, " + depth() + "], got " + l);
        }
        return thetas[l];
    }

    /** θ_0 … θ_L (a copy). */
    public double[] thetas() {
        return thetas.clone();
    }

    /** The predicted C/l for l ≥ 1. */
    public double predicted(int l) {
        if (l < 1) throw new IllegalArgumentException("the rate C/l needs l ≥ 1, got " + l);
        return map.rateConstant() / l;
    }

    /** l·θ_l/C, which tends to 1 as l → ∞. */
    public double scaledAngle(int l) {
        return theta(l) / predicted(l);
    }

    /** Columns layer, theta, predicted (C/l), scaled (l·θ_l/C) for l = 1 … L. */
    public Table table() {
        int n = depth();
        int[] layers = new int[n];
        double[] th = new double[n], pred = new double[n], scaled = new double[n];
        for (int l = 1; l <= n; l++) {
            layers[l - 1] = l;
            th[l - 1] = thetas[l];
            pred[l - 1] = predicted(l);
            scaled[l - 1] = scaledAngle(l);
        }
        return Table.create("angles " + map.activation().name() + " from θ0 = " + thetas[0],
                IntColumn.create("layer", layers), DoubleColumn.create("theta", th),
                DoubleColumn.create("predicted C/l", pred), DoubleColumn.create("l·θ_l/C", scaled));
    }

    @Override
    public String toString() {
        int n = depth();
        StringBuilder s = new StringBuilder("DeepAngles[" + map.activation().name() + ", θ0 = " + thetas[0]
                + ", C = " + map.rateConstant());
        for (int l = 1; l <= n; l *= 10) {
            s.append(String.format(", θ_%d = %.6g", l, thetas[l]));
        }
        if (n >= 1) s.append(String.format(", θ_%d = %.6g, L·θ_L/C = %.4f", n, thetas[n], scaledAngle(n)));
        return s.append(']').toString();
    }
}
