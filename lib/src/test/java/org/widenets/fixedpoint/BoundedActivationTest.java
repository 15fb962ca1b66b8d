package org.widenets.fixedpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.widenets.kernel.Tanh;

/** Activations without the fixed points one might ask for get a clear, typed answer (tanh by quadrature). */
class BoundedActivationTest {

    private final Tanh tanh = new Tanh();

    @Test
    void aBoundedActivationHasNoNormPreservingScaleForLargeNorms() {
        // E[tanh(u)²] < 1 for every u, so ‖x‖ ≥ 1 can never be kept; small norms can.
        assertTrue(NormPreservingScale.find(tanh, 1).isEmpty());
        assertTrue(NormPreservingScale.find(tanh, 3).isEmpty());
        NormPreservingScale small = NormPreservingScale.find(tanh, 0.3).orElseThrow();
        assertEquals(0.09, tanh.diag(small.fixedVariance()), 1e-12);
    }

    @Test
    void marginalDecayAtUnitWeightVarianceIsReportedAsSlowVanishing() {
        // σ_w² = 1: V(q) = q − 2q² + …, q^l ~ 1/(2l): after 10⁴ layers q ≈ 5e-5, still > 0, no fixed point below.
        VarianceFate fate = VarianceDynamics.of(KernelMap.of(tanh, 1, 0)).fate(1, 10_000);
        VarianceFate.ToZero zero = assertInstanceOf(VarianceFate.ToZero.class, fate, fate::toString);
        assertFalse(zero.leftRange());
        assertEquals(10_000, zero.layers());
        assertTrue(zero.variance() > 2e-5 && zero.variance() < 1e-4, fate::toString);
    }

    @Test
    void anExplodingActivationIsReportedAsDivergingNotThrown() {
        // φ = exp: E[φ(u)²] = e^{2q}, so q goes 1 → 7.4 → 2.7e6 → beyond the double range.
        VarianceFate fate = VarianceDynamics.of(KernelMap.of(new org.widenets.kernel.Exp(1, 1), 1, 0)).fate(1.0);
        VarianceFate.ToInfinity inf = assertInstanceOf(VarianceFate.ToInfinity.class, fate, fate::toString);
        assertTrue(Double.isFinite(inf.variance()));
        assertTrue(inf.layers() <= 4, fate::toString);
    }

    @Test
    void tanhHasAChaoticPhaseWithoutBias() {
        PhasePoint chaos = PhaseDiagram.point(KernelMap.of(tanh, 3, 0), 1, 2_000, 0);
        assertEquals(CorrelationRegime.RHO_ONE_REPELS, chaos.regime(), chaos::toString);
        PhasePoint ordered = PhaseDiagram.point(KernelMap.of(tanh, 1.5, 1), 1, 2_000, 0);
        assertEquals(CorrelationRegime.RHO_ONE_ATTRACTS, ordered.regime(), ordered::toString);
    }
}
