package org.widenets.fixedpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.widenets.kernel.AbRelu;
import org.widenets.kernel.Erf;
import org.widenets.kernel.Gelu;
import org.widenets.kernel.Linear;

/** Regimes over (σ_w², σ_b²) against the facts of shared/papers/elu-gelu-kernels.md §4.2–4.3. */
class PhaseDiagramTest {

    private static final double[] W = {0.3, 1.0, 1.5, 2.0, 2.5, 3.5}, B = {0, 0.1, 0.5, 1};

    @Test
    void reluFamilyAttractsEverywhere() {
        for (var phi : new org.widenets.kernel.Activation[] {AbRelu.relu(), AbRelu.leakyRelu(0.2)}) {
            PhaseDiagram d = PhaseDiagram.sweep(phi, W, B, 1, 10_000, 100);
            assertEquals(W.length * B.length, d.points().size());
            assertEquals(1.0, d.attractingFraction(), d.table()::toString);
        }
    }

    @Test
    void geluWithBiasHasTheDegenerateFixedPointButNotAtItsNormPreservingScale() {
        Gelu gelu = new Gelu();
        for (double w : new double[] {1.2, 1.5}) {
            for (double b : new double[] {0.1, 0.5, 1}) {
                PhasePoint p = PhaseDiagram.point(KernelMap.of(gelu, w, b), 1, 10_000, 200);
                assertEquals(CorrelationRegime.RHO_ONE_ATTRACTS, p.regime(), p::toString);
                assertInstanceOf(VarianceFate.ToFixedPoint.class, p.fate());
            }
        }
        // Diverging variance with a bias: ReLU-like in the limit, ρ = 1 attracts.
        PhasePoint big = PhaseDiagram.point(KernelMap.of(gelu, 3.5, 0.5), 1, 10_000, 200);
        assertInstanceOf(VarianceFate.ToInfinity.class, big.fate());
        assertEquals(CorrelationRegime.RHO_ONE_ATTRACTS, big.regime(), big::toString);
        // At σ*(1) without bias the variance sits at its (repelling) fixed point and ρ = 1 repels.
        NormPreservingScale s = NormPreservingScale.find(gelu, 1).orElseThrow();
        PhasePoint star = PhaseDiagram.point(s.map(), 1, 10_000, 200);
        assertEquals(CorrelationRegime.RHO_ONE_REPELS, star.regime(), star::toString);
    }

    @Test
    void erfHasAChaoticRegionWithoutBiasAndFreezesAtSmallWeights() {
        Erf erf = Erf.standard();
        // Large σ_w², no bias: q* > 0 with χ₁ > 1 (the "chaotic" phase of Poole et al. 2016).
        PhasePoint chaos = PhaseDiagram.point(KernelMap.of(erf, 3.5, 0), 1, 10_000, 200);
        assertEquals(CorrelationRegime.RHO_ONE_REPELS, chaos.regime(), chaos::toString);
        assertTrue(chaos.chi1() > 1);
        // ρ = 0 is the attracting fixed point for odd φ without bias.
        assertTrue(chaos.correlations().orElseThrow().attracting().stream().anyMatch(f -> Math.abs(f.rho()) < 1e-12), chaos::toString);
        // erf′(0)² = 4/π: σ_w² < π/4 sends q → 0, where erf is linear: frozen.
        PhasePoint frozen = PhaseDiagram.point(KernelMap.of(erf, 0.5, 0), 1, 10_000, 200);
        assertEquals(CorrelationRegime.FROZEN, frozen.regime(), frozen::toString);
        // A large bias orders it again.
        assertEquals(CorrelationRegime.RHO_ONE_ATTRACTS,
                PhaseDiagram.point(KernelMap.of(erf, 1.5, 1.0), 1, 10_000, 200).regime());
    }

    @Test
    void theLinearActivationPreservesEveryCorrelation() {
        CorrelationFixedPoints c = CorrelationFixedPoints.find(KernelMap.of(new Linear(), 1.3, 0), 2);
        assertTrue(c.identity());
        assertTrue(!c.trivialAttracts());
        for (double w : new double[] {0.5, 1, 1.3}) {
            assertEquals(CorrelationRegime.FROZEN, PhaseDiagram.point(KernelMap.of(new Linear(), w, 0), 1, 1000, 0).regime());
        }
        // With a bias the constant part wins: χ₁ = σ_w² q*/(σ_w² q* + σ_b²) < 1.
        assertEquals(CorrelationRegime.RHO_ONE_ATTRACTS, PhaseDiagram.point(KernelMap.of(new Linear(), 0.5, 0.2), 1, 1000, 0).regime());
    }

    @Test
    void regimesWithoutTheScanAgreeWithTheScan() {
        PhaseDiagram cheap = PhaseDiagram.sweep(new Gelu(), W, B, 1, 10_000, 0);
        PhaseDiagram full = PhaseDiagram.sweep(new Gelu(), W, B, 1, 10_000, 100);
        for (int i = 0; i < W.length * B.length; i++) {
            PhasePoint p = full.points().get(i);
            assertEquals(p.regime(), cheap.points().get(i).regime());
            assertTrue(cheap.points().get(i).correlations().isEmpty());
            if (p.fate() instanceof VarianceFate.ToFixedPoint && p.regime() != CorrelationRegime.FROZEN) {
                assertEquals(p.regime() == CorrelationRegime.RHO_ONE_ATTRACTS, p.correlations().orElseThrow().trivialAttracts(), p::toString);
            }
        }
    }
}
