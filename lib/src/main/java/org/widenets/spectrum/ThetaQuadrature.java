package org.widenets.spectrum;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * Composite Gauss–Legendre rule in the angle θ ∈ [0, π] for the Funk–Hecke integral
 * μ_ℓ = c_d ∫_0^π κ(cos θ) P_ℓ^{(d)}(cos θ) sin^{d−2}θ dθ (shared/papers/rkhs-smoothness.md §3.2).
 *
 * <p>Why θ and not Gauss–Gegenbauer in t: the endpoint singularity (1 − t)^β of a network kernel becomes
 * 2^β sin^{2β}(θ/2), and since β = k ± 1/2 is a half-integer that is analytic in θ on [0, π]; so is the rest
 * of κ(cos θ) (compositions of such terms). Gauss–Legendre panels in θ therefore converge geometrically,
 * while Gauss–Gegenbauer nodes for large n lose accuracy (note §3.2). Panels: uniform, at most 3/4 of a
 * period 2π/ℓmax wide (20 nodes integrate cos(ℓθ) over that to ~1e−20), plus a light geometric grading
 * (1e−4·2^j) at both ends as a margin for kernels less regular than network kernels. The note's recipe
 * (edges from 1e−9, 0.375 periods, 32 nodes) gives the same coefficients to round-off at 4× the cost;
 * measured on the exact spectra of (1 − t)^{3/2} and the Poisson kernel in the tests.
 *
 * <p>{@code weights[i]} already contain c_d·sin^{d−2}θ_i, so μ_ℓ = Σ_i weights[i]·κ(t_i)·P_ℓ(t_i).
 */
record ThetaQuadrature(double[] theta, double[] t, double[] weights, int nodesPerPanel) {

    /** Nodes per panel of the main rule and of the check rule whose difference estimates the round-off. */
    static final int NODES_PER_PANEL = 20, CHECK_NODES_PER_PANEL = 14;
    /** Graded edges 1e−4·2^j near 0 and π; uniform panels span at most 3/4 of a period of P_ℓmax. */
    private static final double FIRST_EDGE = 1e-4, GRADED_END = 0.3, RATIO = 2, PERIODS = 0.75;

    /** Hipparchus caches the nodes it computes per factory, so one factory serves every spectrum. */
    private static final GaussIntegratorFactory GAUSS = new GaussIntegratorFactory();

    static ThetaQuadrature of(int d, int ellMax, int nodesPerPanel) {
        double h = Math.min(0.3, 2 * Math.PI * PERIODS / Math.max(ellMax, 1));
        List<Double> left = new ArrayList<>();
        left.add(0.0);
        double e = FIRST_EDGE;
        while (e < GRADED_END && e - left.get(left.size() - 1) <= h) {
            left.add(e);
            e *= RATIO;
        }
        double a = left.get(left.size() - 1), b = Math.PI - a;
        int uniform = (int) Math.ceil((b - a) / h);
        List<Double> edges = new ArrayList<>(left);
        for (int j = 1; j < uniform; j++) {
            edges.add(a + (b - a) * j / uniform);
        }
        for (int j = left.size() - 1; j >= 0; j--) {
            edges.add(Math.PI - left.get(j));
        }
        GaussIntegrator rule = GAUSS.legendre(nodesPerPanel, -1, 1);
        int panels = edges.size() - 1, n = panels * nodesPerPanel;
        double[] th = new double[n], t = new double[n], w = new double[n];
        double cd = SphericalHarmonics.funkHeckeConstant(d);
        for (int p = 0; p < panels; p++) {
            double lo = edges.get(p), hi = edges.get(p + 1), mid = (lo + hi) / 2, half = (hi - lo) / 2;
            for (int q = 0; q < nodesPerPanel; q++) {
                double theta = mid + half * rule.getPoint(q);
                int i = p * nodesPerPanel + q;
                th[i] = theta;
                t[i] = Math.cos(theta);
                w[i] = cd * half * rule.getWeight(q) * Math.pow(Math.sin(theta), d - 2);
            }
        }
        return new ThetaQuadrature(th, t, w, nodesPerPanel);
    }

    int size() {
        return t.length;
    }
}
