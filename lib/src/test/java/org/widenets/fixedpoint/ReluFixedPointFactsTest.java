package org.widenets.fixedpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.widenets.kernel.AbRelu;
import org.widenets.kernel.Activation;
import org.widenets.kernel.InputScaling;
import org.widenets.kernel.Mlp;
import org.widenets.kernel.PairKernel;

/**
 * The ReLU facts of shared/papers/elu-gelu-kernels.md §4.2, which are exact: without bias only ρ = 1 is
 * fixed, χ₁ = 1; with bias q* = σ_b²/(1 − σ_w²/2) and χ₁ = σ_w²/2.
 */
class ReluFixedPointFactsTest {

    private final Activation relu = AbRelu.relu();

    /** ReLU's correlation map C(ρ) = (√(1−ρ²) + (π − arccos ρ)ρ)/π, written independently of the kernel code. */
    private static double reluCorrelationMap(double rho) {
        return (Math.sqrt(1 - rho * rho) + (Math.PI - Math.acos(rho)) * rho) / Math.PI;
    }

    @Test
    void withoutBiasOnlyRhoOneIsFixedAndItIsMarginal() {
        for (double w : new double[] {0.5, 1.5, 2, 3}) {
            for (double q : new double[] {1e-6, 0.3, 1, 40}) {
                CorrelationFixedPoints f = CorrelationFixedPoints.find(KernelMap.of(relu, w, 0), q);
                assertEquals(1, f.points().size(), () -> "σ_w² = " + w + ", q = " + q + ": " + f);
                assertEquals(1.0, f.trivial().rho());
                assertEquals(1.0, f.chi1(), 1e-15);
                assertEquals(Stability.MARGINAL, f.trivial().stability());
                assertTrue(f.trivialAttracts(), "C(ρ) > ρ below 1: ρ → 1 algebraically");
                assertFalse(f.identity());
            }
        }
    }

    @Test
    void correlationMapAndSlopeMatchTheArcCosineFormula() {
        KernelMap map = KernelMap.of(relu, 1.7, 0);
        for (double rho : new double[] {-1, -0.6, 0, 0.3, 0.99}) {
            assertEquals(reluCorrelationMap(rho), map.correlation(rho, 2.5), 1e-14);
            // C′(ρ) = (π − arccos ρ)/π for ReLU at σ_b = 0.
            assertEquals((Math.PI - Math.acos(rho)) / Math.PI, map.correlationSlope(rho, 2.5), 1e-14);
        }
    }

    @Test
    void withBiasTheVarianceFixedPointAndChiOneAreClosedForm() {
        for (double w : new double[] {0.5, 1.0, 1.5, 1.9}) {
            for (double b : new double[] {0.1, 0.5, 2}) {
                double qStar = b / (1 - w / 2);
                KernelMap map = KernelMap.of(relu, w, b);
                VarianceFate fate = VarianceDynamics.of(map).fate(3.0);
                VarianceFate.ToFixedPoint fixed = assertInstanceOf(VarianceFate.ToFixedPoint.class, fate);
                assertTrue(fixed.reached());
                assertEquals(qStar, fixed.fixedPoint().q(), 1e-13 * qStar);
                assertEquals(w / 2, fixed.fixedPoint().slope(), 1e-9);
                assertEquals(Stability.ATTRACTING, fixed.fixedPoint().stability());
                List<VarianceFixedPoint> all = VarianceDynamics.of(map).fixedPoints();
                assertEquals(1, all.size());
                assertEquals(qStar, all.get(0).q(), 1e-13 * qStar);

                CorrelationFixedPoints c = CorrelationFixedPoints.find(map, qStar);
                assertEquals(1, c.points().size(), c::toString);
                assertEquals(w / 2, c.chi1(), 1e-14);
                assertEquals(Stability.ATTRACTING, c.trivial().stability());
            }
        }
    }

    @Test
    void varianceRegimesAreReportedNotThrown() {
        VarianceFate down = VarianceDynamics.of(KernelMap.of(relu, 1.5, 0)).fate(4.0);
        VarianceFate.ToZero zero = assertInstanceOf(VarianceFate.ToZero.class, down);
        assertEquals(0.75, zero.ratio(), 1e-14);
        assertTrue(zero.leftRange());

        VarianceFate up = VarianceDynamics.of(KernelMap.of(relu, 3, 0.2)).fate(4.0, 10_000);
        VarianceFate.ToInfinity inf = assertInstanceOf(VarianceFate.ToInfinity.class, up);
        assertTrue(Double.isFinite(inf.variance()));
        assertEquals(1.5, inf.ratio(), 0.01);

        // σ_w² = 2 with a bias: q grows by σ_b² per layer, linearly; 10⁴ layers stay finite and the
        // answer is still "to infinity", because no fixed point lies above.
        VarianceFate linear = VarianceDynamics.of(KernelMap.of(relu, 2, 0.1)).fate(1.0, 10_000);
        VarianceFate.ToInfinity slow = assertInstanceOf(VarianceFate.ToInfinity.class, linear);
        assertFalse(slow.leftRange());
        assertEquals(1.0 + 0.1 * 10_000, slow.variance(), 1e-8);

        // σ_w² = 2, no bias: every variance is kept.
        VarianceDynamics he = VarianceDynamics.of(KernelMap.of(relu, 2, 0));
        assertTrue(he.preservesEveryVariance());
        VarianceFate.ToFixedPoint kept = assertInstanceOf(VarianceFate.ToFixedPoint.class, he.fate(7.0));
        assertEquals(7.0, kept.fixedPoint().q());
        assertEquals(Stability.MARGINAL, kept.fixedPoint().stability());
        assertEquals(0.0, ((VarianceFate.ToZero) VarianceDynamics.of(KernelMap.of(relu, 1, 0)).fate(0)).variance());
    }

