package org.widenets.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * 1000-layer networks at variance-preserving scales stay finite and agree with the same recursion run
 * independently on the kink-aware quadrature; where the true kernel leaves double range the result is
 * an ArithmeticException, never ∞ or NaN.
 */
class DeepIterationTest {

    private static final GaussianQuadrature QUAD = GaussianQuadrature.standard();
    private static final double[] X = {0.6, -1.2, 0.9};
    private static final double[] Y = {1.1, 0.4, -0.3};

    @Test
    void reluWithHeScalingPreservesTheVarianceExactlyOver1000Layers() {
        Network net = Mlp.builder().activation(AbRelu.relu()).depth(1000).weightVariance(2).build();
        PairKernel k = net.pair(X, Y);
        double q0 = dot(X, X) / 3, p0 = dot(Y, Y) / 3;
        assertEquals(2 * q0, k.q11(), 1e-12 * q0);
        assertEquals(2 * p0, k.q22(), 1e-12 * p0);
        assertEquals(1001 * 2 * q0, k.ntk11(), 1e-10 * 1001 * q0);
        // Off the diagonal: the same recursion with T and Ṫ from quadrature.
        double[] independent = pairRecursion(AbRelu.relu(), 2, 0, 1000, q0, dot(X, Y) / 3, p0);
        assertEquals(independent[0], k.q12(), 1e-9 * k.q11(), "NNGP");
        assertEquals(independent[1], k.ntk12(), 1e-9 * k.ntk11(), "NTK");
        // Deep ReLU correlation tends to 1 slowly (1 − ρ ~ 1/L²), never beyond.
        assertTrue(k.correlation() > 0.99 && k.correlation() <= 1, "correlation " + k.correlation());
    }

    @Test
    void eluErfAndGeluAtTheirVarianceFixedPointsOver1000Layers() {
        Elu elu = new Elu(1);
        Erf erf = Erf.standard();
        Gelu gelu = new Gelu();
        // σ_w² = 1/E[φ(u)²] at q = 1 makes q* = 1 a fixed point of V(q) = σ_w² E[φ²]; for ELU and erf it
        // attracts (E[φ²]/q decreases). GELU's σ_b = 0 fixed point repels (note P11), so it gets a bias.
        checkDiagonal(elu, 1 / elu.diag(1), 0, 1.0);
        checkDiagonal(erf, 1 / erf.diag(1), 0, 1.0);
        checkDiagonal(gelu, 1.6, 0.2, Double.NaN);
    }

    private static void checkDiagonal(Activation f, double w, double b, double expectedFixedPoint) {
        Network net = Mlp.builder().activation(f).depth(1000).weightVariance(w).biasVariance(b).build();
        PairKernel k = net.pair(X, Y);
        assertTrue(Double.isFinite(k.q12()) && Double.isFinite(k.ntk12()), f.name());
        // Independent scalar recursion of the diagonal with the quadrature.
        double q = w * dot(X, X) / 3 + b, theta = q;
        for (int l = 0; l < 1000; l++) {
            double dot = QUAD.diagDot(f, q);
            q = w * QUAD.diag(f, q) + b;
            theta = q + w * dot * theta;
        }
        assertEquals(q, k.q11(), 1e-10 * q, f.name() + " q");
        assertEquals(theta, k.ntk11(), 1e-9 * theta, f.name() + " Θ");
        // Converged to a fixed point of the closed-form variance map: V(q*) = q*.
        assertEquals(k.q11(), w * f.diag(k.q11()) + b, 1e-12 * k.q11(), f.name() + " V(q*) = q*");
        if (!Double.isNaN(expectedFixedPoint)) {
            assertEquals(expectedFixedPoint, k.q11(), 1e-12, f.name() + " q*");
        }
        // The pair, 60 layers, against the 2-D quadrature recursion.
        PairKernel shallow = Mlp.builder().activation(f).depth(60).weightVariance(w).biasVariance(b).build().pair(X, Y);
        double[] independent = pairRecursion(f, w, b, 60, dot(X, X) / 3, dot(X, Y) / 3, dot(Y, Y) / 3);
        assertEquals(independent[0], shallow.q12(), 1e-9 * shallow.q11(), f.name() + " NNGP");
        assertEquals(independent[1], shallow.ntk12(), 1e-9 * shallow.ntk11(), f.name() + " NTK");
    }

