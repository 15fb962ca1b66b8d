package org.widenets.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Algebraic identities between activations (shared/papers/kernel-formulas.md §8), Price's theorem
 * Ṫ = ∂T/∂q12 by central differences, and the diagonal formulas as the limit of the off-diagonal ones.
 */
class ActivationIdentitiesTest {

    private static final double[][] COVARIANCES = {{1, 0.3, 2}, {0.5, -0.2, 0.7}, {3, 2.9, 3}, {0.02, -0.015, 0.04},
            {40, 10, 25}};

    private static void assertSameKernels(Activation expected, double factor, Activation actual) {
        for (double[] c : COVARIANCES) {
            String at = actual.name() + " at " + java.util.Arrays.toString(c);
            assertEquals(factor * expected.t(c[0], c[1], c[2]), actual.t(c[0], c[1], c[2]), 1e-14 * scale(expected, c), "T " + at);
            assertEquals(factor * expected.tDot(c[0], c[1], c[2]), actual.tDot(c[0], c[1], c[2]), 1e-14 * Math.max(1, Math.abs(factor)), "Ṫ " + at);
            assertEquals(factor * expected.diag(c[0]), actual.diag(c[0]), 1e-14 * scale(expected, c), "diag " + at);
            assertEquals(factor * expected.diagDot(c[0]), actual.diagDot(c[0]), 1e-14 * Math.max(1, Math.abs(factor)), "diagDot " + at);
        }
    }

    private static double scale(Activation f, double[] c) {
        return Math.max(1, Math.sqrt(f.diag(c[0]) * f.diag(c[2])));
    }

    @Test
    void abreluFamilyIdentities() {
        for (double a : new double[] {-1.5, 0.3, 2}) {
            // ABReLU(a, a)(x) = a·x: every kernel is a² times the linear one.
            assertSameKernels(new Linear(), a * a, new AbRelu(a, a));
            assertEquals(0, new AbRelu(a, a).kinks().length);
        }
        assertSameKernels(new AbRelu(0.2, 1), 1, AbRelu.leakyRelu(0.2));
        assertSameKernels(new AbRelu(-1, 1), 1, AbRelu.abs());
        assertSameKernels(AbRelu.relu(), 1, new RectifiedMonomial(1));
        assertSameKernels(new Step(), 1, new RectifiedMonomial(0));
        // Abs in the form of the note: T = (2/π)(√(q11q22 − q12²) + q12·arcsin ρ).
        double q11 = 1.3, q12 = -0.4, q22 = 0.8;
        assertEquals(2 / Math.PI * (Math.sqrt(q11 * q22 - q12 * q12) + q12 * Math.asin(q12 / Math.sqrt(q11 * q22))),
                AbRelu.abs().t(q11, q12, q22), 1e-15);
    }

    @Test
    void seluIsLambdaSquaredTimesElu() {
        assertSameKernels(new Elu(Selu.ALPHA), Selu.LAMBDA * Selu.LAMBDA, new Selu());
        assertEquals(Selu.LAMBDA * Selu.ALPHA * Math.expm1(-0.7), new Selu().phi(-0.7), 1e-15);
    }

    @Test
    void sinCosAndRbf() {
        Sin sin = new Sin(1.3, 0.7, 0.4 + Math.PI / 2);
        assertSameKernels(sin, 1, new Cos(1.3, 0.7, 0.4));
        double gamma = 0.35;
        assertSameKernels(new Sin(Math.sqrt(2), Math.sqrt(2 * gamma), Math.PI / 4), 1, new Rbf(gamma));
        assertEquals(new Cos(1.3, 0.7, 0.4).phi(0.9), sin.phi(0.9), 1e-15);
    }

