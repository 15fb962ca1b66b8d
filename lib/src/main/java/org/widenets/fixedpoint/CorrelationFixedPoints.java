package org.widenets.fixedpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.BrentSolver;
import org.widenets.kernel.Checks;

/**
 * Every fixed point of the correlation map C_q(ρ) on [−1, 1] at variance q (normally a variance fixed
 * point q*), each classified by its slope (shared/papers/elu-gelu-kernels.md §4.1, recipe steps 2–4).
 *
 * <p>Method: the sign of C(ρ) − ρ on a Chebyshev grid of ρ (dense near ±1, where ρ* of wide-input ELU
 * and GELU lies), each sign change refined by Hipparchus' Brent solver; ρ = 1 is always a fixed point
 * (slope χ₁), ρ = −1 is one when C(−1) = −1 (odd φ without bias). Roots where C − ρ touches zero
 * without changing sign are missed (none occur for the activations of the papers).
 *
 * @param map       the layer map
 * @param q         the variance of both inputs' pre-activations
 * @param points    fixed points in increasing ρ, ρ = 1 last
 * @param identity  C(ρ) = ρ everywhere on the grid (e.g. linear φ): every ρ is a marginal fixed point
 * @param belowOne  sign of C(ρ) − ρ just below 1: +1 if correlations there move up towards 1
 */
public record CorrelationFixedPoints(KernelMap map, double q, List<CorrelationFixedPoint> points,
                                     boolean identity, int belowOne) {

    /** Default number of grid intervals on [−1, 1]. */
    public static final int DEFAULT_GRID = 400;
    private static final double IDENTITY_TOLERANCE = 1e-12;

    public CorrelationFixedPoints {
        Objects.requireNonNull(map, "map");
        points = List.copyOf(points);
    }

    /** The fixed points of C at variance q (q &gt; 0 with V(q) &gt; 0) on the default grid. */
    public static CorrelationFixedPoints find(KernelMap map, double q) {
        return find(map, q, DEFAULT_GRID);
    }

    /** The fixed points of C at variance q, scanning {@code gridIntervals} Chebyshev intervals. */
    public static CorrelationFixedPoints find(KernelMap map, double q, int gridIntervals) {
        Objects.requireNonNull(map, "map");
        Checks.positive("q", q);
        Checks.atLeast("gridIntervals", gridIntervals, 4);
        UnivariateFunction g = rho -> map.correlation(rho, q) - rho;
        int n = gridIntervals;
        double[] rho = new double[n + 1];
        double[] value = new double[n + 1];
        double largest = 0;
        for (int i = 0; i < n; i++) {
            rho[i] = -Math.cos(Math.PI * i / n);
            value[i] = g.value(rho[i]);
            largest = Math.max(largest, Math.abs(value[i]));
        }
        rho[n] = 1;
        value[n] = 0;
        if (largest <= IDENTITY_TOLERANCE) {
            return new CorrelationFixedPoints(map, q, List.of(point(map, q, 1)), true, 0);
        }
        List<CorrelationFixedPoint> found = new ArrayList<>();
        if (Math.abs(value[0]) <= IDENTITY_TOLERANCE) found.add(point(map, q, -1));
        BrentSolver brent = new BrentSolver(1e-15, 1e-15);
        for (int i = 1; i < n; i++) {
            if (value[i] == 0) {
                found.add(point(map, q, rho[i]));
            } else if (value[i - 1] != 0 && (value[i - 1] < 0) != (value[i] < 0)
                    && !(i == 1 && Math.abs(value[0]) <= IDENTITY_TOLERANCE)) {
                found.add(point(map, q, brent.solve(500, g, rho[i - 1], rho[i])));
            }
        }
        found.add(point(map, q, 1));
        return new CorrelationFixedPoints(map, q, found, false, (int) Math.signum(value[n - 1]));
    }

    private static CorrelationFixedPoint point(KernelMap map, double q, double rho) {
        return new CorrelationFixedPoint(rho, map.correlationSlope(rho, q));
    }

    /** The trivial fixed point ρ = 1, slope χ₁. */
    public CorrelationFixedPoint trivial() {
        return points.get(points.size() - 1);
    }

    /** χ₁ = C′(1). */
    public double chi1() {
        return trivial().slope();
    }

    /** The fixed points other than ρ = 1. */
    public List<CorrelationFixedPoint> nontrivial() {
        return points.stream().filter(p -> !p.trivial()).toList();
    }

    /** The locally attracting fixed points. */
    public List<CorrelationFixedPoint> attracting() {
        return points.stream().filter(p -> p.stability() == Stability.ATTRACTING).toList();
    }

    /**
     * Does ρ = 1 attract nearby correlations? Yes if χ₁ &lt; 1 (geometrically), or if χ₁ = 1 and
     * C(ρ) &gt; ρ just below 1 (algebraically, as for ReLU without bias); no if χ₁ &gt; 1 or C is the
     * identity.
     */
    public boolean trivialAttracts() {
        if (identity) return false;
        Stability s = trivial().stability();
        return s == Stability.ATTRACTING || (s == Stability.MARGINAL && belowOne > 0);
    }

    @Override
    public String toString() {
        if (identity) {
            return String.format(Locale.ROOT, "%s at q = %.6g: C(ρ) = ρ, every correlation is a marginal fixed point",
                    map, q);
        }
        return String.format(Locale.ROOT, "%s at q = %.6g: %s; ρ = 1 %s", map, q,
                points.stream().map(CorrelationFixedPoint::toString).collect(Collectors.joining(", ")),
                trivialAttracts() ? "attracts" : "does not attract");
    }
}
