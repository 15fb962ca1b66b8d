package org.widenets.fixedpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.widenets.kernel.Activation;
import org.widenets.kernel.Gelu;

/**
 * The fixed-point table of shared/papers/elu-gelu-kernels.md §4.3 (σ*, q*, χ₁, ρ*, C′(ρ*), V′(q*) at the
 * norm-preserving weight scale), computed there independently of this code. Each value is checked to
 * half a unit of its last printed digit (5e-7 … 5e-5).
 */
class NormPreservingFixedPointTableTest {

    static Activation activation(String name) {
        return switch (name) {
            case "GELU" -> new Gelu();
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest(name = "{0} at ‖x‖ = {1}")
    @CsvSource({
            "GELU, 0.5, 1.590582, 0.63249, 1.07471, 0.701531, 0.92872, 1.1728",
            "GELU, 1,   1.468011, 2.15506, 1.06041, 0.853192, 0.94549, 1.0836",
            "GELU, 2,   1.424191, 8.11328, 1.03663, 0.951458, 0.96809, 1.0192",
            "GELU, 5,   1.414944, 50.0517, 1.01569, 0.991520, 0.98653, 1.0015",
    })
    void reproducesTheNotesTable(String name, double norm, String sigma, String q, String chi1, String rho,
                                 String rhoSlope, String vSlope) {
        NormPreservingAnalysis a = NormPreservingAnalysis.of(activation(name), norm).orElseThrow();
        assertPrinted(sigma, a.sigma(), "σ*");
        assertPrinted(q, a.qStar(), "q*");
        assertPrinted(chi1, a.chi1(), "χ₁");
        CorrelationFixedPoint star = a.rhoStar().orElseThrow(() -> new AssertionError("no ρ*: " + a));
        assertPrinted(rho, star.rho(), "ρ*");
        assertPrinted(rhoSlope, star.slope(), "C′(ρ*)");
        assertPrinted(vSlope, a.variance().slope(), "V′(q*)");
        // The paper's point: ρ = 1 repels, the single other fixed point attracts.
        assertEquals(Stability.REPELLING, a.correlations().trivial().stability());
        assertEquals(2, a.correlations().points().size(), a::toString);
        assertTrue(!a.correlations().trivialAttracts());
        // q* is a variance fixed point and λ₃ at θ = 0 is χ₁.
        assertEquals(a.qStar(), a.scale().map().variance(a.qStar()), 1e-12 * a.qStar());
        assertEquals(a.chi1(), a.scale().lambda3(0)[0], 1e-12);
    }

    /** |actual − printed| ≤ half a unit in the printed value's last digit. */
    static void assertPrinted(String printed, double actual, String what) {
        BigDecimal p = new BigDecimal(printed.trim());
        double tol = 0.5 * Math.pow(10, -p.scale()) + 1e-12;
        assertEquals(p.doubleValue(), actual, tol, what + " (printed " + printed + ")");
    }
}