    @Test
    void monomialsMatchIsserlisClosedForms() {
        double q11 = 1.7, q12 = -0.6, q22 = 0.9, p = q11 * q22;
        double[] expected = {1, q12, 2 * q12 * q12 + p, 6 * Math.pow(q12, 3) + 9 * q12 * p,
                24 * Math.pow(q12, 4) + 72 * q12 * q12 * p + 9 * p * p,
                120 * Math.pow(q12, 5) + 600 * Math.pow(q12, 3) * p + 225 * q12 * p * p};
        for (int n = 0; n <= 5; n++) {
            Monomial m = new Monomial(n);
            assertEquals(expected[n], m.t(q11, q12, q22), 1e-13 * Math.max(1, Math.abs(expected[n])), "x^" + n);
            double dot = n == 0 ? 0 : n * n * expected[n - 1];
            assertEquals(dot, m.tDot(q11, q12, q22), 1e-13 * Math.max(1, Math.abs(dot)), "x^" + n + " Ṫ");
        }
        // diag = (2n−1)!!·qⁿ
        assertEquals(15 * Math.pow(2.5, 3), new Monomial(3).diag(2.5), 1e-12);
        // A polynomial is the sum over its Hermite components; 1 + x² against the moments directly:
        // E[(1+u²)(1+v²)] = 1 + q11 + q22 + q11q22 + 2q12².
        assertEquals(1 + q11 + q22 + p + 2 * q12 * q12, new Polynomial(1, 0, 1).t(q11, q12, q22), 1e-14);
    }

    @Test
    void rectifiedMonomialDiagonalsAndHighOrders() {
        // diag = (2k−1)!!·q^k/2 and T(q, q, q) = diag for every order, through the J_k recursion.
        for (int k = 0; k <= 8; k++) {
            RectifiedMonomial f = new RectifiedMonomial(k);
            assertEquals(f.diag(1.9), f.t(1.9, 1.9, 1.9), 1e-13 * f.diag(1.9), "ReLU^" + k);
            assertEquals(f.diagDot(1.9), f.tDot(1.9, 1.9, 1.9), 1e-13 * Math.max(1, f.diagDot(1.9)), "ReLU^" + k);
            assertEquals(0, f.t(1.9, -1.9, 1.9), 1e-14 * f.diag(1.9), "opposite inputs, ReLU^" + k);
        }
        // J_2 of the note: 3 sin θ cos θ + (π − θ)(1 + 2cos²θ).
        double theta = 1.1;
        assertEquals(3 * Math.sin(theta) * Math.cos(theta) + (Math.PI - theta) * (1 + 2 * Math.pow(Math.cos(theta), 2)),
                RectifiedMonomial.j(2, 1, Math.cos(theta), 1), 1e-14);
    }

    @Test
    void tDotIsTheDerivativeOfTInQ12() {
        for (Activation f : Activations.builtIns()) {
            if (f instanceof Step || f instanceof Sign || f.equals(new RectifiedMonomial(0))) {
                continue; // Ṫ ignores the Dirac mass of φ′ by definition, so ∂T/∂q12 ≠ Ṫ there
            }
            double[][] points = f.closedForm() ? COVARIANCES : new double[][] {{1, 0.3, 2}, {0.5, -0.2, 0.7}};
            for (double[] c : points) {
                double h = 1e-5 * Math.sqrt(c[0] * c[2]);
                double fd = (f.t(c[0], c[1] + h, c[2]) - f.t(c[0], c[1] - h, c[2])) / (2 * h);
                double dot = f.tDot(c[0], c[1], c[2]);
                assertEquals(dot, fd, 1e-7 * Math.max(1, Math.abs(dot)), f.name() + " at " + java.util.Arrays.toString(c));
            }
        }
    }

    @Test
    void diagonalIsTheCollinearLimitOfT() {
        for (Activation f : Activations.builtIns()) {
            // A jump in φ makes T − diag ~ θ/π ~ √(2(1 − ρ))/π = 4.5e-7 at 1 − ρ = 1e-12: genuine, not error.
            boolean jump = f instanceof Step || f instanceof Sign || f.equals(new RectifiedMonomial(0));
            for (double q : new double[] {0.01, 0.7, 3}) {
                double d = f.diag(q);
                assertEquals(d, f.t(q, q, q), 1e-12 * Math.max(1, Math.abs(d)), f.name() + " diag at " + q);
                assertEquals(d, f.t(q, q * (1 - 1e-12), q), (jump ? 1e-6 : 1e-9) * Math.max(1, Math.abs(d)),
                        f.name() + " near-diag at " + q);
                double dd = f.diagDot(q);
                assertEquals(dd, f.tDot(q, q, q), 1e-12 * Math.max(1, Math.abs(dd)), f.name() + " diagDot at " + q);
            }
        }
    }
}
