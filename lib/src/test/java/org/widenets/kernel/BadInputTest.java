package org.widenets.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad arguments are IllegalArgumentExceptions naming the parameter and its value. */
class BadInputTest {

    private static void assertRejects(String parameter, Executable call, String what) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call, what);
        assertTrue(e.getMessage().contains(parameter), what + ": message '" + e.getMessage() + "' should name " + parameter);
    }

    @Test
    void everyActivationRejectsInvalidCovariances() {
        for (Activation f : Activations.builtIns()) {
            String n = f.name();
            assertRejects("q11", () -> f.t(-1, 0, 1), n + " negative q11");
            assertRejects("q22", () -> f.tDot(1, 0, -0.5), n + " negative q22");
            assertRejects("q12", () -> f.t(1, 1.5, 1), n + " |q12| > √(q11q22)");
            assertRejects("q12", () -> f.tDot(1, -1.5, 1), n + " |q12| > √(q11q22)");
            assertRejects("q12", () -> f.t(1, Double.NaN, 1), n + " NaN q12");
            assertRejects("q11", () -> f.t(Double.NaN, 0, 1), n + " NaN q11");
            assertRejects("q22", () -> f.t(1, 0, Double.POSITIVE_INFINITY), n + " infinite q22");
            assertRejects("q", () -> f.diag(-1e-3), n + " negative q");
            assertRejects("q", () -> f.diagDot(Double.NaN), n + " NaN q");
        }
    }

    @Test
    void constructorsNameTheirParameter() {
        assertRejects("alpha", () -> new Elu(Double.NaN), "ELU");
        assertRejects("k", () -> new RectifiedMonomial(-1), "ReLU^k");
        assertRejects("k", () -> new Monomial(-2), "x^k");
        assertRejects("coefficients", Polynomial::new, "empty polynomial");
        assertRejects("coefficients[1]", () -> new Polynomial(1, Double.NaN), "NaN coefficient");
        assertRejects("gamma", () -> new Rbf(-1), "RBF");
        assertRejects("b", () -> new Erf(1, Double.POSITIVE_INFINITY, 0), "erf");
        assertRejects("kinks[0]", () -> new CustomActivation("c", x -> x, x -> 1, Double.NaN), "custom");
        assertRejects("points", () -> new GaussianQuadrature(1, 1, 10), "quadrature");
        assertRejects("rho", () -> BivariateNormal.cdf(0, 0, -1.01), "Φ₂");
        // A Gaussian activation with b > 0 has no second moment once 4bq ≥ 1.
        assertRejects("q = 3.0", () -> new Gaussian(1, 0.1).diag(3), "Gaussian(1, 0.1)");
        assertRejects("q11", () -> new Gaussian(1, 0.1).t(6, 0, 1), "Gaussian(1, 0.1)");
    }

    @Test
    void lookupByName() {
        assertEquals(new Elu(0.5), Activations.byName("ELU(0.5)"));
        assertEquals(new Elu(1), Activations.byName("elu"));
        assertEquals(AbRelu.leakyRelu(0.2), Activations.byName(" leaky_relu( 0.2 ) "));
        assertEquals(new Polynomial(0, 1, 0.5), Activations.byName("polynomial(0, 1, 0.5)"));
        assertEquals(new Silu(), Activations.byName("swish"));
        assertEquals(new RectifiedMonomial(3), Activations.byName("rectified_monomial(3)"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Activations.byName("relu6"));
        assertTrue(e.getMessage().contains("relu6") && e.getMessage().contains("gelu") && e.getMessage().contains("elu(alpha = 1)"),
                e.getMessage());
        assertRejects("k must be an integer", () -> Activations.byName("monomial(2.5)"), "monomial(2.5)");
        assertRejects("not a number", () -> Activations.byName("elu(one)"), "elu(one)");
        assertRejects("usage", () -> Activations.byName("gelu(1)"), "gelu(1)");
        assertRejects("blank", () -> Activations.byName(" "), "blank");
        assertEquals(new Sin(1.3, 0.7, 0.4), Activations.byName("sin(1.3, 0.7, 0.4)"));
        assertEquals(new Gaussian(1, -1), Activations.byName("gaussian"));
    }
}
