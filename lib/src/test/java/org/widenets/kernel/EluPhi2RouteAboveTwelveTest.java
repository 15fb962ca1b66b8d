package org.widenets.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ELU's vector Φ₂ route above the scalar one's bound, 12 &lt; max(q11, q22) ≤ 24 ({@link Elu#useBvn}):
 * T and Ṫ against the independent conditional-integral route ({@link VectorEluIntegrals}, within ≈ 1e-15
 * of mpmath) at every Genz rule, both signs of ρ and up to ±(1 − 1e-14), including the worst places
 * (ρ ≈ −½, where Plackett's sum cancels against Φ(−h)Φ(−k) in A; ρ just above 0.925, the expansion
 * branch) and the band 0.1 ≤ |ρ| &lt; 0.3, where Genz's 6-point rule would be off by up to 3e-10 in Ṫ
 * ({@link EluBlock#rule} takes 8 points there above small q). And the block method gives the pair
 * methods' bits on such rows.
 */
class EluPhi2RouteAboveTwelveTest {

    @BeforeAll
    static void vectorModule() {
        assumeTrue(VectorModule.PRESENT, "needs --add-modules jdk.incubator.vector");
    }

    private static final double[] VARIANCES = {0.01, 0.7, 6, 12, 12.5, 14, 17, 20, 22.5, 24};

    /** ρ at every rule and its thresholds, densely around −½ and above 0.925, up to ±(1 − 1e-14). */
    private static List<Double> correlations() {
        List<Double> rhos = new ArrayList<>(List.of(-1 + 1e-14, -1 + 1e-10, -1 + 1e-6, -0.999, -0.97, -0.9251,
                -0.925, -0.9249, -0.85, -0.75, -0.7499, -0.3, -0.0999, -0.05, 0.0, 0.05, 0.0999, 0.3, 0.3001, 0.45,
                0.7499, 0.75, 0.85, 0.924999, 0.925, 0.93, 0.99, 0.9999, 1 - 1e-8, 1 - 1e-14));
        for (int i = 0; i <= 40; i++) {
            rhos.add(-0.7 + 0.4 * i / 40);   // −0.7 … −0.3: A's cancellation, worst near −½
            rhos.add(0.1 + 0.2 * i / 40);    // 0.1 … 0.3: where six points fall short as q grows
            rhos.add(-0.1 - 0.2 * i / 40);
            rhos.add(0.925 + 0.05 * i / 40); // the expansion branch's least accurate end
        }
        return rhos;
    }

    @Test
    void tAndTDotAgreeWithTheConditionalIntegrals() {
        // tolerances from the measured worst over a finer grid (notes in Elu): T/√(diag·diag) 8e-15 at
        // α = 1, 5.4e-14 at α = 3; Ṫ relative 1.4e-13 at α = 1, 3.5e-13 at SELU's α, 8.5e-13 at α = 3 (the
        // integral route: 4e-16; the floor is ρ < 0, where Plackett's sum cancels against the tail term
        // whatever the rule); Genz's 6-point rule in 0.1 ≤ |ρ| < 0.3 would give 3e-10, and EluBlock.rule's
        // bands for q ≤ 12 used above 12 up to 3e-13 at ρ = −0.4
        int onRoute = 0;
        for (double alpha : new double[] {1, Selu.ALPHA, 3}) {
            Elu elu = new Elu(alpha);
            double tTolerance = alpha == 1 ? 1.5e-14 : 1e-13, tDotTolerance = alpha == 1 ? 2e-13 : 1e-12;
            double worstT = 0, worstTDot = 0;
            double[] out = new double[2], expected = new double[2];
            for (double q11 : VARIANCES) {
                for (double q22 : VARIANCES) {
                    if (Math.max(q11, q22) <= 12) {
                        continue;
                    }
                    for (double rho : correlations()) {
                        double q12 = rho * Math.sqrt(q11 * q22);
                        if (Elu.vectorRoute(q11, q12, q22)) {
                            onRoute++;
                        }
                        Elu.Pieces p = VectorEluIntegrals.pieces(q11, q12, q22);
                        AbRelu.relu().tAndTDot(q11, q12, q22, expected);
                        double t = expected[0] + alpha * (p.c12() + p.c21()) + alpha * alpha * p.d();
                        double tDot = expected[1] + alpha * (p.x12() + p.x21()) + alpha * alpha * p.a();
                        elu.tAndTDot(q11, q12, q22, out);
                        double scale = Math.sqrt(elu.diag(q11) * elu.diag(q22));
                        String at = "alpha " + alpha + " at " + q11 + ", " + q12 + ", " + q22;
                        assertEquals(t, out[0], tTolerance * scale, "T " + at);
                        assertEquals(tDot, out[1], tDotTolerance * tDot, "Ṫ " + at);
                        worstT = Math.max(worstT, Math.abs(out[0] - t) / scale);
                        worstTDot = Math.max(worstTDot, Math.abs(out[1] - tDot) / tDot);
                    }
                }
            }
            System.out.println("ELU(" + alpha + ") Φ₂ route above 12 vs conditional integrals: T / scale " + worstT
                    + ", Ṫ relative " + worstTDot);
        }
        assertTrue(onRoute > 3000, "entries on the vector Φ₂ route: " + onRoute);
    }

    @Test
    void theRouteReachesTwentyFourButNotRhoOne() {
        for (double q : new double[] {12.01, 17, 24}) {
            for (double rho : new double[] {0.0999, 0.1, 0.15, 0.25, 0.2999, 0.3001, -0.1, -0.2999, -0.5, 0.999}) {
                assertTrue(Elu.vectorRoute(q, rho * q, q), q + " " + rho);
            }
            assertTrue(!Elu.vectorRoute(q, q, q) && !Elu.vectorRoute(q, -q, q), "ρ = ±1 at " + q);
        }
        // above 24 nothing is on it
        assertTrue(!Elu.vectorRoute(24.01, 0.5 * 24.01, 24.01) && !Elu.vectorRoute(24.01, 0, 1));
        // ρ = ±1 exactly above 12 (q11q22 = q12² exactly: the scalar integrals) against the vector Φ₂ route
        // at ρ = ±(1 − 1e-14): T and Ṫ are Lipschitz in q12 for α = 1 (dT/dq12 = Ṫ ≤ 1, dṪ/dq12 = E[φ″φ″])
        Elu elu = new Elu(1);
        for (double sign : new double[] {1, -1}) {
            double q12 = sign * 18; // s₁ = 4, s₂ = 4.5
            assertTrue(!Elu.vectorRoute(16, q12, 20.25) && Elu.vectorRoute(16, q12 * (1 - 1e-14), 20.25));
            assertEquals(elu.t(16, q12 * (1 - 1e-14), 20.25), elu.t(16, q12, 20.25), 1e-12 * 18, "T at ρ = " + sign);
            assertEquals(elu.tDot(16, q12 * (1 - 1e-14), 20.25), elu.tDot(16, q12, 20.25), 1e-12, "Ṫ at ρ = " + sign);
        }
    }

    @Test
    void blockEqualsThePairMethodsBitForBitAboveTwelve() {
        // rows above 12 whose columns span 0.01 … 30, with Genz's 6-point band, ρ = ±1, 0, x = x′ and zero
        // variances mixed in; each column array is passed twice (its series kept) and then refilled
        Random random = new Random(61);
        for (double alpha : new double[] {1, Selu.ALPHA}) {
            Elu elu = new Elu(alpha);
            for (int trial = 0; trial < 24; trial++) {
                double q11 = trial % 6 == 0 ? 24 : trial % 6 == 1 ? 12.000001 : 12 + 12 * random.nextDouble();
                int count = trial < 6 ? 1 + trial : 1 + random.nextInt(300), from = random.nextInt(4);
                double[] q22 = new double[from + count], q12 = new double[count], ntk12 = new double[count];
                for (int round = 0; round < 3; round++) {
                    if (round != 1) {
                        fill(random, q11, q22, from, q12, ntk12, count);
                    }
                    assertBlockEqualsPairs(elu, q11, q22, from, q12.clone(), ntk12.clone(), count, alpha, trial);
                }
            }
        }
    }

    private static void fill(Random random, double q11, double[] q22, int from, double[] q12, double[] ntk12, int count) {
        for (int b = 0; b < count; b++) {
            double q = Math.exp(Math.log(0.01) + Math.log(3000) * random.nextDouble()); // 0.01 … 30
            double rho = 2 * random.nextDouble() - 1;
            switch (random.nextInt(10)) {
                case 0 -> rho = random.nextBoolean() ? 1 : -1;
                case 1 -> rho = Math.signum(rho) * (0.1 + 0.2 * random.nextDouble());      // Genz's 6-point band
                case 2 -> rho = Math.signum(rho) * (1 - Math.pow(10, -13 * random.nextDouble()));
                case 3 -> rho = 0;
                case 4 -> {
                    q = q11;
                    rho = 1;                                                                // x = x′
                }
                case 5 -> q = random.nextInt(4) == 0 ? 0 : 12 + 12 * random.nextDouble();
                default -> { }
            }
            q22[from + b] = q;
            q12[b] = rho * Math.sqrt(q11 * q);
            ntk12[b] = random.nextGaussian();
        }
    }

    private static void assertBlockEqualsPairs(Elu elu, double q11, double[] q22, int from, double[] q12, double[] ntk12,
                                               int count, double alpha, int trial) {
        EluBlockTest.assertBlockEqualsPairs(elu, q11, q22, from, q12, ntk12, count, "alpha " + alpha + ", trial " + trial);
    }
}
