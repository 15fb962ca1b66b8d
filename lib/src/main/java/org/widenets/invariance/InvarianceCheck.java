package org.widenets.invariance;

import java.util.List;
import java.util.Objects;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.widenets.kernel.AbRelu;
import org.widenets.kernel.Checks;
import org.widenets.nn.WeightDistribution;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Tables that put the {@link EquivalentKernel} formula next to its {@link OneLayerMonteCarlo} estimate
 * (figures W1–W4 of shared/papers/weight-invariance.md). For a law that is not rotation invariant the
 * formula column is its Gaussian limit ({@link EquivalentKernel#gaussianLimit}), which it should miss.
 */
public final class InvarianceCheck {

    private InvarianceCheck() {
    }

    /**
     * Inputs in ℝⁿ (n ≥ 2) at the given angles: x = e₁ and y_j = ‖y‖(cos θ_j e₁ + sin θ_j e₂).
     * Returns {x, y_1, …, y_J}.
     */
    public static double[][] planarInputs(int n, double normY, double[] angles) {
        Checks.atLeast("n", n, 2);
        Checks.positive("normY", normY);
        double[][] out = new double[angles.length + 1][n];
        out[0][0] = 1;
        for (int j = 0; j < angles.length; j++) {
            EquivalentKernel.requireAngle(angles[j]);
            out[j + 1][0] = normY * Math.cos(angles[j]);
            out[j + 1][1] = normY * Math.sin(angles[j]);
        }
        return out;
    }

    /**
     * Formula against Monte Carlo for one x and several y, all rows in dimension x.length. Columns:
     * law, theta (angle between x and y), formula, mean, se, z = (mean − formula)/se, and the same divided
     * by ‖x‖‖y‖E‖w‖²/n (normalised formula, normalised mean, normalised se), invariant, se valid.
     */
    public static Table oneLayer(AbRelu activation, WeightDistribution law, double[] x, double[][] ys,
                                 long samples, long seed) {
        Objects.requireNonNull(law, "law");
        int n = x.length;
        EquivalentKernel k = EquivalentKernel.gaussianLimit(activation, law, n);
        List<MonteCarloEstimate> mc = OneLayerMonteCarlo.estimate(law, activation, x, ys, samples, seed);
        Table t = emptyTable(law.name() + ", " + activation.name() + ", n = " + n + ", M = " + samples);
        double nx = norm(x);
        for (int j = 0; j < ys.length; j++) {
            double f = k.value(x, ys[j]);
            MonteCarloEstimate e = mc.get(j);
            double scale = nx * norm(ys[j]) * k.effectiveVariance();
            double theta = Math.atan2(sinNorm(x, ys[j]), dot(x, ys[j]));
            t.stringColumn("law").append(law.name());
            t.doubleColumn("theta").append(theta);
            t.doubleColumn("formula").append(f);
            t.doubleColumn("mean").append(e.mean());
            t.doubleColumn("se").append(e.standardError());
            t.doubleColumn("z").append(e.zScore(f));
            t.doubleColumn("normalised formula").append(f / scale);
            t.doubleColumn("normalised mean").append(e.mean() / scale);
            t.doubleColumn("normalised se").append(e.standardError() / scale);
            t.booleanColumn("invariant").append(law.rotationInvariant());
            t.booleanColumn("se valid").append(e.standardErrorValid());
        }
        return t;
    }

    /**
     * The central-limit approach of i.i.d. laws (weight-invariance.md §2.3): for each n, {@code pairs}
     * random pairs of unit vectors at angle θ in random orientation (drawn from {@code seed}), the relative
     * error (mean − formula)/formula of the Monte Carlo kernel against the Gaussian limit. Columns:
     * n, pair, relative error, relative se.
     */
    public static Table cltRelativeError(AbRelu activation, WeightDistribution law, int[] dimensions, double theta,
                                         int pairs, long samples, long seed) {
        EquivalentKernel.requireAngle(theta);
        Checks.atLeast("pairs", pairs, 1);
        Table t = Table.create("relative error of " + law.name() + " against its Gaussian limit, θ = " + theta,
                IntColumn.create("n"), IntColumn.create("pair"), DoubleColumn.create("relative error"),
                DoubleColumn.create("relative se"));
        RandomGenerator orientations = new Well19937c(seed);
        for (int n : dimensions) {
            Checks.atLeast("n", n, 2);
            EquivalentKernel k = EquivalentKernel.gaussianLimit(activation, law, n);
            for (int p = 0; p < pairs; p++) {
                double[][] xy = randomPairAtAngle(orientations, n, theta);
                double f = k.value(xy[0], xy[1]);
                MonteCarloEstimate e = OneLayerMonteCarlo.estimate(law, activation, xy[0], xy[1], samples,
                        seed + 1000L * n + p);
                t.intColumn("n").append(n);
                t.intColumn("pair").append(p);
                t.doubleColumn("relative error").append((e.mean() - f) / f);
                t.doubleColumn("relative se").append(e.standardError() / f);
            }
        }
        return t;
    }

    /** Unit x uniform on the sphere and unit y at angle θ from it in a uniformly random direction. */
    static double[][] randomPairAtAngle(RandomGenerator rng, int n, double theta) {
        double[] x = gaussianUnit(rng, n);
        double[] v;
        double vn;
        do {
            v = gaussianUnit(rng, n);
            double c = dot(v, x);
            for (int i = 0; i < n; i++) v[i] -= c * x[i];
            vn = norm(v);
        } while (vn < 1e-8);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = Math.cos(theta) * x[i] + Math.sin(theta) * v[i] / vn;
        return new double[][] {x, y};
    }

    private static double[] gaussianUnit(RandomGenerator rng, int n) {
        double[] z = new double[n];
        double s;
        do {
            for (int i = 0; i < n; i++) z[i] = rng.nextGaussian();
            s = norm(z);
        } while (s == 0);
        for (int i = 0; i < n; i++) z[i] /= s;
        return z;
    }

    private static Table emptyTable(String name) {
        return Table.create(name, StringColumn.create("law"), DoubleColumn.create("theta"),
                DoubleColumn.create("formula"), DoubleColumn.create("mean"), DoubleColumn.create("se"),
                DoubleColumn.create("z"), DoubleColumn.create("normalised formula"),
                DoubleColumn.create("normalised mean"), DoubleColumn.create("normalised se"),
                BooleanColumn.create("invariant"), BooleanColumn.create("se valid"));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** ‖x‖‖y‖ sin θ = √(‖x‖²‖y‖² − (x·y)²), clamped at 0. */
    private static double sinNorm(double[] x, double[] y) {
        double d = dot(x, x) * dot(y, y) - dot(x, y) * dot(x, y);
        return d > 0 ? Math.sqrt(d) : 0;
    }
}
