package org.widenets.fixedpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.widenets.fixedpoint.NormPreservingFixedPointTableTest.assertPrinted;

import org.junit.jupiter.api.Test;
import org.widenets.kernel.Gelu;
import org.widenets.kernel.InputScaling;

/** GELU's variance and correlation dynamics as computed in shared/papers/elu-gelu-kernels.md §4.3 and §5.2. */
class GeluDynamicsTest {

    private final Gelu gelu = new Gelu();

    @Test
    void theVarianceFixedPointAboveTwoIsARepellingThreshold() {
        // σ_w² = 2.5, no bias: q¹ = 0.5 → 0, q¹ = 5 → ∞ (§4.3).
        VarianceDynamics d = VarianceDynamics.of(KernelMap.of(gelu, 2.5, 0));
        assertInstanceOf(VarianceFate.ToZero.class, d.fate(0.5));
        assertInstanceOf(VarianceFate.ToInfinity.class, d.fate(5));
        assertEquals(1, d.fixedPoints().size(), d.fixedPoints()::toString);
        VarianceFixedPoint threshold = d.fixedPoints().get(0);
        assertTrue(threshold.q() > 0.5 && threshold.q() < 5);
        assertEquals(Stability.REPELLING, threshold.stability());
        // Below σ_w² = 2 there is no positive fixed point and q → 0 from anywhere in range.
        VarianceDynamics small = VarianceDynamics.of(KernelMap.of(gelu, 1.9, 0));
        assertTrue(small.fixedPoints().isEmpty());
        assertInstanceOf(VarianceFate.ToZero.class, small.fate(1e6));
    }

    @Test
    void aBiasRestoresTheDegenerateFixedPoint() {
        // σ_w² = 1.5, σ_b² = 0.5: q* = 1.53086, χ₁ = 0.7180, ρ = 1 the only fixed point (§4.3).
        KernelMap map = KernelMap.of(gelu, 1.5, 0.5);
        VarianceFate.ToFixedPoint f = assertInstanceOf(VarianceFate.ToFixedPoint.class,
                VarianceDynamics.of(map).fate(1.0));
        assertPrinted("1.53086", f.fixedPoint().q(), "q*");
        CorrelationFixedPoints c = CorrelationFixedPoints.find(map, f.fixedPoint().q());
        assertPrinted("0.7180", c.chi1(), "χ₁");
        assertEquals(1, c.points().size(), c::toString);
        assertTrue(c.trivialAttracts());
    }

    @Test
    void figureTwoSettingVanishesAndFreezesCorrelations() {
        // σ_w = 1.2, ‖x‖ = 1: q goes 1.44, 0.92, …, 3e-6 at layer 16 (§4.3).
        KernelMap map = KernelMap.of(gelu, 1.44, 0);
        double[] x = {1, 0};
        DepthTrajectory t = DepthTrajectory.of(map, x, x, InputScaling.SUM, 16);
        assertEquals(1.44, t.layer(1).q11(), 1e-15);
        assertPrinted("0.92", t.layer(2).q11(), "q²");
        assertPrinted("3e-6", t.layer(16).q11(), "q¹⁶");
        PhasePoint p = PhaseDiagram.point(map, 1, 10_000, 100);
        assertEquals(CorrelationRegime.FROZEN, p.regime(), p::toString);
        // Two angles keep different correlations however deep.
        DepthTrajectory a = DepthTrajectory.of(map, x, new double[] {Math.cos(1), Math.sin(1)}, InputScaling.SUM, 10_000);
        DepthTrajectory b = DepthTrajectory.of(map, x, new double[] {Math.cos(2), Math.sin(2)}, InputScaling.SUM, 10_000);
        assertEquals(DepthTrajectory.End.VARIANCE_TO_ZERO, a.end());
        assertTrue(a.correlation(a.depth()) - b.correlation(b.depth()) > 0.1);
    }

    @Test
    void jacobianAtTheSymmetricFixedPointHasEigenvaluesVPrimeTwiceAndCPrimeOfRhoStar() {
        // ‖x‖ = 1 row of the table: V′(q*) = 1.0836, C′(ρ*) = 0.94549.
        NormPreservingAnalysis a = NormPreservingAnalysis.of(gelu, 1).orElseThrow();
        double rho = a.rhoStar().orElseThrow().rho();
        MapJacobian j = a.scale().map().jacobian(a.qStar(), rho * a.qStar(), a.qStar());
        double[] ev = j.eigenvalues();
        assertPrinted("1.0836", ev[0], "λ₁");
        assertPrinted("1.0836", ev[1], "λ₂");
        assertPrinted("0.94549", ev[2], "λ₃");
        // The full map at (q*, ρ*q*, q*) is a fixed point of M.
        var next = a.scale().map().apply(org.widenets.kernel.PairKernel.ofCovariance(a.qStar(), rho * a.qStar(), a.qStar()));
        assertEquals(rho * a.qStar(), next.q12(), 1e-10);
        assertEquals(a.qStar(), next.q11(), 1e-10);
    }

    @Test
    void atTheNormPreservingScaleAPerturbedNormDrifts() {
        // Pitfall P11: V′(q*) > 1, so a 1 % larger input norm leaves q* and grows without bound.
        NormPreservingAnalysis a = NormPreservingAnalysis.of(gelu, 1).orElseThrow();
        VarianceDynamics d = VarianceDynamics.of(a.scale().map());
        assertInstanceOf(VarianceFate.ToInfinity.class, d.fate(1.01 * a.qStar()));
        assertInstanceOf(VarianceFate.ToZero.class, d.fate(0.99 * a.qStar()));
    }
}
