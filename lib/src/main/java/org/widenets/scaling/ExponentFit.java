package org.widenets.scaling;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Measured width exponents of one scaling against the predicted ones: seed means of E|f⁽⁰⁾| (test set),
 * E K⁽⁰⁾ (kernel points) and the relative kernel change after a fixed number of steps at each width, and the
 * least-squares slopes of their logarithms against log d.
 */
public record ExponentFit(Scaling scaling, Exponents predicted, int steps, int[] widths, double[] meanAbsLogit,
        double[] kernel, double[] kernelChange, double logitSlope, double kernelSlope, double kernelChangeSlope) {

    public ExponentFit {
        widths = widths.clone();
        meanAbsLogit = meanAbsLogit.clone();
        kernel = kernel.clone();
        kernelChange = kernelChange.clone();
    }

    @Override
    public int[] widths() {
        return widths.clone();
    }

    @Override
    public double[] meanAbsLogit() {
        return meanAbsLogit.clone();
    }

    @Override
    public double[] kernel() {
        return kernel.clone();
    }

    @Override
    public double[] kernelChange() {
        return kernelChange.clone();
    }

    /** Columns width, log2_width, mean_abs_logit0, kernel0, kernel_change. */
    public Table toTable() {
        double[] log2 = new double[widths.length];
        for (int i = 0; i < widths.length; i++) log2[i] = Math.log(widths[i]) / Math.log(2);
        return Table.create(scaling.name(), IntColumn.create("width", widths), DoubleColumn.create("log2_width", log2),
                DoubleColumn.create("mean_abs_logit0", meanAbsLogit), DoubleColumn.create("kernel0", kernel),
                DoubleColumn.create("kernel_change", kernelChange));
    }

    @Override
    public String toString() {
        return String.format("%s: slope of E|f0| %.3f (p0 = %.3f), of E K0 %.3f (κ = %.3f), of ΔK/K after %d steps"
                + " %.3f (2δ = %.3f)", scaling.name(), logitSlope, predicted.p0(), kernelSlope, predicted.kappa(),
                steps, kernelChangeSlope, predicted.kernelChange());
    }
}
