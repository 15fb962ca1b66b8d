package org.widenets.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ELU over vector lanes ({@link EluBlock}): the block method gives the bits of the pair methods for every
 * entry (on and off the vector route, in blocks of any length and mix of Genz's rules), and the vector
 * route agrees with the scalar Φ₂ route it replaces and with the independent 1-D integral route.
 * The closed-form tests (ClosedFormsAgainstQuadratureTest, EluGeluReferenceTest) run through it too.
 */
class EluBlockTest {

    @BeforeAll
    static void vectorModule() {
        assumeTrue(VectorModule.PRESENT, "needs --add-modules jdk.incubator.vector");
    }

    /** (q12, q22) for a row variance q11: on or off the vector route, of every kind a block must handle. */
    private static double[] entry(Random random, double q11) {
        double q22 = Math.exp(Math.log(0.01) + Math.log(1200) * random.nextDouble());   // 0.01 … 12
        double rho = 2 * random.nextDouble() - 1;
        switch (random.nextInt(12)) {
            case 0 -> rho = 1;                                                          // ρ = ±1: scalar code
            case 1 -> rho = -1;
            case 2 -> rho = Math.signum(rho) * (1 - Math.pow(10, -13 * random.nextDouble()));
            case 3 -> rho = 0.925 + (random.nextDouble() - 0.5) * 1e-9;                   // Genz's branch switch
            case 4 -> rho = Math.signum(rho) * 0.3 * (1 + (random.nextDouble() - 0.5) * 1e-12);
            case 5 -> q22 = random.nextBoolean() ? 0.005 : 40;                           // off the Φ₂ route
            case 6 -> q22 = 0;                                                           // zero variance
            case 7 -> rho = 0;
            case 8 -> q22 = q11;                                                         // x = x′ when ρ = 1
            default -> { }
        }
        return new double[] {rho * Math.sqrt(q11 * q22), q22};
    }

    @Test
    void blockEqualsThePairMethodsBitForBit() {
        Random random = new Random(31);
        for (double alpha : new double[] {1, 0.5, Selu.ALPHA}) {
            Elu elu = new Elu(alpha);
            for (int trial = 0; trial < 60; trial++) {
                double q11 = trial % 7 == 0 ? 0.01 : trial % 7 == 1 ? 12 : Math.exp(Math.log(0.02) + 6 * random.nextDouble());
                int count = trial < 10 ? 1 + trial : 1 + random.nextInt(600);
                int from = random.nextInt(5);
                double[] q22 = new double[from + count], q12 = new double[count], ntk12 = new double[count];
                for (int b = 0; b < count; b++) {
                    double[] e = entry(random, q11);
                    q12[b] = e[0];
                    q22[from + b] = e[1];
                    ntk12[b] = random.nextBoolean() ? 1 : random.nextGaussian();
                }
                assertBlockEqualsPairs(elu, q11, q22, from, q12, ntk12, count, "alpha " + alpha);
            }
        }
    }

    @Test
    void seluBlockEqualsItsPairMethodsBitForBit() {
        Random random = new Random(33);
        Selu selu = new Selu();
        for (int trial = 0; trial < 20; trial++) {
            double q11 = Math.exp(Math.log(0.02) + 6 * random.nextDouble());
            int count = 1 + random.nextInt(300);
            double[] q22 = new double[count], q12 = new double[count], ntk12 = new double[count];
            for (int b = 0; b < count; b++) {
                double[] e = entry(random, q11);
                q12[b] = e[0];
                q22[b] = e[1];
                ntk12[b] = random.nextGaussian();
            }
            assertBlockEqualsPairs(selu, q11, q22, 0, q12, ntk12, count, "SELU");
        }
    }

    @Test
    void blockEqualsThePairMethodsBitForBitAcrossTheRouteBoundaries() {
        // rows of kernel matrices of deep or wide-variance networks: variances from 1e-6 to 900 on both
        // sides of 0.01 and 12, so that one block mixes the Φ₂ route, the integral route over vector lanes
        // (VectorEluIntegrals) and the scalar entries (ρ = ±1, x = x′, zero variance)
        Random random = new Random(34);
        double[] rows = {1e-6, 0.0099, 0.01, 0.7, 11.99, 12, 12.01, 60, 900};
        int integral = 0;
        for (double alpha : new double[] {1, 0.6}) {
            Elu elu = new Elu(alpha);
            for (double q11 : rows) {
                int count = 1 + random.nextInt(200), from = random.nextInt(3);
                double[] q22 = new double[from + count], q12 = new double[count], ntk12 = new double[count];
                for (int b = 0; b < count; b++) {
                    double q = Math.exp(Math.log(1e-6) + Math.log(9e8) * random.nextDouble());
                    double rho = switch (random.nextInt(8)) {
                        case 0 -> Math.signum(random.nextGaussian()) * (1 - Math.pow(10, -12 * random.nextDouble()));
                        case 1 -> 0;
                        case 2 -> 1;
                        case 3 -> {
                            q = q11; // x = x′
                            yield 1;
                        }
                        default -> 2 * random.nextDouble() - 1;
                    };
                    if (random.nextInt(40) == 0) {
                        q = 0;
                    }
                    q22[from + b] = q;
                    q12[b] = rho * Math.sqrt(q11 * q);
                    ntk12[b] = random.nextGaussian();
                    if (Elu.integralVectorRoute(q11, q12[b], q)) {
                        integral++;
                    }
                }
                assertBlockEqualsPairs(elu, q11, q22, from, q12, ntk12, count, "alpha " + alpha);
            }
        }
        assertTrue(integral > 500, "entries on the integral route: " + integral);
    }

    @Test
    void blockEqualsThePairMethodsWhenColumnArraysAreSharedRefilledOrLong() {
        // EluBlock keeps the columns' series per column array: rows sharing an array (kernel matrices),
        // several arrays in turn (a depth sweep), an array refilled in place between calls, one longer than
        // what a thread keeps among its arrays (kept on its own) and one longer still (built per call) must
        // all give the pairs' bits
        Random random = new Random(35);
        Elu elu = new Elu(0.8);
        double[][] arrays = {new double[300], new double[300], new double[(1 << 17) + 500], new double[(1 << 19) + 500]};
        for (int round = 0; round < 32; round++) {
            double[] q22 = arrays[round % arrays.length];
            if (round % 4 == 3 || round < arrays.length) {
                for (int c = 0; c < q22.length; c++) {
                    q22[c] = random.nextInt(10) == 0 ? 40 : Math.exp(Math.log(0.01) + Math.log(1200) * random.nextDouble());
                }
            } else if (round % 4 == 1) {
                q22[random.nextInt(200)] = 0.5 + random.nextDouble(); // one column changed in place
            }
            double q11 = Math.exp(Math.log(0.02) + 6 * random.nextDouble());
            int count = 1 + random.nextInt(250), from = q22.length - count - random.nextInt(40);
            double[] q12 = new double[count], ntk12 = new double[count];
            for (int b = 0; b < count; b++) {
                double rho = random.nextInt(6) == 0 ? Math.signum(random.nextGaussian()) * (1 - 1e-9) : 2 * random.nextDouble() - 1;
                q12[b] = rho * Math.sqrt(q11 * q22[from + b]);
                ntk12[b] = 1;
            }
            assertBlockEqualsPairs(elu, q11, q22, from, q12, ntk12, count, "round " + round);
        }
    }

    @Test
    void vectorRouteAgreesWithTheScalarPhi2Route() {
        // The vector route takes B₁ = e^{q11/2}Φ₂(−s₁, −ρs₁; ρ) and B₂ = e^{q22/2}Φ₂(−ρs₂, −s₂; ρ) from
        // EluOrthantSeries, not from Φ₂. Genz's Φ₂ is good to ≈ 1e-17 absolute, but e^{q/2} (up to 403)
        // scales that to 3e-15 in the scalar route's B's (EluOrthantSeriesTest), so the reference here is
        // the scalar route with B₁ and B₂ replaced by an independent 1-D quadrature (≈ 2e-16): the rest (A,
        // the assembly) must agree to rounding.
        Random random = new Random(32);
        Elu elu = new Elu(1);
        double worstT = 0, worstTDot = 0, worstPlainT = 0;
        for (int i = 0; i < 20_000; i++) {
            double q11 = Math.exp(Math.log(0.01) + Math.log(1200) * random.nextDouble());
            double[] e = entry(random, q11);
            double q12 = e[0], q22 = e[1];
            if (!Elu.vectorRoute(q11, q12, q22)) {
                continue;
            }
            double[] vector = new double[2], scalar = new double[2];
            elu.tAndTDot(q11, q12, q22, vector);
            scalar(elu, q11, q12, q22, scalar);
            // the pieces are O(max(1, q)) and cancel to T = O(q) at small q (Elu's note, pitfall P3): rounding
            // of either route is absolute on the scale of the pieces
            double scale = Math.max(1, Math.sqrt(q11 * q22));
            worstPlainT = Math.max(worstPlainT, Math.abs(vector[0] - scalar[0]) / scale);
            // B₁ enters X₂₁ (−B₁), C₂₁ (−q12·B₁) and D (−B₁): T gains −(αq12 + α²)ΔB₁, Ṫ −αΔB₁ (α = 1);
            // B₂ likewise through X₁₂, C₁₂ and D
            double s1 = Math.sqrt(q11), s2 = Math.sqrt(q22), p = s1 * s2;
            double rho = Math.max(-1, Math.min(1, q12 / p)), r = Math.min(1, Angles.sinTheta(q11, q12, q22) / p);
            double delta = EluOrthantSeriesTest.bByQuadrature(q11, rho, r)
                    - Math.exp(q11 / 2) * BivariateNormal.cdf(-s1, -rho * s1, rho, r)
                    + EluOrthantSeriesTest.bByQuadrature(q22, rho, r)
                    - Math.exp(q22 / 2) * BivariateNormal.cdf(-rho * s2, -s2, rho, r);
            // A (+α²A in T and Ṫ) likewise: the vector route's A (Mehler's series below |ρ| = 0.7, Plackett rules
            // finer than Genz's bands beyond, EluBlock.rule) is more accurate than the scalar route's, whose
            // Genz bands leave up to 4e-11 relative
            double deltaA = EluOrthantSeriesTest.aByQuadrature(q11, q22, rho, r) - Math.exp((q11 + 2 * q12 + q22) / 2)
                    * BivariateNormal.cdf(-(s1 + rho * s2), -(rho * s1 + s2), rho, r);
            worstT = Math.max(worstT, Math.abs(vector[0] - (scalar[0] - (q12 + 1) * delta + deltaA)) / scale);
            worstTDot = Math.max(worstTDot, Math.abs(vector[1] - (scalar[1] - delta + deltaA)));
        }
        System.out.println("ELU vector vs scalar Φ₂ route (A, B₁, B₂ by quadrature): worst |ΔT|/max(1, √(q11 q22)) " + worstT
                + ", |ΔṪ| " + worstTDot + "; with the scalar route's own B's: |ΔT|/… " + worstPlainT);
        assertTrue(worstT <= 2e-15, "T: " + worstT);
        assertTrue(worstTDot <= 2e-15, "Ṫ: " + worstTDot);
    }

    @Test
    void vectorRouteAgreesWithConditionalIntegrals() {
        // the grid of EluGeluReferenceTest.bivariateNormalRouteAgreesWithConditionalIntegrals, now for T and Ṫ
        double[] variances = {0.01, 0.2, 1, 3.3, 12};
        double[] rhos = {-1 + 1e-12, -1 + 1e-8, -0.9999, -0.995, -0.99, -0.925, -0.7, -0.2, 0, 0.35, 0.8, 0.924999,
                0.93, 0.99, 0.995, 0.9999, 1 - 1e-8, 1 - 1e-12};
        for (double alpha : new double[] {1, 0.3}) {
            Elu elu = new Elu(alpha);
            for (double q11 : variances) {
                for (double q22 : variances) {
                    for (double rho : rhos) {
                        double q12 = rho * Math.sqrt(q11 * q22);
                        assertTrue(Elu.vectorRoute(q11, q12, q22));
                        Elu.Pieces t = Elu.Pieces.integrals(q11, q12, q22);
                        double expectedT = AbRelu.relu().t(q11, q12, q22) + alpha * (t.c12() + t.c21()) + alpha * alpha * t.d();
                        double expectedTDot = AbRelu.relu().tDot(q11, q12, q22) + alpha * (t.x12() + t.x21()) + alpha * alpha * t.a();
                        String at = alpha + ": " + q11 + ", " + q12 + ", " + q22;
                        assertEquals(expectedT, elu.t(q11, q12, q22), 3e-13 * Math.sqrt(q11 * q22), "T at " + at);
                        assertEquals(expectedTDot, elu.tDot(q11, q12, q22), 3e-14, "Ṫ at " + at);
                    }
                }
            }
        }
    }

    @Test
    void badEntriesInABlockThrowAsThePairMethodDoes() {
        Elu elu = new Elu(1);
        double[] q22 = {1, 1, 1};
        assertThrows(IllegalArgumentException.class,
                () -> elu.tAndTDot(1, q22, 0, new double[] {0.5, 1.5, 0.2}, new double[3], 3));
        assertThrows(IllegalArgumentException.class,
                () -> elu.tAndTDot(1, q22, 0, new double[] {0.5, Double.NaN, 0.2}, new double[3], 3));
        assertThrows(IllegalArgumentException.class,
                () -> elu.tAndTDot(1, new double[] {1, -1, 1}, 0, new double[] {0.5, 0, 0.2}, new double[3], 3));
    }

    /**
     * Runs f's block method on the entries (q12, ntk12 updated in place) and asserts that every entry has
     * the bits of f's pair methods: T, Θ·Ṫ, and t(), tDot() alike.
     */
    static void assertBlockEqualsPairs(Activation f, double q11, double[] q22, int from, double[] q12, double[] ntk12,
                                       int count, String context) {
        double[] inQ12 = q12.clone(), inNtk = ntk12.clone(), pair = new double[2];
        f.tAndTDot(q11, q22, from, q12, ntk12, count);
        for (int b = 0; b < count; b++) {
            double x = inQ12[b], q = q22[from + b];
            String at = context + ", (" + q11 + ", " + x + ", " + q + ")";
            f.tAndTDot(q11, x, q, pair);
            assertEquals(pair[0], q12[b], 0.0, "T " + at);
            assertEquals(inNtk[b] * pair[1], ntk12[b], 0.0, "Θ " + at);
            assertEquals(pair[0], f.t(q11, x, q), 0.0, "t() " + at);
            assertEquals(pair[1], f.tDot(q11, x, q), 0.0, "tDot() " + at);
        }
    }

    /** The scalar Φ₂ route, as Elu computes it without the Vector API. */
    static void scalar(Elu elu, double q11, double q12, double q22, double[] out) {
        Elu.Pieces p = Elu.Pieces.bvn(q11, q12, q22);
        AbRelu.relu().tAndTDot(q11, q12, q22, out);
        double alpha = elu.alpha();
        out[0] = out[0] + alpha * (p.c12() + p.c21()) + alpha * alpha * p.d();
        out[1] = out[1] + alpha * (p.x12() + p.x21()) + alpha * alpha * p.a();
    }
}
