package org.widenets.data;

import java.util.Arrays;

/**
 * Column-wise affine standardisation z = (x − mean)/sd with statistics fitted on one set of rows
 * (the training split in the standard protocol; the whole data set in Tsuchida et al.'s shallow
 * protocol, shared/papers/elu-gelu-kernels.md §6.1). The sd is the population standard deviation
 * (ddof 0, as {@code numpy.std} in every reference script); a column that is constant on the fitted rows
 * (naval's constant inputs, always-blank digit pixels) gets mean = its value and sd = 1, so it maps to 0.
 *
 * @param mean per-column mean
 * @param sd   per-column standard deviation, &gt; 0
 */
public record Standardization(double[] mean, double[] sd) {

    public Standardization {
        if (mean.length != sd.length) {
            throw new IllegalArgumentException("mean has " + mean.length + " columns but sd has " + sd.length);
        }
        mean = mean.clone();
        sd = sd.clone();
        for (int j = 0; j < sd.length; j++) {
            if (!(sd[j] > 0) || !Double.isFinite(sd[j]) || !Double.isFinite(mean[j])) {
                throw new IllegalArgumentException("column " + j + ": mean " + mean[j] + ", sd " + sd[j]
                        + " (sd must be finite and > 0)");
            }
        }
    }

    /** Statistics of the given rows of x (all rows if {@code rows} is null). */
    public static Standardization fit(double[][] x, int[] rows) {
        int n = rows == null ? x.length : rows.length;
        if (n == 0) {
            throw new IllegalArgumentException("cannot standardise with zero rows");
        }
        int d = x[rows == null ? 0 : rows[0]].length;
        double[] mean = new double[d], sd = new double[d];
        for (int k = 0; k < n; k++) {
            double[] r = x[rows == null ? k : rows[k]];
            for (int j = 0; j < d; j++) mean[j] += r[j];
        }
        for (int j = 0; j < d; j++) mean[j] /= n;
        for (int k = 0; k < n; k++) {
            double[] r = x[rows == null ? k : rows[k]];
            for (int j = 0; j < d; j++) {
                double c = r[j] - mean[j];
                sd[j] += c * c;
            }
        }
        double[] first = x[rows == null ? 0 : rows[0]];
        boolean[] constant = new boolean[d];
        java.util.Arrays.fill(constant, true);
        for (int k = 1; k < n; k++) {
            double[] r = x[rows == null ? k : rows[k]];
            for (int j = 0; j < d; j++) constant[j] &= r[j] == first[j];
        }
        for (int j = 0; j < d; j++) {
            sd[j] = Math.sqrt(sd[j] / n);
            if (constant[j] || sd[j] == 0) {
                // The summed mean of n equal values is off by round-off, and so its sd is ~1e-13, not 0
                // (naval's inlet pressure column: numpy.std gives 2.5e-13); such a column must map to 0.
                mean[j] = first[j];
                sd[j] = 1;
            }
        }
        return new Standardization(mean, sd);
    }

    /** Statistics of the given entries of y (all if {@code rows} is null), as a one-column standardisation. */
    public static Standardization fit(double[] y, int[] rows) {
        double[][] col = new double[y.length][];
        for (int i = 0; i < y.length; i++) col[i] = new double[] {y[i]};
        return fit(col, rows);
    }

    public int columns() {
        return mean.length;
    }

    /** The standardised copy of the given rows (all if null). */
    public double[][] apply(double[][] x, int[] rows) {
        int n = rows == null ? x.length : rows.length;
        double[][] z = new double[n][];
        for (int k = 0; k < n; k++) {
            double[] r = x[rows == null ? k : rows[k]];
            if (r.length != mean.length) {
                throw new IllegalArgumentException("row " + k + " has " + r.length + " columns, expected " + mean.length);
            }
            double[] o = new double[r.length];
            for (int j = 0; j < r.length; j++) o[j] = (r[j] - mean[j]) / sd[j];
            z[k] = o;
        }
        return z;
    }

    /** The standardised copy of the given entries of a single column (this must have one column). */
    public double[] apply(double[] y, int[] rows) {
        requireSingle();
        int n = rows == null ? y.length : rows.length;
        double[] z = new double[n];
        for (int k = 0; k < n; k++) z[k] = (y[rows == null ? k : rows[k]] - mean[0]) / sd[0];
        return z;
    }

    /** Back to original units: mean + sd·z (single column). */
    public double unscale(double z) {
        requireSingle();
        return mean[0] + sd[0] * z;
    }

    /** The single column's sd: standard deviations and RMSEs scale by it. */
    public double scale() {
        requireSingle();
        return sd[0];
    }

    private void requireSingle() {
        if (mean.length != 1) {
            throw new IllegalStateException("a target standardisation has one column, this has " + mean.length);
        }
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] sd() {
        return sd.clone();
    }

    @Override
    public String toString() {
        return "Standardization[mean=" + Arrays.toString(mean) + ", sd=" + Arrays.toString(sd) + "]";
    }
}