    @Test
    void variancesBeyond1e154ButBelowOverflowAreNotAnError() {
        // σ_w² = 4 doubles the ReLU variance per layer: 2^700 ≈ 5e210 is representable, although
        // q11·q22 is not; the maps scale by a power of two and stay exact.
        Network net = Mlp.builder().activation(AbRelu.relu()).depth(700).weightVariance(4).build();
        PairKernel k = net.pair(X, Y);
        double q0 = dot(X, X) / 3;
        double expected = Math.scalb(4 * q0, 700);
        assertEquals(expected, k.q11(), 1e-12 * expected);
        double rho = k.correlation();
        assertTrue(rho > 0.99 && rho <= 1, "correlation " + rho);
        // The same correlation as at σ_w² = 2 (ReLU is positively homogeneous).
        PairKernel he = Mlp.builder().activation(AbRelu.relu()).depth(700).weightVariance(2).build().pair(X, Y);
        assertEquals(he.correlation(), rho, 1e-12);
        // GELU and erf at q = 1e200: GELU → ReLU, erf → sign (relative corrections O(q^{-1/2})).
        double q = 1e200;
        for (double r : new double[] {-0.9, 0.3, 0.999}) {
            assertEquals(AbRelu.relu().t(q, r * q, q), new Gelu().t(q, r * q, q), 1e-12 * q, "GELU T, rho " + r);
            assertEquals(AbRelu.relu().tDot(q, r * q, q), new Gelu().tDot(q, r * q, q), 1e-12, "GELU Ṫ, rho " + r);
            assertEquals(new Sign().t(q, r * q, q), Erf.standard().t(q, r * q, q), 1e-12, "erf T, rho " + r);
            assertEquals(new RectifiedMonomial(1).t(q, r * q, q), AbRelu.relu().t(q, r * q, q), 1e-14 * q);
        }
    }

    @Test
    void overflowIsAClearArithmeticException() {
        Network exp = Mlp.builder().activation(new Exp(1, 1)).depth(10).build();
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> exp.pair(X, Y));
        assertTrue(e.getMessage().contains("overflow") && e.getMessage().contains("Exp"), e.getMessage());

        Network huge = Mlp.builder().activation(AbRelu.relu()).depth(1000).weightVariance(1e10).build();
        e = assertThrows(ArithmeticException.class, () -> huge.pair(X, Y));
        assertTrue(e.getMessage().contains("overflow") && e.getMessage().contains("Dense"), e.getMessage());

        // ELU's maps stay finite for any finite variance; the growth (σ_w²/2)^L ends in the Dense layer.
        Network elu = Mlp.builder().activation(new Elu(1)).depth(1000).weightVariance(8).build();
        e = assertThrows(ArithmeticException.class, () -> elu.pair(X, Y));
        assertTrue(e.getMessage().contains("overflow"), e.getMessage());
    }

    @Test
    void zeroAndEqualInputsWorkForEveryActivation() {
        double[] zero = new double[3];
        for (Activation f : Activations.builtIns()) {
            Network net = Mlp.builder().activation(f).depth(3).weightVariance(1.5).biasVariance(0.1).build();
            for (PairKernel k : new PairKernel[] {net.pair(zero, X), net.pair(zero, zero), net.pair(X, X)}) {
                assertTrue(Double.isFinite(k.q12()) && Double.isFinite(k.ntk12()), f.name() + " " + k);
            }
            PairKernel same = net.pair(X, X);
            assertEquals(same.q11(), same.q12(), 0, f.name());
        }
    }

    /** (K, Θ) after `depth` Dense→φ blocks and a readout, with T and Ṫ from the quadrature. */
    private static double[] pairRecursion(Activation f, double w, double b, int depth, double q11, double q12, double q22) {
        double k11 = w * q11 + b, k12 = w * q12 + b, k22 = w * q22 + b;
        double t11 = k11, t12 = k12, t22 = k22;
        for (int l = 0; l < depth; l++) {
            double n11 = QUAD.diag(f, k11), n22 = QUAD.diag(f, k22), n12 = QUAD.t(f, k11, k12, k22);
            double d11 = QUAD.diagDot(f, k11), d22 = QUAD.diagDot(f, k22), d12 = QUAD.tDot(f, k11, k12, k22);
            k11 = w * n11 + b;
            k12 = w * n12 + b;
            k22 = w * n22 + b;
            t11 = k11 + w * d11 * t11;
            t12 = k12 + w * d12 * t12;
            t22 = k22 + w * d22 * t22;
        }
        return new double[] {k12, t12};
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