    @Test
    void normPreservingScaleIsRootTwoForEveryNorm() {
        for (double norm : new double[] {0.01, 0.5, 1, 5, 8}) {
            NormPreservingScale s = NormPreservingScale.find(relu, norm).orElseThrow();
            assertEquals(Math.sqrt(2), s.sigma(), 1e-14);
            double[] theta = {0, 0.7, Math.PI / 2, 3.0, Math.PI};
            double[] lambda3 = s.lambda3(theta);
            for (int i = 0; i < theta.length; i++) {
                assertEquals((Math.PI - theta[i]) / Math.PI, lambda3[i], 1e-13, "λ₃ at θ = " + theta[i]);
            }
        }
    }

    @Test
    void jacobianEigenvaluesAreTheVarianceSlopesAndLambdaThree() {
        double w = 1.6, b = 0.3, qStar = b / (1 - w / 2), rho = 0.4;
        MapJacobian j = KernelMap.of(relu, w, b).jacobian(qStar, rho * qStar, qStar);
        double lambda3 = w * (Math.PI - Math.acos(rho)) / (2 * Math.PI);
        double[] ev = j.eigenvalues();
        assertEquals(3, ev.length);
        double[] expected = {w / 2, w / 2, lambda3};
        java.util.Arrays.sort(expected);
        assertEquals(expected[2], ev[0], 1e-9);
        assertEquals(expected[1], ev[1], 1e-9);
        assertEquals(expected[0], ev[2], 1e-9);
        // ∂T/∂q11 of ReLU at fixed q12, from the arc-cosine formula by an independent central difference.
        double h = 1e-5;
        double d11 = (relu.t(qStar + h, rho * qStar, qStar) - relu.t(qStar - h, rho * qStar, qStar)) / (2 * h);
        assertEquals(w * d11, j.entry(1, 0), 1e-8);
        assertEquals(w * d11, j.entry(1, 2), 1e-8);
    }

    @Test
    void trajectoryAgreesWithTheKernelEnginesMlp() {
        double[] x = {0.6, -0.8}, y = {1.0, 0.4};
        KernelMap map = KernelMap.of(relu, 1.8, 0.2);
        DepthTrajectory t = DepthTrajectory.of(map, x, y, InputScaling.SUM, 6);
        assertEquals(DepthTrajectory.End.COMPLETED, t.end());
        // An L-hidden-layer Mlp's output is the pre-activation of layer L + 1.
        PairKernel k = Mlp.builder().activation(relu).depth(5).weightVariance(1.8).biasVariance(0.2)
                .inputScaling(InputScaling.SUM).build().pair(x, y);
        assertEquals(k.q12(), t.layer(6).q12(), 1e-13);
        assertEquals(k.q11(), t.layer(6).q11(), 1e-13);
        assertEquals(6, t.table().rowCount());
    }

    @Test
    void deepTrajectoriesStayFiniteOrSayWhereTheVarianceWent() {
        double[] x = {1, 0}, y = {0.6, 0.8};
        DepthTrajectory down = DepthTrajectory.of(KernelMap.of(relu, 1.5, 0), x, y, InputScaling.SUM, 10_000);
        assertEquals(DepthTrajectory.End.VARIANCE_TO_ZERO, down.end());
        DepthTrajectory up = DepthTrajectory.of(KernelMap.of(relu, 2.5, 0), x, y, InputScaling.SUM, 10_000);
        assertEquals(DepthTrajectory.End.VARIANCE_TO_INFINITY, up.end());
        DepthTrajectory kept = DepthTrajectory.of(KernelMap.of(relu, 2, 0), x, y, InputScaling.SUM, 10_000);
        assertEquals(DepthTrajectory.End.COMPLETED, kept.end());
        assertEquals(10_000, kept.depth());
        // Algebraic approach to ρ = 1: 1 − ρ ~ c/l², still below 1 but close at l = 10⁴.
        double last = kept.correlation(10_000);
        assertTrue(last < 1 && last > 1 - 1e-6, "ρ at depth 10⁴ = " + last);
        assertTrue(kept.correlation(100) < last);
    }

    @Test
    void badArgumentsAreNamed() {
        KernelMap map = KernelMap.of(relu, 2, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> map.correlation(1.2, 1));
        assertTrue(e.getMessage().contains("rho"));
        assertThrows(IllegalArgumentException.class, () -> KernelMap.of(relu, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> map.correlation(0.5, 0));
        assertThrows(IllegalArgumentException.class, () -> NormPreservingScale.find(relu, 0));
        assertThrows(IllegalArgumentException.class, () -> VarianceDynamics.of(map).fate(Double.NaN));
    }
}
