package org.widenets.nn;

import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.hipparchus.stat.regression.SimpleRegression;
import org.widenets.kernel.Checks;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * How far finite random networks are from their infinite-width kernel (shared/papers/residual-kernels.md
 * §5–6, after Littwin, Galanti &amp; Wolf, arXiv 2001.10460, and Hanin &amp; Nica, arXiv 1909.05989):
 * <ul>
 *   <li>CV² = Var_θ[Θ_n(x,x)]/E_θ[Θ_n(x,x)]², the squared coefficient of variation of the empirical NTK
 *       diagonal over initialisations (Hanin–Nica's E[Θ²]/E[Θ]² − 1);</li>
 *   <li>‖Θ_n − Θ_∞‖_F/‖Θ_∞‖_F on a set of inputs, averaged over initialisations.</li>
 * </ul>
 * Seed i of a run with base seed s draws its weights from its own seed {@link #networkSeed(int)} (the
 * derivation of {@link EmpiricalKernels}),
 * so results do not depend on how many threads share the seeds; seeds run in parallel on the common
 * fork–join pool.
 *
 * @param seeds number of independent initialisations ≥ 2
 * @param seed  base seed
 */
public record FiniteWidthStatistics(int seeds, long seed) {

    public FiniteWidthStatistics {
        Checks.atLeast("seeds", seeds, 2);
    }

    /** The seed of initialisation i. */
    public long networkSeed(int i) {
        return EmpiricalKernels.networkSeed(seed, i);
    }

    /** Θ_n(x, x) for every seed, in seed order. */
    public double[] ntkDiagonals(Architecture architecture, int width, double[] x) {
        Objects.requireNonNull(architecture, "architecture");
        Checks.atLeast("width", width, 1);
        Checks.finite("x", x);
        return IntStream.range(0, seeds).parallel()
                .mapToDouble(i -> architecture.sample(width, x.length, networkSeed(i)).ntkDiagonal(x))
                .toArray();
    }

    /** CV² of the empirical NTK diagonal at x, with a jackknife standard error. */
    public Estimate ntkCv2(Architecture architecture, int width, double[] x) {
        return cv2(ntkDiagonals(architecture, width, x));
    }

    /**
     * CV² = s²/m² (unbiased sample variance over squared mean) with its leave-one-out jackknife standard
     * error; the jackknife is written here because neither Hipparchus nor Tablesaw offers one.
     */
    public static Estimate cv2(double[] samples) {
        int s = samples.length;
        Checks.atLeast("number of samples", s, 2);
        double sum = 0, sumSq = 0;
        for (double t : samples) {
            sum += t;
            sumSq += t * t;
        }
        double full = cv2(sum, sumSq, s);
        if (s < 3) return new Estimate(full, Double.NaN, s);
        double[] leaveOut = new double[s];
        double meanLeave = 0;
        for (int i = 0; i < s; i++) {
            leaveOut[i] = cv2(sum - samples[i], sumSq - samples[i] * samples[i], s - 1);
            meanLeave += leaveOut[i] / s;
        }
        double ss = 0;
        for (double v : leaveOut) ss += (v - meanLeave) * (v - meanLeave);
        return new Estimate(full, Math.sqrt((s - 1.0) / s * ss), s);
    }

    private static double cv2(double sum, double sumSq, int count) {
        double mean = sum / count;
        if (mean == 0) {
            throw new IllegalArgumentException("the samples have mean 0: CV² is undefined (a zero input?)");
        }
        double variance = Math.max(0, (sumSq - count * mean * mean) / (count - 1));
        return variance / (mean * mean);
    }

    /** ‖Θ_n − Θ_∞‖_F/‖Θ_∞‖_F on the rows of x for every seed, in seed order. */
    public double[] relativeDistances(Architecture architecture, int width, DMatrixRMaj x) {
        Objects.requireNonNull(architecture, "architecture");
        Checks.atLeast("width", width, 1);
        DMatrixRMaj limit = architecture.limit().matrices(x, x).ntk();
        double norm = NormOps_DDRM.normF(limit);
        if (!(norm > 0)) {
            throw new IllegalArgumentException("‖Θ_∞‖ = " + norm + " on these inputs: the relative distance is undefined");
        }
        return IntStream.range(0, seeds).parallel().mapToDouble(i -> {
            DMatrixRMaj ntk = architecture.sample(width, x.numCols, networkSeed(i)).kernels(x).ntk();
            return NormOps_DDRM.normF(CommonOps_DDRM.subtract(ntk, limit, null)) / norm;
        }).toArray();
    }

    /** Mean relative Frobenius distance over seeds, with the standard error of the mean. */
    public Estimate relativeDistance(Architecture architecture, int width, DMatrixRMaj x) {
        return mean(relativeDistances(architecture, width, x));
    }

    /** Sample mean and its standard error s/√S. */
    public static Estimate mean(double[] samples) {
        int s = samples.length;
        Checks.atLeast("number of samples", s, 2);
        double m = 0;
        for (double v : samples) m += v / s;
        double ss = 0;
        for (double v : samples) ss += (v - m) * (v - m);
        return new Estimate(m, Math.sqrt(ss / (s - 1) / s), s);
    }

    /**
     * CV² of the NTK diagonal at x for every architecture family, depth and width: columns architecture,
     * depth, width, parameters, cv2, cv2SE, meanNtk. Prints one progress line per family and width.
     */
    public Table cv2Table(List<? extends Architecture> families, int[] depths, int[] widths, double[] x) {
        Table t = Table.create("NTK CV²", StringColumn.create("architecture"), IntColumn.create("depth"),
                IntColumn.create("width"), LongColumn.create("parameters"), DoubleColumn.create("cv2"),
                DoubleColumn.create("cv2SE"), DoubleColumn.create("meanNtk"));
        for (Architecture family : families) {
            for (int width : widths) {
                for (int depth : depths) {
                    Architecture a = family.withDepth(depth);
                    double[] d = ntkDiagonals(a, width, x);
                    Estimate cv2 = cv2(d);
                    t.stringColumn("architecture").append(a.name());
                    t.intColumn("depth").append(depth);
                    t.intColumn("width").append(width);
                    t.longColumn("parameters").append(a.parameterCount(width, x.length));
                    t.doubleColumn("cv2").append(cv2.value());
                    t.doubleColumn("cv2SE").append(cv2.standardError());
                    t.doubleColumn("meanNtk").append(mean(d).value());
                }
                System.out.println("CV² " + family.name() + ", n = " + width + ": done");
            }
        }
        return t;
    }

    /**
     * Relative Frobenius distance on the rows of x for every family and width: columns architecture,
     * depth, width, distance, distanceSE.
     */
    public Table distanceTable(List<? extends Architecture> families, int[] widths, DMatrixRMaj x) {
        Table t = Table.create("‖Θ_n − Θ_∞‖/‖Θ_∞‖", StringColumn.create("architecture"), IntColumn.create("depth"),
                IntColumn.create("width"), DoubleColumn.create("distance"), DoubleColumn.create("distanceSE"));
        for (Architecture a : families) {
            for (int width : widths) {
                Estimate e = relativeDistance(a, width, x);
                t.stringColumn("architecture").append(a.name());
                t.intColumn("depth").append(a.depth());
                t.intColumn("width").append(width);
                t.doubleColumn("distance").append(e.value());
                t.doubleColumn("distanceSE").append(e.standardError());
            }
            System.out.println("distance " + a.name() + ": done");
        }
        return t;
    }

    /**
     * Hanin &amp; Nica's (arXiv 1909.05989) growth of the ReLU MLP's NTK-diagonal fluctuations,
     * E[Θ²]/E[Θ]² ≈ exp(5β) with β = Σ_l 1/n_l = L/n, as CV² ≈ exp(5L/n) − 1 (valid up to constants
     * for large n; an overlay, not a fit).
     */
    public static double haninNicaCv2(int depth, int width) {
        Checks.atLeast("depth", depth, 1);
        Checks.atLeast("width", width, 1);
        return Math.expm1(5.0 * depth / width);
    }

    /**
     * Least-squares slope of log y against log x over the rows of {@code table} whose "architecture" is
     * {@code architecture} (Hipparchus SimpleRegression), with its standard error: e.g. the width exponent
     * of ‖Θ_n − Θ_∞‖ (−1/2 expected) or of CV² against parameter count.
     */
    public static Estimate logLogSlope(Table table, String architecture, String x, String y) {
        Table rows = table.where(table.stringColumn("architecture").isEqualTo(architecture));
        if (rows.rowCount() < 3) {
            throw new IllegalArgumentException("need ≥ 3 rows for " + architecture + ", got " + rows.rowCount());
        }
        SimpleRegression fit = new SimpleRegression();
        for (int i = 0; i < rows.rowCount(); i++) {
            fit.addData(Math.log(((Number) rows.column(x).get(i)).doubleValue()),
                    Math.log(((Number) rows.column(y).get(i)).doubleValue()));
        }
        return new Estimate(fit.getSlope(), fit.getSlopeStdErr(), rows.rowCount());
    }

    /**
     * log-log interpolation of y at x = {@code at} between the two rows of {@code architecture} that
     * bracket it (sorted by x); an {@link IllegalArgumentException} outside the measured range.
     */
    public static double interpolateLogLog(Table table, String architecture, String x, String y, double at) {
        Table rows = table.where(table.stringColumn("architecture").isEqualTo(architecture)).sortAscendingOn(x);
        for (int i = 0; i + 1 < rows.rowCount(); i++) {
            double x0 = ((Number) rows.column(x).get(i)).doubleValue(), x1 = ((Number) rows.column(x).get(i + 1)).doubleValue();
            if (x0 <= at && at <= x1) {
                double y0 = Math.log(((Number) rows.column(y).get(i)).doubleValue());
                double y1 = Math.log(((Number) rows.column(y).get(i + 1)).doubleValue());
                double w = (Math.log(at) - Math.log(x0)) / (Math.log(x1) - Math.log(x0));
                return Math.exp(y0 + w * (y1 - y0));
            }
        }
        throw new IllegalArgumentException(x + " = " + at + " is outside the measured range of " + architecture);
    }
}
