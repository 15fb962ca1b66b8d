package org.widenets.nn;

import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.widenets.gp.ExactGp;
import org.widenets.kernel.Checks;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Kernel regression with "random gradient features": the empirical NTK Θ_n of one random network at
 * initialisation used as a kernel, against the infinite-width NTK Θ_∞ of the same architecture
 * (experiment A-5 of shared/papers/residual-kernels.md §6, after Littwin, Galanti &amp; Wolf,
 * arXiv 2001.10460). The predictor is the kernel ridge / GP posterior mean
 * <pre>
 *   f̂(x*) = Θ(x*, X)(Θ(X, X) + λ I)⁻¹ y,    λ = ridge · mean diag Θ(X, X)
 * </pre>
 * computed by {@link ExactGp}; the ridge is relative to the kernel's scale because Θ grows like 2^L for
 * ResNets with α = 1. Scored by the test RMSE in the units of y.
 *
 * @param ridge    relative ridge &gt; 0
 * @param networks random networks per architecture and depth ≥ 2 (mean RMSE and its standard error)
 * @param seed     base seed; network i uses {@code EmpiricalKernels.networkSeed(seed, i)}
 */
public record GradientFeatureRegression(double ridge, int networks, long seed) {

    public GradientFeatureRegression {
        Checks.positive("ridge", ridge);
        Checks.atLeast("networks", networks, 2);
    }

    /**
     * Test RMSE of kernel regression with the kernel matrix {@code k} on the stacked inputs [X_train; X_test]
     * (first {@code yTrain.length} rows are training points).
     */
    public double rmse(DMatrixRMaj k, double[] yTrain, double[] yTest) {
        int n = yTrain.length, m = yTest.length;
        if (k.numRows != n + m || k.numCols != n + m) {
            throw new IllegalArgumentException("kernel is " + k.numRows + "×" + k.numCols + " but there are "
                    + n + " training and " + m + " test points");
        }
        DMatrixRMaj kTrain = CommonOps_DDRM.extract(k, 0, n, 0, n);
        DMatrixRMaj kCross = CommonOps_DDRM.extract(k, n, n + m, 0, n);
        double meanDiagonal = CommonOps_DDRM.trace(kTrain) / n;
        double[] mean = ExactGp.fit(kTrain, yTrain, ridge * meanDiagonal).predictMean(kCross);
        double ss = 0;
        for (int i = 0; i < m; i++) ss += (mean[i] - yTest[i]) * (mean[i] - yTest[i]);
        return Math.sqrt(ss / m);
    }

    /**
     * For every architecture family and depth: the mean test RMSE over {@code networks} random networks of
     * width n with their empirical NTK, and the RMSE with Θ_∞. Columns architecture, depth, kernel
     * ("empirical" or "infinite width"), rmse, rmseSE (0 for the deterministic Θ_∞). Prints progress.
     */
    public Table vsDepth(List<? extends Architecture> families, int[] depths, int width,
                         double[][] xTrain, double[] yTrain, double[][] xTest, double[] yTest) {
        Objects.requireNonNull(families, "families");
        Checks.atLeast("width", width, 1);
        if (xTrain.length != yTrain.length || xTest.length != yTest.length) {
            throw new IllegalArgumentException("inputs and targets differ in length");
        }
        double[][] all = new double[xTrain.length + xTest.length][];
        System.arraycopy(xTrain, 0, all, 0, xTrain.length);
        System.arraycopy(xTest, 0, all, xTrain.length, xTest.length);
        DMatrixRMaj x = new DMatrixRMaj(all);
        Table t = Table.create("kernel regression with random gradient features", StringColumn.create("architecture"),
                IntColumn.create("depth"), StringColumn.create("kernel"), DoubleColumn.create("rmse"),
                DoubleColumn.create("rmseSE"));
        for (Architecture family : families) {
            for (int depth : depths) {
                Architecture a = family.withDepth(depth);
                double[] r = IntStream.range(0, networks).parallel()
                        .mapToDouble(i -> rmse(a.sample(width, x.numCols, EmpiricalKernels.networkSeed(seed, i))
                                .kernels(x).ntk(), yTrain, yTest))
                        .toArray();
                Estimate e = FiniteWidthStatistics.mean(r);
                double limit = rmse(a.limit().matrices(x, x).ntk(), yTrain, yTest);
                append(t, a.name(), depth, "empirical, n = " + width, e.value(), e.standardError());
                append(t, a.name(), depth, "infinite width", limit, 0);
                System.out.println(String.format("regression %s, L = %d: empirical %s, infinite width %.4f", a.name(), depth, e, limit));
            }
        }
        return t;
    }

    private static void append(Table t, String name, int depth, String kernel, double rmse, double se) {
        t.stringColumn("architecture").append(name);
        t.intColumn("depth").append(depth);
        t.stringColumn("kernel").append(kernel);
        t.doubleColumn("rmse").append(rmse);
        t.doubleColumn("rmseSE").append(se);
    }
}
