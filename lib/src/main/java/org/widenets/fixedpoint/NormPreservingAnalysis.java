package org.widenets.fixedpoint;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.widenets.kernel.Activation;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The fixed-point picture of a network at its norm-preserving weight scale: σ*, q* = (σ*‖x‖)²,
 * V′(q*), χ₁ = C′(1) and the non-trivial correlation fixed point ρ* with C′(ρ*) — one row of the
 * note's fixed-point table (shared/papers/elu-gelu-kernels.md §4.3). For ELU and GELU ρ = 1 repels
 * (χ₁ &gt; 1) and ρ* ∈ (0, 1) attracts: the deep kernel avoids the degenerate fixed point.
 */
public record NormPreservingAnalysis(NormPreservingScale scale, VarianceFixedPoint variance,
                                     CorrelationFixedPoints correlations) {

    public NormPreservingAnalysis {
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(variance, "variance");
        Objects.requireNonNull(correlations, "correlations");
    }

    /** The analysis at σ*(‖x‖), or empty when no σ* exists (see {@link NormPreservingScale#find}). */
    public static Optional<NormPreservingAnalysis> of(Activation activation, double norm) {
        return NormPreservingScale.find(activation, norm).map(NormPreservingAnalysis::at);
    }

    /** The analysis at a given norm-preserving scale. */
    public static NormPreservingAnalysis at(NormPreservingScale scale) {
        KernelMap map = scale.map();
        double q = scale.fixedVariance();
        return new NormPreservingAnalysis(scale, new VarianceFixedPoint(q, map.varianceSlope(q)),
                CorrelationFixedPoints.find(map, q));
    }

    public double sigma() {
        return scale.sigma();
    }

    public double qStar() {
        return variance.q();
    }

    public double chi1() {
        return correlations.chi1();
    }

    /** The non-trivial attracting correlation fixed point, if there is exactly one. */
    public Optional<CorrelationFixedPoint> rhoStar() {
        List<CorrelationFixedPoint> a = correlations.nontrivial().stream()
                .filter(p -> p.stability() == Stability.ATTRACTING).toList();
        return a.size() == 1 ? Optional.of(a.get(0)) : Optional.empty();
    }

    /**
     * One row per (activation, ‖x‖): σ*, q*, χ₁, ρ*, C′(ρ*), V′(q*) (ρ* columns empty where there is
     * none; rows without a σ* are listed with empty numbers).
     */
    public static Table table(List<? extends Activation> activations, double... norms) {
        StringColumn name = StringColumn.create("activation");
        DoubleColumn norm = DoubleColumn.create("‖x‖"), sigma = DoubleColumn.create("σ*"),
                q = DoubleColumn.create("q*"), chi = DoubleColumn.create("χ₁"), rho = DoubleColumn.create("ρ*"),
                slope = DoubleColumn.create("C′(ρ*)"), vSlope = DoubleColumn.create("V′(q*)");
        for (Activation a : activations) {
            for (double n : norms) {
                name.append(a.name());
                norm.append(n);
                Optional<NormPreservingAnalysis> r = of(a, n);
                sigma.append(r.map(NormPreservingAnalysis::sigma).orElse(Double.NaN));
                q.append(r.map(NormPreservingAnalysis::qStar).orElse(Double.NaN));
                chi.append(r.map(NormPreservingAnalysis::chi1).orElse(Double.NaN));
                Optional<CorrelationFixedPoint> star = r.flatMap(NormPreservingAnalysis::rhoStar);
                rho.append(star.map(CorrelationFixedPoint::rho).orElse(Double.NaN));
                slope.append(star.map(CorrelationFixedPoint::slope).orElse(Double.NaN));
                vSlope.append(r.map(x -> x.variance().slope()).orElse(Double.NaN));
            }
        }
        return Table.create("fixed points at the norm-preserving weight scale", name, norm, sigma, q, chi, rho,
                slope, vSlope);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s%n  variance: %s%n  correlation: χ₁ = %.6g, %s",
                scale, variance, chi1(), rhoStar().map(p -> "attracting " + p)
                        .orElse("no single attracting ρ* < 1; fixed points " + correlations.points()));
    }
}
