package org.widenets.kernel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every closed form (T, Ṫ, diag, diagDot) against the kink-aware quadrature of its defining Gaussian
 * expectation, to 1e-9 relative plus 1e-12 of the natural scale √(diag(q11)·diag(q22)) (the "absolute
 * where the value is ~0" part: at ρ → −1 ReLU-type kernels vanish and are formed by cancellation).
 *
 * <p>Grid: variances 1e-8 … 1e4, ρ ∈ {0, 0.3, −0.5, 0.9667, −0.9, ±(1 − 1e-12), ±1}, and zero inputs.
 * Points excluded, because the quadrature oracle itself is not accurate there (documented in
 * {@link GaussianQuadrature}): variances above an activation's {@code maxVariance} — Sin/Cos/RBF
 * oscillate more than the 16-point panels of width 2 resolve (beyond b·√q ≈ 5 the oracle drifts to
 * 1e-9 absolute at b·√q = 10), Exp's integrand e^{2b·s·z} peaks
 * outside the |z| ≤ 12 window, Gaussian(a, b &lt; 0) concentrates on a width 1/(s√|b|) that the
 * panels of width 1 do not resolve. Ṫ at a zero-variance input is skipped when 0 is a kink of φ:
 * φ′(0) is a convention there, not an expectation.
 */
class ClosedFormsAgainstQuadratureTest {

    private static final GaussianQuadrature QUAD = GaussianQuadrature.standard();
    private static final double[][] VARIANCES = {
            {1e-8, 1e-8}, {1e-8, 1}, {1e-4, 2e-4}, {0.3, 0.3}, {1, 2}, {7.4, 7.4}, {100, 25}, {2500, 1e4}};
    private static final double[] RHOS = {0, 0.3, -0.5, 0.9667, -0.9, 1 - 1e-12, -1 + 1e-12, 1, -1};

    static Stream<Arguments> activations() {
        return Stream.of(
                Arguments.of(AbRelu.relu(), 1e4),
                Arguments.of(AbRelu.leakyRelu(0.2), 1e4),
                Arguments.of(new AbRelu(-0.3, 1.2), 1e4),
                Arguments.of(AbRelu.abs(), 1e4),
                Arguments.of(new Linear(), 1e4),
                Arguments.of(new Step(), 1e4),
                Arguments.of(new Sign(), 1e4),
                Arguments.of(Erf.standard(), 1e4),
                Arguments.of(new Erf(1.3, 0.7, 0.4), 1e4),
                Arguments.of(new Gelu(), 1e4),
                Arguments.of(new Elu(1), 1e4),
                Arguments.of(new Elu(0.5), 1e4),
                Arguments.of(new Elu(2), 1e4),
                Arguments.of(new Selu(), 1e4),
                Arguments.of(new Sin(1.3, 0.7, 0.4), 25),
                Arguments.of(new Cos(0.8, 1.1, -0.3), 25),
                Arguments.of(new Rbf(0.5), 25),
                Arguments.of(new Exp(1.1, 0.5), 7.4),
                Arguments.of(new Gaussian(1.1, -0.3), 7.4),
                Arguments.of(new Gaussian(0.9, 0.05), 2),
                Arguments.of(new RectifiedMonomial(0), 1e4),
                Arguments.of(new RectifiedMonomial(1), 1e4),
                Arguments.of(new RectifiedMonomial(2), 1e4),
                Arguments.of(new RectifiedMonomial(3), 1e4),
                Arguments.of(new RectifiedMonomial(5), 1e4),
                Arguments.of(new RectifiedMonomial(8), 1e4),
                Arguments.of(new Monomial(0), 1e4),
                Arguments.of(new Monomial(3), 1e4),
                Arguments.of(new Monomial(4), 1e4),
                Arguments.of(new Polynomial(0.5, -1, 0.25, 0.1, -0.05), 1e4));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void closedFormsMatchQuadrature(Activation f, double maxVariance) {
        List<String> failures = new ArrayList<>();
        double worst = 0;
        for (double[] v : VARIANCES) {
            if (Math.max(v[0], v[1]) > maxVariance) continue;
            double q11 = v[0], q22 = v[1];
            worst = Math.max(worst, checkDiagonal(f, q11, failures));
            worst = Math.max(worst, checkDiagonal(f, q22, failures));
            for (double rho : RHOS) {
                double q12 = rho * Math.sqrt(q11 * q22);
                worst = Math.max(worst, checkPair(f, q11, q12, q22, true, failures));
            }
            worst = Math.max(worst, checkPair(f, 0, 0, q22, f.kinks().length == 0, failures));
            worst = Math.max(worst, checkPair(f, q11, 0, 0, f.kinks().length == 0, failures));
        }
        worst = Math.max(worst, checkPair(f, 0, 0, 0, f.kinks().length == 0, failures));
        worst = Math.max(worst, check("diag", f.diag(0), QUAD.diag(f, 0), 1, 0, 0, 0, failures));
        if (f.kinks().length == 0) {
            worst = Math.max(worst, check("diagDot", f.diagDot(0), QUAD.diagDot(f, 0), 1, 0, 0, 0, failures));
        }
        assertTrue(failures.isEmpty(), f.name() + ": " + failures.size() + " failures, e.g. "
                + failures.subList(0, Math.min(5, failures.size())));
        System.out.printf("%-30s worst error / tolerance = %.3g%n", f.name(), worst);
    }

    private static double checkDiagonal(Activation f, double q, List<String> failures) {
        double w1 = check("diag", f.diag(q), QUAD.diag(f, q), f.diag(q), q, q, q, failures);
        double w2 = check("diagDot", f.diagDot(q), QUAD.diagDot(f, q), f.diagDot(q), q, q, q, failures);
        return Math.max(w1, w2);
    }

    private static double checkPair(Activation f, double q11, double q12, double q22, boolean withDot,
                                    List<String> failures) {
        double scale = Math.sqrt(Math.abs(f.diag(q11) * f.diag(q22)));
        double w = check("T", f.t(q11, q12, q22), QUAD.t(f, q11, q12, q22), scale, q11, q12, q22, failures);
        if (withDot) {
            double dotScale = Math.sqrt(Math.abs(f.diagDot(q11) * f.diagDot(q22)));
            w = Math.max(w, check("Ṫ", f.tDot(q11, q12, q22), QUAD.tDot(f, q11, q12, q22), dotScale,
                    q11, q12, q22, failures));
        }
        return w;
    }

    private static double check(String what, double closed, double numeric, double scale,
                                double q11, double q12, double q22, List<String> failures) {
        double tol = 1e-9 * Math.abs(numeric) + 1e-12 * Math.abs(scale) + 1e-300;
        double err = Math.abs(closed - numeric);
        if (!(err <= tol)) {
            failures.add(String.format("%s(%g, %.17g, %g): closed %.15g, quadrature %.15g", what, q11, q12, q22,
                    closed, numeric));
        }
        return err / tol;
    }
}
