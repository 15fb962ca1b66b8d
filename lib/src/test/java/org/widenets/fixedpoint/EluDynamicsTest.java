package org.widenets.fixedpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.widenets.fixedpoint.NormPreservingFixedPointTableTest.assertPrinted;

import org.junit.jupiter.api.Test;
import org.widenets.kernel.Elu;
import org.widenets.kernel.InputScaling;

/** ELU's dynamics (shared/papers/elu-gelu-kernels.md §4.3, §5.3) and its finite-width mirror (Figure 3). */
class EluDynamicsTest {

    private final Elu elu = new Elu(1.0);

    @Test
    void varianceVanishesSettlesOrDivergesWithTheWeightVariance() {
        // No bias: σ_w² < 1 → 0, 1 < σ_w² < 2 → attracting q*, σ_w² ≥ 2 → ∞; 10⁴ layers, no NaN.
        assertInstanceOf(VarianceFate.ToZero.class, VarianceDynamics.of(KernelMap.of(elu, 0.8, 0)).fate(1, 10_000));
        VarianceFate.ToFixedPoint f = assertInstanceOf(VarianceFate.ToFixedPoint.class,
                VarianceDynamics.of(KernelMap.of(elu, 1.5, 0)).fate(1, 10_000));
        assertPrinted("0.740075", f.fixedPoint().q(), "q* at σ_w² = 1.5");
        assertEquals(Stability.ATTRACTING, f.fixedPoint().stability());
        VarianceFate.ToInfinity inf = assertInstanceOf(VarianceFate.ToInfinity.class,
                VarianceDynamics.of(KernelMap.of(elu, 2.5, 0)).fate(1, 10_000));
        assertTrue(Double.isFinite(inf.variance()) && inf.ratio() > 1);
        // σ_w² = 2 exactly: V(q)/q → 1 from above, q → ∞ slowly; the answer is still typed and finite.
        VarianceFate edge = VarianceDynamics.of(KernelMap.of(elu, 2.0, 0)).fate(1, 10_000);
        assertInstanceOf(VarianceFate.ToInfinity.class, edge, edge::toString);
        assertTrue(Double.isFinite(edge.variance()));
    }

    @Test
    void pairTrajectoriesToDepthTenThousandStayFiniteOrSayWhereTheVarianceWent() {
        double[] x = {1, 0}, y = {Math.cos(2), Math.sin(2)};
        Object[][] cases = {{elu, 0.8, DepthTrajectory.End.VARIANCE_TO_ZERO}, {elu, 1.5, DepthTrajectory.End.COMPLETED},
                {elu, 2.5, DepthTrajectory.End.VARIANCE_TO_INFINITY},
                {new org.widenets.kernel.Gelu(), 2.5, DepthTrajectory.End.VARIANCE_TO_INFINITY}};
        for (Object[] c : cases) {
            DepthTrajectory t = DepthTrajectory.of(KernelMap.of((org.widenets.kernel.Activation) c[0], (Double) c[1], 0),
                    x, new double[] {3 * y[0], 3 * y[1]}, InputScaling.SUM, 10_000);
            assertEquals(c[2], t.end(), t::toString);
            for (int l = 1; l <= t.depth(); l++) {
                assertTrue(Double.isFinite(t.layer(l).q12()) && Double.isFinite(t.postActivationCorrelation(l)));
            }
        }
        // σ_w² = 1.5 settles at ρ* = 0.571956 (§4.3) after 10⁴ layers, for inputs of different norms too.
        DepthTrajectory settled = DepthTrajectory.of(KernelMap.of(elu, 1.5, 0), x, new double[] {3 * y[0], 3 * y[1]},
                InputScaling.SUM, 10_000);
        assertPrinted("0.571956", settled.correlation(10_000), "ρ at depth 10⁴");
    }

