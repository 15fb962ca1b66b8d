package org.widenets.fixedpoint;

import java.util.Arrays;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Infinite-width normalised kernel against one finite network, per layer and input angle
 * (Figures 2–3 of Tsuchida et al. 2021). Rows of {@code theory}/{@code network} follow {@code layers},
 * columns follow {@code angles}.
 */
public record MirrorComparison(String network, double[] angles, int[] layers, double[][] theory,
                               double[][] finite) {

    public MirrorComparison {
        angles = angles.clone();
        layers = layers.clone();
        theory = Arrays.stream(theory).map(double[]::clone).toArray(double[][]::new);
        finite = Arrays.stream(finite).map(double[]::clone).toArray(double[][]::new);
    }

    /** Infinite-width cos θ^{(l)} at layer {@code layers[i]}, one value per angle. */
    public double[] theory(int i) {
        return theory[i].clone();
    }

    /** The finite network's cos θ^{(l)} at layer {@code layers[i]}. */
    public double[] finite(int i) {
        return finite[i].clone();
    }

    @Override
    public double[] angles() {
        return angles.clone();
    }

    @Override
    public int[] layers() {
        return layers.clone();
    }

    /** Root-mean-square gap between network and theory at layer {@code layers[i]}. */
    public double rmsGap(int i) {
        double s = 0;
        for (int p = 0; p < angles.length; p++) s += Math.pow(finite[i][p] - theory[i][p], 2);
        return Math.sqrt(s / angles.length);
    }

    /** Long format: θ⁰, layer, infinite width, finite width. */
    public Table table() {
        DoubleColumn a = DoubleColumn.create("θ⁰"), t = DoubleColumn.create("infinite width"),
                f = DoubleColumn.create("finite width");
        IntColumn l = IntColumn.create("layer");
        for (int i = 0; i < layers.length; i++) {
            for (int p = 0; p < angles.length; p++) {
                a.append(angles[p]);
                l.append(layers[i]);
                t.append(theory[i][p]);
                f.append(finite[i][p]);
            }
        }
        return Table.create(network, a, l, t, f);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(network).append(": RMS gap to the infinite-width kernel per layer");
        for (int i = 0; i < layers.length; i++) {
            sb.append(String.format(Locale.ROOT, "%n  layer %d: %.4f", layers[i], rmsGap(i)));
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MirrorComparison m && network.equals(m.network) && Arrays.equals(angles, m.angles)
                && Arrays.equals(layers, m.layers) && Arrays.deepEquals(theory, m.theory)
                && Arrays.deepEquals(finite, m.finite);
    }

    @Override
    public int hashCode() {
        return network.hashCode() * 31 + Arrays.deepHashCode(finite);
    }
}
