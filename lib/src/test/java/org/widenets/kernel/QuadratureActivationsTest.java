package org.widenets.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator;
import org.junit.jupiter.api.Test;

/**
 * The quadrature-only activations and user activations: smooth ones against nested adaptive
 * integration (Hipparchus' IterativeLegendreGaussIntegrator on [−12, 12]², an independent method;
 * tensor Gauss–Hermite is not accurate enough here: tanh′ has poles at ±iπ/2 and 60 Hermite nodes are
 * still 5e-9 off for E[tanh′(u)²]), kinked user activations against closed forms and the bivariate normal CDF.
 */
class QuadratureActivationsTest {

    private static final List<Activation> SMOOTH = List.of(new Tanh(), new Sigmoid(), new Softplus(), new Silu(), new Mish());

    @Test
    void smoothActivationsAgreeWithNestedAdaptiveIntegration() {
        double[][] covariances = {{1, 0, 1}, {0.5, 0.2, 2}, {2.5, -1.5, 1.5}, {1, 0.6, 1}};
        for (Activation f : SMOOTH) {
            assertFalse(f.closedForm());
            for (double[] c : covariances) {
                assertEquals(adaptive(f, false, c[0], c[1], c[2]), f.t(c[0], c[1], c[2]), 1e-10, f.name() + " T");
                assertEquals(adaptive(f, true, c[0], c[1], c[2]), f.tDot(c[0], c[1], c[2]), 1e-10, f.name() + " Ṫ");
                assertEquals(adaptive(f, false, c[0], c[0], c[0]), f.diag(c[0]), 1e-10, f.name() + " diag");
                assertEquals(adaptive(f, true, c[0], c[0], c[0]), f.diagDot(c[0]), 1e-10, f.name() + " diagDot");
            }
        }
    }

    @Test
    void cheapRuleAgreesWithTheStandardRuleOnTheExtremeGrid() {
        // The default rule of QuadratureActivation (12 points, panels ≤ 3, |z| ≤ 10) against the finer
        // standard rule, where the adaptive integrator above would not converge: ρ = ±1 and within 1e-12
        // of it, variances from 1e-6 to 1e4.
        GaussianQuadrature fine = GaussianQuadrature.standard();
        double[][] variances = {{1e-6, 1e-6}, {1, 2}, {100, 25}, {2500, 1e4}};
        double[] rhos = {0, -0.5, 0.9667, 1 - 1e-12, -1 + 1e-12, 1, -1};
        for (Activation f : SMOOTH) {
            for (double[] v : variances) {
                for (double rho : rhos) {
                    double q12 = rho * Math.sqrt(v[0] * v[1]);
                    double scale = Math.sqrt(fine.diag(f, v[0]) * fine.diag(f, v[1]));
                    double dotScale = Math.sqrt(fine.diagDot(f, v[0]) * fine.diagDot(f, v[1]));
                    double t = fine.t(f, v[0], q12, v[1]), tDot = fine.tDot(f, v[0], q12, v[1]);
                    String at = f.name() + " at " + v[0] + ", " + rho + ", " + v[1];
                    assertEquals(t, f.t(v[0], q12, v[1]), 1e-11 * Math.abs(t) + 1e-13 * scale, "T " + at);
                    assertEquals(tDot, f.tDot(v[0], q12, v[1]), 1e-11 * Math.abs(tDot) + 1e-13 * dotScale, "Ṫ " + at);
                }
            }
        }
    }

    @Test
    void customReluReproducesTheArcCosineKernel() {
        Activation custom = new CustomActivation("my ReLU", x -> Math.max(x, 0), x -> x > 0 ? 1 : 0, 0);
        Activation relu = AbRelu.relu();
        for (double rho : new double[] {-1, -1 + 1e-12, -0.7, 0, 0.5, 0.99, 1 - 1e-12, 1}) {
            double q11 = 2, q22 = 0.5, q12 = rho * Math.sqrt(q11 * q22);
            assertEquals(relu.t(q11, q12, q22), custom.t(q11, q12, q22), 1e-12, "T at rho " + rho);
            assertEquals(relu.tDot(q11, q12, q22), custom.tDot(q11, q12, q22), 1e-12, "Ṫ at rho " + rho);
        }
        assertEquals(relu.diag(3), custom.diag(3), 1e-12);
    }

    @Test
    void shiftedStepMatchesBivariateNormal() {
        // φ = 1[x > c]: T = P(u > c, v > c) = Φ₂(−c/s₁, −c/s₂; ρ), a kink away from 0 in both variables.
        double c = 0.7;
        Activation step = new CustomActivation("step at 0.7", x -> x > c ? 1 : 0, x -> 0, c);
        for (double rho : new double[] {-0.95, -0.3, 0, 0.45, 0.9, 0.999}) {
            double q11 = 1.7, q22 = 0.4, q12 = rho * Math.sqrt(q11 * q22);
            double expected = BivariateNormal.cdf(-c / Math.sqrt(q11), -c / Math.sqrt(q22), rho);
            assertEquals(expected, step.t(q11, q12, q22), 1e-12, "rho " + rho);
            assertEquals(0, step.tDot(q11, q12, q22), 0);
        }
        assertEquals(StandardNormal.cdf(-c / Math.sqrt(1.7)), step.diag(1.7), 1e-13);
    }

    @Test
    void hardTanhWithTwoKinksIsConsistent() {
        Activation hardTanh = new CustomActivation("HardTanh", x -> Math.max(-1, Math.min(1, x)),
                x -> Math.abs(x) < 1 ? 1 : 0, 1, -1);
        // E[φ′(u)²] = P(|u| < 1) and, for ρ = 1, T is the diagonal.
        assertEquals(2 * StandardNormal.cdf(1 / Math.sqrt(2.2)) - 1, hardTanh.diagDot(2.2), 1e-13);
        assertEquals(hardTanh.diag(2.2), hardTanh.t(2.2, 2.2, 2.2), 1e-13);
        assertEquals(java.util.Arrays.toString(new double[] {-1, 1}), java.util.Arrays.toString(hardTanh.kinks()));
    }

    /** E[g(u)g(v)] by nested adaptive Gauss–Legendre integration in whitened coordinates. */
    private static double adaptive(Activation f, boolean derivative, double q11, double q12, double q22) {
        double s1 = Math.sqrt(q11), a = q12 / s1, b = Math.sqrt(Math.max(0, q22 - a * a));
        java.util.function.DoubleUnaryOperator g = derivative ? f::dphi : f::phi;
        IterativeLegendreGaussIntegrator outer = new IterativeLegendreGaussIntegrator(16, 1e-13, 1e-15);
        return outer.integrate(1_000_000, x -> {
            double gu = g.applyAsDouble(s1 * x) * StandardNormal.pdf(x);
            if (b == 0) {
                return gu * g.applyAsDouble(a * x);
            }
            IterativeLegendreGaussIntegrator inner = new IterativeLegendreGaussIntegrator(16, 1e-13, 1e-15);
            return gu * inner.integrate(1_000_000, y -> StandardNormal.pdf(y) * g.applyAsDouble(a * x + b * y), -12, 12);
        }, -12, 12);
    }
}
