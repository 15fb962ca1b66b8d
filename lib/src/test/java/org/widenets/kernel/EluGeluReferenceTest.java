package org.widenets.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * ELU and GELU against the independently verified reference values of
 * shared/papers/elu-gelu-kernels.md §3 (12–13 significant digits given), the two ELU evaluation
 * routes against each other, and ELU at variances where the naive exp·Φ₂ form overflows.
 */
class EluGeluReferenceTest {

    // q11, q12, q22, T_GELU, Ṫ_GELU, T_ELU, Ṫ_ELU (α = 1)
    private static final double[][] TABLE = {
            {1, 0.3, 2, 0.2108156222002, 0.289231610092, 0.210266573927, 0.560856693291},
            {0.5, -0.2, 0.7, -0.00981836247712, 0.196796663457, -0.114508793633, 0.618142630502},
            {3, 2.9, 3, 1.37633754283, 0.484918730602, 1.67386080355, 0.598804663329},
            {1, 1, 1, 0.42522148257, 0.455850865649, 0.644945417493, 0.668102001223},
            {1, -1, 1, -0.0747785174297, 0.0441491343507, -0.52315658373, 0.52315658373},
            {49.1666, 20, 49.1666, 13.3391431457, 0.318055295917, 12.3484469956, 0.373178524744},
            {400, 396, 400, 198.036241409, 0.480070651659, 198.465493227, 0.494889459681}};

    @Test
    void matchesPublishedReferenceValues() {
        Gelu gelu = new Gelu();
        Elu elu = new Elu(1);
        for (double[] row : TABLE) {
            double q11 = row[0], q12 = row[1], q22 = row[2];
            assertEquals(row[3], gelu.t(q11, q12, q22), 1e-11 * Math.max(1, Math.abs(row[3])), "T_GELU " + row[0]);
            assertEquals(row[4], gelu.tDot(q11, q12, q22), 1e-11, "Ṫ_GELU " + row[0]);
            assertEquals(row[5], elu.t(q11, q12, q22), 1e-11 * Math.max(1, Math.abs(row[5])), "T_ELU " + row[0]);
            assertEquals(row[6], elu.tDot(q11, q12, q22), 1e-11, "Ṫ_ELU " + row[0]);
        }
    }

    @Test
    void bivariateNormalRouteAgreesWithConditionalIntegrals() {
        double[] variances = {0.01, 0.2, 1, 3.3, 12};
        // |ρ| > 0.99 up to ±1: the Φ₂ route gets √(1 − ρ²) from the covariance (the 1-D integrals used
        // to take these pairs, at ≈ 1000× the cost)
        double[] rhos = {-1, -1 + 1e-12, -1 + 1e-8, -0.9999, -0.995, -0.99, -0.7, -0.2, 0, 0.35, 0.8, 0.93,
                0.99, 0.995, 0.9999, 1 - 1e-8, 1 - 1e-12, 1};
        for (double q11 : variances) {
            for (double q22 : variances) {
                for (double rho : rhos) {
                    double q12 = rho * Math.sqrt(q11 * q22);
                    assertTrue(Elu.useBvn(q11, q12, q22));
                    Elu.Pieces b = Elu.Pieces.bvn(q11, q12, q22);
                    Elu.Pieces t = Elu.Pieces.integrals(q11, q12, q22);
                    String at = q11 + ", " + q12 + ", " + q22;
                    double scale = Math.sqrt(q11 * q22);
                    assertEquals(t.c12(), b.c12(), 1e-13 * scale, "C12 at " + at);
                    assertEquals(t.c21(), b.c21(), 1e-13 * scale, "C21 at " + at);
                    assertEquals(t.d(), b.d(), 1e-13 * scale, "D at " + at);
                    assertEquals(t.x12(), b.x12(), 1e-14, "X12 at " + at);
                    assertEquals(t.x21(), b.x21(), 1e-14, "X21 at " + at);
                    assertEquals(t.a(), b.a(), 1e-14, "A at " + at);
                }
            }
        }
    }

    @Test
    void eluStaysFiniteWhereTheNaiveFormOverflows() {
        Elu elu = new Elu(1);
        for (double q : new double[] {800, 1e4, 1e8}) {
            for (double rho : new double[] {-1, -0.5, 0.3, 0.99, 1}) {
                double t = elu.t(q, rho * q, q), tDot = elu.tDot(q, rho * q, q);
                assertTrue(Double.isFinite(t) && Double.isFinite(tDot), q + " " + rho);
            }
            // For u, v ≫ 1 in magnitude ELU is ReLU plus a bounded negative part: T − T_ReLU is O(√q).
            assertEquals(AbRelu.relu().t(q, 0.3 * q, q), elu.t(q, 0.3 * q, q), 2 * Math.sqrt(q));
            assertEquals(q / 2 + 0.5, elu.diag(q), 1e-12 * q + 2 / Math.sqrt(q));
        }
    }

    @Test
    void conditionalIntegralsAgreeWithTheKinkAwareQuadratureOffThePhi2Route() {
        // variances below 0.01 and above 12 (above 24, and 15 where Genz's 6-point rule would be used, with
        // the Vector API), unequal, at every kind of correlation: the fixed graded rule
        // against the independent 2-D quadrature of E[φ(u)φ(v)] and E[φ′(u)φ′(v)] — over vector lanes
        // (VectorEluIntegrals) when the tests run with the Vector API, as surefire runs them, else scalar
        Elu elu = new Elu(1.3);
        GaussianQuadrature oracle = GaussianQuadrature.standard();
        double[] variances = {1e-6, 0.004, 15, 30, 150, 900};
        double[] rhos = {-1 + 1e-12, -0.97, -0.4, -0.2, 0, 0.25, 0.9, 0.999, 1 - 1e-10};
        double worst = 0;
        for (double q11 : variances) {
            for (double q22 : variances) {
                for (double rho : rhos) {
                    double q12 = rho * Math.sqrt(q11 * q22);
                    if (Elu.useBvn(q11, q12, q22)) continue;
                    String at = q11 + ", " + q12 + ", " + q22;
                    double t = oracle.t(elu, q11, q12, q22), tDot = oracle.tDot(elu, q11, q12, q22);
                    double scale = Math.sqrt(oracle.diag(elu, q11) * oracle.diag(elu, q22));
                    double dotScale = Math.sqrt(oracle.diagDot(elu, q11) * oracle.diagDot(elu, q22));
                    assertEquals(t, elu.t(q11, q12, q22), 1e-10 * scale, "T at " + at);
                    assertEquals(tDot, elu.tDot(q11, q12, q22), 1e-10 * dotScale, "Ṫ at " + at);
                    worst = Math.max(worst, Math.max(Math.abs(t - elu.t(q11, q12, q22)) / scale,
                            Math.abs(tDot - elu.tDot(q11, q12, q22)) / dotScale));
                }
            }
        }
        System.out.println("ELU off the Φ₂ route (vector integrals: " + VectorModule.PRESENT
                + ") vs 2-D quadrature: worst difference / scale " + worst);
    }
}
