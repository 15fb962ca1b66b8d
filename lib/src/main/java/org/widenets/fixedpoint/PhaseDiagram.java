package org.widenets.fixedpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;
import org.widenets.kernel.Activation;
import org.widenets.kernel.Checks;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The phase picture of a deep network over (σ_w², σ_b²) for inputs of norm ‖x‖: at each grid point the
 * variance's fate from q¹ = σ_w²‖x‖² + σ_b² ({@link VarianceDynamics}) and the correlation regime at the
 * variance reached ({@link CorrelationFixedPoints}); where ρ = 1 attracts, the deep kernel degenerates
 * (shared/papers/elu-gelu-kernels.md §4.2–4.3).
 *
 * <p>Regime rule. FROZEN when the correlation map at the variance reached is the identity to 1e-6
 * (q → 0 with φ linear near 0, so the total change of ρ is finite; or a linear φ). Otherwise ρ = 1
 * attracts when χ₁ &lt; 1, or χ₁ = 1 with C(ρ) &gt; ρ just below 1 (ReLU without bias), and repels else.
 * When q → ∞ the deep dynamics follow the limit map C_∞ = lim C_q: if χ₁ tends to 1 (|χ₁ − 1| shrinks
 * at least fivefold from q to 100q, q = min(last variance, 1e4), as the O(q^{-1/2}) corrections of an
 * asymptotically homogeneous φ do) the limit is marginal and ρ = 1 attracts iff C(0.5) &gt; 0.5 at 100q
 * (the bulk of the limit map pushes correlations up, as ReLU's does); otherwise χ₁ at 100q decides.
 *
 * @param activation φ
 * @param norm       ‖x‖
 * @param points     grid points, σ_b² varying fastest
 */
public record PhaseDiagram(Activation activation, double norm, List<PhasePoint> points) {

    /**
     * Cap on the variance at which a diverging network's correlation map is analysed; χ₁ is also read at
     * 100 times the cap to see whether it tends to 1 (φ asymptotically positively homogeneous, like
     * GELU and ELU: ReLU-like, marginal in the limit) or to something else.
     */
    public static final double LARGE_VARIANCE = 1e4;
    private static final double FROZEN_TOLERANCE = 1e-6;
    /** Distance below 1 at which the drift of a marginal ρ = 1 is read. */
    private static final double MARGINAL_PROBE = 1e-4;
    /** Where the limit map's drift is read when ρ = 1 is marginal in the limit q → ∞. */
    private static final double BULK_RHO = 0.5;

    public PhaseDiagram {
        Objects.requireNonNull(activation, "activation");
        points = List.copyOf(points);
    }

    /**
     * Sweeps the grid (in parallel; each point is deterministic, so the result does not depend on the
     * thread count). {@code maxDepth} bounds the variance iteration, {@code rhoGrid} is the number of
     * ρ-intervals scanned for correlation fixed points (0: no scan, regimes only).
     */
    public static PhaseDiagram sweep(Activation activation, double[] weightVariances, double[] biasVariances,
                                     double norm, int maxDepth, int rhoGrid) {
        Objects.requireNonNull(activation, "activation");
        Checks.finite("weightVariances", weightVariances);
        Checks.finite("biasVariances", biasVariances);
        Checks.positive("norm ‖x‖", norm);
        int nb = biasVariances.length;
        List<PhasePoint> points = IntStream.range(0, weightVariances.length * nb).parallel()
                .mapToObj(k -> point(KernelMap.of(activation, weightVariances[k / nb], biasVariances[k % nb]),
                        norm, maxDepth, rhoGrid))
                .toList();
        return new PhaseDiagram(activation, norm, points);
    }

    /**
     * The phase of one layer map for inputs of norm ‖x‖. The regime needs only χ₁ and a few values of
     * C; the full scan for correlation fixed points (costly for quadrature activations) is done when
     * {@code rhoGrid} &gt; 0.
     */
    public static PhasePoint point(KernelMap map, double norm, int maxDepth, int rhoGrid) {
        Checks.atLeast("rhoGrid", rhoGrid, 0);
        double q1 = map.weightVariance() * norm * norm + map.biasVariance();
        VarianceFate fate = VarianceDynamics.of(map).fate(q1, maxDepth);
        double q;
        if (fate instanceof VarianceFate.ToZero) {
            q = Math.max(fate.variance(), VarianceDynamics.DEFAULT_LOWER);
        } else if (fate instanceof VarianceFate.ToInfinity) {
            q = Math.min(fate.variance(), LARGE_VARIANCE);
        } else {
            q = fate.variance();
        }
        if (!(map.variance(q) > 0)) {
            // φ vanishes on the whole Gaussian (only possible for degenerate φ): nothing to correlate.
            q = VarianceDynamics.DEFAULT_LOWER;
        }
        double chi1 = map.chi1(q);
        CorrelationRegime regime;
        if (maxDeviation(map, q) <= FROZEN_TOLERANCE) {
            regime = CorrelationRegime.FROZEN;
        } else if (fate instanceof VarianceFate.ToInfinity) {
            double near = Math.abs(chi1 - 1), far = map.chi1(100 * q);
            boolean marginalLimit = Math.abs(far - 1) <= Math.max(near / 5, Stability.MARGINAL_TOLERANCE);
            // In a marginal limit the O(q^{-1/2}) excess of χ₁ over 1 decays geometrically along the
            // trajectory, so the bulk of the limit map decides (ReLU-like: C(ρ) > ρ, ρ drifts to 1).
            boolean attracts = marginalLimit ? map.correlation(BULK_RHO, 100 * q) > BULK_RHO : far < 1;
            regime = attracts ? CorrelationRegime.RHO_ONE_ATTRACTS : CorrelationRegime.RHO_ONE_REPELS;
        } else {
            Stability s = Stability.ofSlope(chi1);
            boolean attracts = s == Stability.ATTRACTING
                    || (s == Stability.MARGINAL && map.correlation(1 - MARGINAL_PROBE, q) > 1 - MARGINAL_PROBE);
            regime = attracts ? CorrelationRegime.RHO_ONE_ATTRACTS : CorrelationRegime.RHO_ONE_REPELS;
        }
        Optional<CorrelationFixedPoints> c = rhoGrid > 0
                ? Optional.of(CorrelationFixedPoints.find(map, q, rhoGrid)) : Optional.empty();
        return new PhasePoint(map, fate, q, chi1, regime, c);
    }

    /** max |C_q(ρ) − ρ| over a few correlations: the correlation map's distance from the identity. */
    private static double maxDeviation(KernelMap map, double q) {
        double m = 0;
        for (double rho : new double[] {-0.9, -0.5, 0, 0.5, 0.9}) {
            m = Math.max(m, Math.abs(map.correlation(rho, q) - rho));
        }
        return m;
    }

    /** The points of one regime, e.g. to draw them as one scatter series. */
    public List<PhasePoint> points(CorrelationRegime regime) {
        List<PhasePoint> out = new ArrayList<>();
        for (PhasePoint p : points) if (p.regime() == regime) out.add(p);
        return out;
    }

    /** σ_w² of the points of one regime. */
    public double[] weightVariances(CorrelationRegime regime) {
        return points(regime).stream().mapToDouble(PhasePoint::weightVariance).toArray();
    }

    /** σ_b² of the points of one regime. */
    public double[] biasVariances(CorrelationRegime regime) {
        return points(regime).stream().mapToDouble(PhasePoint::biasVariance).toArray();
    }

    /** Fraction of the grid where ρ = 1 attracts. */
    public double attractingFraction() {
        return points.isEmpty() ? 0 : (double) points(CorrelationRegime.RHO_ONE_ATTRACTS).size() / points.size();
    }

    /**
     * One row per grid point: σ_w², σ_b², variance fate, q analysed, χ₁ there, regime, attracting ρ* &lt; 1
     * (empty where there is none or no scan was asked for).
     */
    public Table table() {
        DoubleColumn w = DoubleColumn.create("σ_w²"), b = DoubleColumn.create("σ_b²"), q = DoubleColumn.create("q"),
                chi = DoubleColumn.create("χ₁"), rho = DoubleColumn.create("attracting ρ* < 1");
        StringColumn fate = StringColumn.create("variance"), regime = StringColumn.create("regime");
        for (PhasePoint p : points) {
            w.append(p.weightVariance());
            b.append(p.biasVariance());
            fate.append(p.varianceLabel());
            q.append(p.q());
            chi.append(p.chi1());
            regime.append(p.regime().label());
            rho.append(p.correlations().stream().flatMap(c -> c.nontrivial().stream())
                    .filter(f -> f.stability() == Stability.ATTRACTING)
                    .mapToDouble(CorrelationFixedPoint::rho).max().orElse(Double.NaN));
        }
        return Table.create(activation.name() + " phases at ‖x‖ = " + norm, w, b, fate, q, chi, regime, rho);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s phase diagram at ‖x‖ = %.4g: %d points, ρ = 1 attracts on %.1f%%",
                activation.name(), norm, points.size(), 100 * attractingFraction());
    }
}
