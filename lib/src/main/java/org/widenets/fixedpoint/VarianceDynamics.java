package org.widenets.fixedpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.BrentSolver;
import org.widenets.kernel.Checks;

/**
 * Fixed points of the variance map V(q) = σ_w² E[φ(u)²] + σ_b² and the fate of q^l under iteration
 * (shared/papers/elu-gelu-kernels.md §4.1, recipe step 1).
 *
 * <p>Fixed points are searched on [{@link #lower()}, {@link #upper()}] (default [1e-12, 1e10]): a
 * logarithmic scan of the sign of V(q) − q, refined by Hipparchus' Brent solver. A variance leaving
 * that range is reported as q → 0 or q → ∞, which keeps every answer finite (the closed forms of some
 * activations lose accuracy beyond it, pitfall P2/P3 of the note).
 */
public record VarianceDynamics(KernelMap map, double lower, double upper) {

    public static final double DEFAULT_LOWER = 1e-12, DEFAULT_UPPER = 1e10;
    /** Default depth budget for {@link #fate(double)}. */
    public static final int DEFAULT_MAX_DEPTH = 10_000;
    private static final int POINTS_PER_DECADE = 20;
    private static final double SETTLED = 1e-13;

    public VarianceDynamics {
        Objects.requireNonNull(map, "map");
        Checks.positive("lower", lower);
        Checks.positive("upper", upper);
        if (!(upper > lower)) {
            throw new IllegalArgumentException("upper = " + upper + " must exceed lower = " + lower);
        }
    }

    /** Dynamics of the given map on the default range. */
    public static VarianceDynamics of(KernelMap map) {
        return new VarianceDynamics(map, DEFAULT_LOWER, DEFAULT_UPPER);
    }

    /**
     * Every fixed point q* ∈ [lower, upper] where V(q) − q changes sign, with its slope V′(q*),
     * increasing in q. Tangential fixed points (V touches the diagonal without crossing) are missed.
     * When V(q) = q on the whole scan (e.g. ReLU with σ_w² = 2, σ_b² = 0) the list is empty and
     * {@link #preservesEveryVariance()} is true.
     */
    public List<VarianceFixedPoint> fixedPoints() {
        return fixedPointsBetween(lower, upper);
    }

    /** True when V(q) = q (to 1e-13 relative) at every scanned q: every variance is a fixed point. */
    public boolean preservesEveryVariance() {
        for (double q : logGrid(lower, upper)) {
            if (Math.abs(map.variance(q) - q) > SETTLED * q) return false;
        }
        return true;
    }

    /** {@link #fate(double, int)} with the default depth budget 10⁴. */
    public VarianceFate fate(double q1) {
        return fate(q1, DEFAULT_MAX_DEPTH);
    }

    /**
     * Iterates q^{l+1} = V(q^l) from the first pre-activation variance q¹ for at most {@code maxDepth}
     * layers and says where it goes. Never NaN, never an exception for a valid q¹: a variance map that
     * overflows the double range is q → ∞ with ratio +∞ (super-geometric growth), reporting the last
     * representable variance.
     */
    public VarianceFate fate(double q1, int maxDepth) {
        Checks.variance("q1", q1);
        Checks.atLeast("maxDepth", maxDepth, 1);
        double q = q1;
        for (int l = 1; l <= maxDepth; l++) {
            double next;
            try {
                next = map.variance(q);
            } catch (ArithmeticException overflow) {
                // E[φ(u)²] itself left the double range (e.g. φ = exp): faster than geometric growth.
                return new VarianceFate.ToInfinity(l, q, Double.POSITIVE_INFINITY, true);
            }
            if (!Double.isFinite(next)) return new VarianceFate.ToInfinity(l, q, Double.POSITIVE_INFINITY, true);
            if (next == 0 && q == 0) return new VarianceFate.ToZero(l, 0, 0, true);
            if (Math.abs(next - q) <= SETTLED * q) {
                return new VarianceFate.ToFixedPoint(refine(q), l, true);
            }
            // The ratio of the last step, not V at the new point: the new point may lie where the
            // activation's formulas are no longer trusted.
            if (next < lower) return new VarianceFate.ToZero(l, next, q > 0 ? next / q : 0, true);
            if (next > upper) return new VarianceFate.ToInfinity(l, next, next / q, true);
            q = next;
        }
        // Budget spent while still moving: V is continuous, so q keeps moving in the same direction
        // until it meets a fixed point; if there is none on that side it goes to 0 or ∞.
        boolean falling = map.variance(q) < q;
        List<VarianceFixedPoint> ahead = falling ? fixedPointsBetween(lower, q) : fixedPointsBetween(q, upper);
        if (ahead.isEmpty()) {
            return falling ? new VarianceFate.ToZero(maxDepth, q, ratio(q), false)
                    : new VarianceFate.ToInfinity(maxDepth, q, ratio(q), false);
        }
        VarianceFixedPoint nearest = falling ? ahead.get(ahead.size() - 1) : ahead.get(0);
        return new VarianceFate.ToFixedPoint(nearest, maxDepth, false);
    }

    /** V(q)/q, the factor by which q changes per layer; 0 for q = 0. */
    private double ratio(double q) {
        if (q == 0) return 0;
        if (q > Double.MAX_VALUE / 4) return Double.POSITIVE_INFINITY;
        return map.variance(q) / q;
    }

    private List<VarianceFixedPoint> fixedPointsBetween(double lo, double hi) {
        double[] grid = logGrid(lo, hi);
        UnivariateFunction g = q -> map.variance(q) - q;
        List<VarianceFixedPoint> found = new ArrayList<>();
        double prev = g.value(grid[0]);
        if (prev == 0) found.add(point(grid[0]));
        for (int i = 1; i < grid.length; i++) {
            double cur = g.value(grid[i]);
            if (cur == 0) {
                found.add(point(grid[i]));
            } else if (prev != 0 && (prev < 0) != (cur < 0)) {
                found.add(point(solve(g, grid[i - 1], grid[i])));
            }
            prev = cur;
        }
        return found;
    }

    /** The fixed point near a settled iterate: Brent on the smallest bracket around q, else q itself. */
    private VarianceFixedPoint refine(double q) {
        UnivariateFunction g = s -> map.variance(s) - s;
        if (g.value(q) == 0) return point(q);
        for (double d = 1e-9; d <= 0.5; d *= 10) {
            double a = q * (1 - d), b = q * (1 + d);
            double ga = g.value(a), gb = g.value(b);
            if (ga == 0) return point(a);
            if (gb == 0) return point(b);
            if ((ga < 0) != (gb < 0)) return point(solve(g, a, b));
        }
        return point(q);
    }

    private static double solve(UnivariateFunction g, double a, double b) {
        return new BrentSolver(1e-15, 1e-300).solve(500, g, a, b);
    }

    private VarianceFixedPoint point(double q) {
        return new VarianceFixedPoint(q, map.varianceSlope(q));
    }

    private static double[] logGrid(double lo, double hi) {
        int n = Math.max(2, (int) Math.ceil(Math.log10(hi / lo) * POINTS_PER_DECADE) + 1);
        double[] grid = new double[n];
        double step = Math.log(hi / lo) / (n - 1);
        for (int i = 0; i < n; i++) grid[i] = lo * Math.exp(step * i);
        grid[n - 1] = hi;
        return grid;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "variance dynamics of the %s on [%.3g, %.3g]", map, lower, upper);
    }
}
