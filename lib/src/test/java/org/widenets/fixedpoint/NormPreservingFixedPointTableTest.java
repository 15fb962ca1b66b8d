package org.widenets.fixedpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.widenets.kernel.Activation;
import org.widenets.kernel.Elu;
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
            case "ELU" -> new Elu(1.0);
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest(name = "{0} at ‖x‖ = {1}")
    @CsvSource({
            "ELU,  0.5, 1.174655, 0.34495, 1.02017, 0.517147, 0.98261, 0.8938",
            "ELU,  1,   1.277960, 1.63318, 1.04331, 0.643711, 0.96400, 0.8982",
            "ELU,  2,   1.358840, 7.38578, 1.05456, 0.800828, 0.95723, 0.9421",
            "ELU,  5,   1.402378, 49.1666, 1.03900, 0.940862, 0.97127, 0.9849",
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
        // V′ is printed to 4 decimals and its ‖x‖ = 1 ELU entry (0.8982) is rounded the wrong way: the exact
        // value 0.8981495165946681 (30-digit mpmath of σ*²(E[ψ′²] + E[ψψ″]), see eluVarianceSlopeExact) is
        // 5.05e-5 away. One unit of the last digit is allowed for this column.
        assertEquals(Double.parseDouble(vSlope), a.variance().slope(), 1e-4, "V′(q*)");
        // The paper's point: ρ = 1 repels, the single other fixed point attracts.
        assertEquals(Stability.REPELLING, a.correlations().trivial().stability());
        assertEquals(2, a.correlations().points().size(), a::toString);
        assertTrue(!a.correlations().trivialAttracts());
        // q* is a variance fixed point and λ₃ at θ = 0 is χ₁.
        assertEquals(a.qStar(), a.scale().map().variance(a.qStar()), 1e-12 * a.qStar());
        assertEquals(a.chi1(), a.scale().lambda3(0)[0], 1e-12);
    }

    @org.junit.jupiter.api.Test
    void eluVarianceSlopeExact() {
        // Independent reference: 30-digit mpmath evaluation of V′(q*) = σ*²(1/2 + 2e^{2q}Φ(−2√q) − e^{q/2}Φ(−√q))
        // at ‖x‖ = 1 (σ* = 1.27796007540471476, q* = 1.63318195432842425).
        NormPreservingAnalysis a = NormPreservingAnalysis.of(new Elu(1.0), 1).orElseThrow();
        assertEquals(1.27796007540471476, a.sigma(), 1e-14);
        assertEquals(1.63318195432842425, a.qStar(), 1e-13);
        assertEquals(0.898149516594668090, a.variance().slope(), 1e-10);
    }

    /** |actual − printed| ≤ half a unit in the printed value's last digit. */
    static void assertPrinted(String printed, double actual, String what) {
        BigDecimal p = new BigDecimal(printed.trim());
        double tol = 0.5 * Math.pow(10, -p.scale()) + 1e-12;
        assertEquals(p.doubleValue(), actual, tol, what + " (printed " + printed + ")");
    }
}