    @Test
    void nontrivialCorrelationFixedPointsWithoutBiasAndDegenerateOnesWithBias() {
        // σ_w² = 1.2: q* = 0.075490, χ₁ = 1.0066, ρ* = 0.446981; σ_w² = 1.5: χ₁ = 1.0312, ρ* = 0.571956.
        String[][] rows = {{"1.2", "0.075490", "1.0066", "0.446981"}, {"1.5", "0.740075", "1.0312", "0.571956"}};
        for (String[] r : rows) {
            KernelMap map = KernelMap.of(elu, Double.parseDouble(r[0]), 0);
            VarianceFate.ToFixedPoint f = assertInstanceOf(VarianceFate.ToFixedPoint.class,
                    VarianceDynamics.of(map).fate(1.0));
            assertPrinted(r[1], f.fixedPoint().q(), "q*");
            CorrelationFixedPoints c = CorrelationFixedPoints.find(map, f.fixedPoint().q());
            assertPrinted(r[2], c.chi1(), "χ₁");
            assertEquals(1, c.nontrivial().size(), c::toString);
            assertPrinted(r[3], c.nontrivial().get(0).rho(), "ρ*");
            assertEquals(Stability.ATTRACTING, c.nontrivial().get(0).stability());
        }
        // σ_w² = 1.5, σ_b² = 0.1: q* = 1.43904, χ₁ = 0.9691, ρ = 1 the only fixed point.
        KernelMap biased = KernelMap.of(elu, 1.5, 0.1);
        double q = ((VarianceFate.ToFixedPoint) VarianceDynamics.of(biased).fate(1.0)).fixedPoint().q();
        assertPrinted("1.43904", q, "q*");
        CorrelationFixedPoints c = CorrelationFixedPoints.find(biased, q);
        assertPrinted("0.9691", c.chi1(), "χ₁");
        assertEquals(1, c.points().size(), c::toString);
    }

    @Test
    void nearWeightVarianceTwoABiasDoesNotRestoreTheDegenerateFixedPoint() {
        // The note saw χ₁ < 1 with bias for σ_w² ∈ {1.2, 1.5}; closer to 2 the fixed variance is large and
        // χ₁ = σ_w²(1/2 + e^{2q}Φ(−2√q)) exceeds 1. Reference: 30-digit mpmath root of σ_w² E[ψ(u)²] + σ_b² = q
        // for σ_w² = 1.9, σ_b² = 0.5: q* = 24.6252548483588, χ₁ = 1.02562074303224.
        KernelMap map = KernelMap.of(elu, 1.9, 0.5);
        VarianceFate.ToFixedPoint f = assertInstanceOf(VarianceFate.ToFixedPoint.class, VarianceDynamics.of(map).fate(1.0));
        assertEquals(24.6252548483588, f.fixedPoint().q(), 1e-9);
        CorrelationFixedPoints c = CorrelationFixedPoints.find(map, f.fixedPoint().q());
        assertEquals(1.02562074303224, c.chi1(), 1e-11);
        assertEquals(CorrelationRegime.RHO_ONE_REPELS, PhaseDiagram.point(map, 1, 10_000, 200).regime());
        assertEquals(1, c.nontrivial().size(), c::toString);
    }

    @Test
    void seluWithDivergingVarianceIsReluLikeInTheLimit() {
        // SELU's χ₁ − 1 = O(q^{-1/2}) with a large constant (α² e^{2q}Φ(−2√q)), so χ₁ > 1 at every finite q,
        // but along the trajectory the excess decays geometrically and the ReLU-like limit map wins.
        PhasePoint p = PhaseDiagram.point(KernelMap.of(new org.widenets.kernel.Selu(), 2.5, 0.5), 1, 10_000, 200);
        assertInstanceOf(VarianceFate.ToInfinity.class, p.fate());
        assertTrue(p.chi1() > 1);
        assertEquals(CorrelationRegime.RHO_ONE_ATTRACTS, p.regime(), p::toString);
    }

    @Test
    void figureThreeVarianceStaysAtItsFixedPoint() {
        // σ_w = 1.4023779627897333 = σ*(5): q = 49.1666 in every one of the 32 layers.
        double s = 1.4023779627897333;
        assertEquals(s, NormPreservingScale.find(elu, 5).orElseThrow().sigma(), 1e-12);
        DepthTrajectory t = DepthTrajectory.of(KernelMap.of(elu, s * s, 0), new double[] {5, 0},
                new double[] {5 * Math.cos(2), 5 * Math.sin(2)}, InputScaling.SUM, 32);
        for (int l = 1; l <= 32; l++) assertPrinted("49.1666", t.layer(l).q11(), "q at layer " + l);
    }

    @Test
    void finiteNetworksFollowTheFigureThreeCurvesWithinMonteCarloError() {
        // Figure 3's setting (‖x‖ = 5, σ_w = σ*(5), 32 layers, layers 1 … 32) at width 256 instead of 3000:
        // the mean over 12 seeded networks is within 4 standard errors of the infinite-width curve.
        double s = 1.4023779627897333;
        double worst = FiniteWidthMirrorTest.assertMirrorsTheKernel(elu, s * s, 0, 5, 32, new int[] {1, 2, 4, 8, 16, 32},
                new double[] {0.3, 1.2, 2.5}, 256, 12);
        assertTrue(worst > 0.05, "suspiciously perfect agreement: " + worst + " SE");
    }
}
