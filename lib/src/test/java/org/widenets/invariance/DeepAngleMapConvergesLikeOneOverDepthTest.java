package org.widenets.invariance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.widenets.kernel.AbRelu;

/**
 * The deep angle map of shared/papers/weight-invariance.md §2.4: θ = 0 is the only fixed point, and
 * θ_l ≈ C/l with C = 3π(1 + a²)/(1 − a)².
 */
class DeepAngleMapConvergesLikeOneOverDepthTest {

    private static final int DEPTH = 10_000;

    @Test
    void scaledAngleTendsToOneWithinOnePercentByDepthTenThousand() {
        double[] starts = {0.5, Math.PI / 2, Math.PI};
        for (double a : new double[] {0, 0.2, 0.5}) {
            for (double theta0 : starts) {
                if (a == 0.5 && theta0 == 0.5) continue; // see below: the offset l0 ≈ 1/(c·θ0) ≈ 94 layers
                DeepAngles run = AngleMap.leakyRelu(a).iterate(theta0, DEPTH);
                assertEquals(1.0, run.scaledAngle(DEPTH), 0.01, "a = " + a + ", θ0 = " + theta0 + ": " + run);
            }
        }
    }

    @Test
    void smallStartsLagByAboutOneOverCTheta0Layers() {
        // θ_l ≈ 1/(c(l + l0)) with l0 ≈ 1/(c θ0): a start at 0.5 with a = 0.5 is ~94 layers behind,
        // so l·θ_l/C is still ≈ l/(l + l0) ≈ 0.99 at l = 10⁴ and reaches 1 only later.
        AngleMap map = AngleMap.leakyRelu(0.5);
        double l0 = map.rateConstant() / 0.5;
        DeepAngles run = map.iterate(0.5, DEPTH);
        assertEquals(DEPTH / (DEPTH + l0), run.scaledAngle(DEPTH), 0.003);
        assertEquals(1.0, map.iterate(0.5, 10 * DEPTH).scaledAngle(10 * DEPTH), 0.002);
    }

    @Test
    void reproducesTheNotesCheckedAngles() {
        // weight-invariance.md §5.4, ReLU from π/2.
        DeepAngles run = AngleMap.leakyRelu(0).iterate(Math.PI / 2, 1000);
        assertEquals(1.246850, run.theta(1), 1e-6);
        assertEquals(0.512471, run.theta(10), 1e-6);
        assertEquals(0.084605, run.theta(100), 1e-6);
        assertEquals(0.009288, run.theta(1000), 1e-6);
        assertEquals(0.9854, run.scaledAngle(1000), 1e-4);
    }

    @Test
    void oneStepFromOrthogonalAndAntipodalInputs() {
        AngleMap relu = AngleMap.leakyRelu(0);
        assertEquals(Math.acos(1 / Math.PI), relu.next(Math.PI / 2), 1e-15);
        assertEquals(Math.PI / 2, relu.next(Math.PI), 1e-15);
        assertEquals(3 * Math.PI, relu.rateConstant(), 1e-12);
        assertEquals(3 * Math.PI * 1.04 / 0.64, AngleMap.leakyRelu(0.2).rateConstant(), 1e-12);
    }

    @Test
    void zeroIsTheOnlyFixedPointOnZeroToPi() {
        for (double a : new double[] {0, 0.3, 0.9}) {
            AngleMap map = AngleMap.leakyRelu(a);
            assertEquals(0.0, map.next(0.0), 1e-7);
            for (int i = 1; i <= 1000; i++) {
                double theta = Math.PI * i / 1000;
                assertTrue(map.next(theta) < theta, "a = " + a + ", θ = " + theta);
            }
        }
    }

    @Test
    void keepsFullRelativePrecisionOverTenThousandLayers() {
        // An independent, cancellation-free evaluation of the LeakyReLU map:
        // 1 − cos θ' = (1 − cos θ) − k (sin θ − θ cos θ),  k = (1 − a)²/(π(1 + a²)),
        // with 1 − cos θ = 2 sin²(θ/2) and the Taylor series of sin θ − θ cos θ for small θ.
        for (double a : new double[] {0, 0.2}) {
            double k = (1 - a) * (1 - a) / (Math.PI * (1 + a * a));
            double theta = Math.PI / 2;
            DeepAngles run = AngleMap.leakyRelu(a).iterate(theta, DEPTH);
            for (int l = 1; l <= DEPTH; l++) {
                double s = Math.sin(theta / 2);
                double oneMinusCos = 2 * s * s;
                double t2 = theta * theta;
                double sinMinusThetaCos = theta < 0.1
                        ? theta * t2 * (1.0 / 3 - t2 * (1.0 / 30 - t2 * (1.0 / 840 - t2 / 45360)))
                        : Math.sin(theta) - theta * Math.cos(theta);
                double d = oneMinusCos - k * sinMinusThetaCos;
                theta = 2 * Math.asin(Math.sqrt(d / 2));
            }
            assertEquals(theta, run.theta(DEPTH), 1e-6 * theta, "a = " + a);
        }
    }

    @Test
    void rejectsActivationsAndAnglesOutsideItsDomain() {
        assertThrows(IllegalArgumentException.class, () -> new AngleMap(AbRelu.abs()));
        assertThrows(IllegalArgumentException.class, () -> AngleMap.leakyRelu(1));
        assertThrows(IllegalArgumentException.class, () -> AngleMap.leakyRelu(Double.NaN));
        AngleMap relu = AngleMap.leakyRelu(0);
        assertThrows(IllegalArgumentException.class, () -> relu.next(-0.1));
        assertThrows(IllegalArgumentException.class, () -> relu.next(4));
        assertThrows(IllegalArgumentException.class, () -> relu.iterate(Double.NaN, 0));
        assertThrows(IllegalArgumentException.class, () -> relu.iterate(1, -1));
        assertThrows(IllegalArgumentException.class, () -> relu.iterate(1, 5).theta(6));
    }
}
