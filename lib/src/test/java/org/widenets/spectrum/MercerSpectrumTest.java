package org.widenets.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.widenets.kernel.AbRelu;

/** Funk–Hecke coefficients by the θ-panel rule against kernels whose spectra are known in closed form. */
class MercerSpectrumTest {

    @Test
    void poissonKernelHasEigenvaluesRToTheEllInEveryDimension() {
        // (1 − r²)/(1 − 2rt + r²)^{d/2} = Σ_ℓ N(d,ℓ) r^ℓ P_ℓ^{(d)}(t): μ_ℓ = r^ℓ.
        double r = 0.5;
        for (int d = 2; d <= 5; d++) {
            int dim = d;
            MercerSpectrum s = MercerSpectrum.of(t -> (1 - r * r) / Math.pow(1 - 2 * r * t + r * r, dim / 2.0),
                    d, 40, 1e-12, "Poisson");
            for (int l = 0; l <= 40; l++) {
                assertEquals(Math.pow(r, l), s.raw(l), 1e-14, "d = " + d + ", ℓ = " + l);
            }
        }
    }

    @Test
    void highDegreesStayAccurate() {
        // r = 0.99 on S²: μ_2000 = 0.99^2000 ≈ 1.9e−9 of μ_0 must still come out right.
        double r = 0.99;
        MercerSpectrum s = MercerSpectrum.of(t -> (1 - r * r) / Math.pow(1 - 2 * r * t + r * r, 1.5), 3, 2000, 1e-12, "Poisson");
        for (int l : new int[] {100, 500, 1000, 1500, 2000}) {
            assertEquals(1.0, s.raw(l) / Math.pow(r, l), 1e-5, "ℓ = " + l);
        }
    }

    @Test
    void endpointSingularityOnTheTwoSphereMatchesExactLegendreCoefficients() {
        // (1 − t)^a on S² (d = 3, c_3 = 1/2): ∫(1−t)^a P_n = (−1)^n 2^{a+1}Γ(a+1)²/(Γ(a+n+2)Γ(a−n+1)), i.e.
        // μ_0 = 2^a/(a+1) and μ_n = μ_{n−1}·(n−1−a)/(a+n+1) (μ_1 = −0.48487…, checked by hand:
        // ½∫_0^2 u^a(1−u)du). The singularity at t = 1 is the one network kernels have.
        double a = 1.5;
        MercerSpectrum s = MercerSpectrum.of(t -> Math.pow(1 - t, a), 3, 120, 1e-12, "(1-t)^1.5");
        double exact = Math.pow(2, a) / (a + 1);
        for (int n = 0; n <= 120; n++) {
            if (n > 0) exact *= (n - 1 - a) / (a + n + 1);
            // Relative accuracy until the coefficients reach the round-off floor, ~ε·max κ = 3e−16 per node
            // (t = cos θ carries only absolute precision); allow a few times that.
            assertEquals(exact, s.raw(n), 1e-10 * Math.abs(exact) + 2e-15, "ℓ = " + n);
        }
    }

    @Test
    void twoLayerReluNtkMatchesTheReferenceTable() {
        // shared/papers/rkhs-smoothness.md §5.3 (independent Python), d = 2, σ_w = σ_b = σ_i = 1.
        int[] ell = {0, 1, 2, 3, 5, 10, 20, 50, 99};
        double[] bias = {2.034132e+00, 4.007702e-01, 4.983817e-02, 1.040487e-02, 3.188318e-03, 7.356394e-04,
                1.802936e-04, 2.868807e-05, 7.311916e-06};
        double[] noBias = {3.039636e-01, 2.500000e-01, 7.880537e-02, 0, 0, 1.064798e-03, 2.564835e-04, 4.060959e-05, 0};
        MercerSpectrum withBias = MercerSpectrum.of(SphereKernel.paper(AbRelu.relu(), 2, true, 2, KernelType.NTK), 99);
        MercerSpectrum without = MercerSpectrum.of(SphereKernel.paper(AbRelu.relu(), 2, false, 2, KernelType.NTK), 99);
        for (int i = 0; i < ell.length; i++) {
            // The table has 7 significant digits.
            assertEquals(bias[i], withBias.eigenvalue(ell[i]), 6e-7 * bias[i], "bias, ℓ = " + ell[i]);
            assertEquals(noBias[i], without.eigenvalue(ell[i]), 6e-7 * noBias[i], "no bias, ℓ = " + ell[i]);
        }
    }

    @Test
    void biasFreeTwoLayerReluHasExactZerosAtOddDegreesFromThree() {
        for (KernelType type : KernelType.values()) {
            for (int d = 2; d <= 4; d++) {
                MercerSpectrum s = MercerSpectrum.of(SphereKernel.paper(AbRelu.relu(), 2, false, d, type), 150);
                assertTrue(s.resolved(1), "μ_1 is the linear part");
                for (int l = 3; l <= 150; l += 2) {
                    assertEquals(MercerSpectrum.Status.ZERO, s.status(l), type + " d = " + d + " ℓ = " + l);
                    assertEquals(0.0, s.eigenvalue(l));
                }
                for (int l = 0; l <= 20; l += 2) {
                    assertTrue(s.eigenvalue(l) > 0, type + " d = " + d + " even ℓ = " + l);
                }
                assertEquals(DecayFit.Status.ZERO, s.decay().odd().status());
            }
        }
    }

    @Test
    void mercerSeriesSumsBackToTheKernel() {
        // κ(t) = Σ N(d,ℓ) μ_ℓ P_ℓ(t); the NNGP tail decays like ℓ^{−(2k+1)} = ℓ^{−3} after multiplicities.
        SphereKernel k = SphereKernel.paper(AbRelu.relu(), 3, true, 3, KernelType.NNGP);
        MercerSpectrum s = MercerSpectrum.of(k, 600);
        for (double t : new double[] {1.0, 0.3, -0.8}) {
            assertEquals(k.value(t), s.series(t), 1e-5, "t = " + t);
        }
    }

    @Test
    void coefficientsBelowTheFloorAreRefusedRatherThanPrinted() {
        // ReLU NNGP on S⁴ decays like ℓ^{−7}: it crosses the closed-form floor 1e−14 of the scale near ℓ ≈ 105
        // (and the quadrature-level floor 1e−12 near ℓ ≈ 55).
        MercerSpectrum s = MercerSpectrum.of(SphereKernel.paper(AbRelu.relu(), 2, true, 5, KernelType.NNGP), 200);
        int last = s.lastResolved();
        assertTrue(last > 80 && last < 140, "last resolved " + last);
        int coarse = MercerSpectrum.of(SphereKernel.paper(AbRelu.relu(), 2, true, 5, KernelType.NNGP), 200, 1e-12).lastResolved();
        assertTrue(coarse > 40 && coarse < 70, "last resolved above 1e-12: " + coarse);
        for (int l = 0; l <= last; l++) {
            assertTrue(s.eigenvalue(l) >= MercerSpectrum.RESOLVED_OVER_NOISE * s.noise(l), "ℓ = " + l);
        }
        int unresolved = -1;
        for (int l = last + 1; l <= 200 && unresolved < 0; l++) {
            if (s.status(l) == MercerSpectrum.Status.UNRESOLVED) unresolved = l;
        }
        assertTrue(unresolved > 0, "a degree just past the floor is nonzero but unresolved");
        int u = unresolved;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.eigenvalue(u));
        assertTrue(e.getMessage().contains("round-off floor"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.eigenvalue(201));
    }

    @Test
    void badArgumentsAreRejectedWithTheirName() {
        SphereKernel k = SphereKernel.paper(AbRelu.relu(), 2, true, 3, KernelType.NNGP);
        assertMessage(() -> new SphereKernel(k.network(), 1, KernelType.NNGP), "d must be ≥ 2");
        assertMessage(() -> MercerSpectrum.of(t -> 1, 1, 10, 1e-12, "one"), "d must be ≥ 2");
        assertMessage(() -> MercerSpectrum.of(k, MercerSpectrum.MAX_DEGREE + 1), "ellMax");
        assertMessage(() -> MercerSpectrum.of(k, -1), "ellMax");
        assertMessage(() -> MercerSpectrum.of(k, 10, 1e-17), "relativeFloor");
        assertMessage(() -> k.value(1.5), "[−1, 1]");
        assertMessage(() -> k.value(new double[] {1, 1, 0}, new double[] {1, 0, 0}), "not on the unit sphere");
        assertMessage(() -> k.value(new double[] {1, 0}, new double[] {1, 0}), "dimension");
        assertMessage(() -> SphereKernel.paper(AbRelu.relu(), 1, true, 3, KernelType.NNGP), "layers");
        assertMessage(() -> MercerSpectrum.of(t -> Double.NaN, 3, 10, 1e-12, "nan"), "not finite");
    }

    @Test
    void unitVectorsGiveTheDotProductKernel() {
        SphereKernel k = SphereKernel.paper(AbRelu.relu(), 3, true, 3, KernelType.NTK);
        double[] x = {0.6, 0.8, 0}, y = {0, 0.6, 0.8};
        assertEquals(k.value(0.48), k.value(x, y), 1e-15);
        assertEquals(k.network().pair(x, y).ntk12(), k.value(x, y), 1e-14);
        assertEquals(k.network().pair(x, x).ntk12(), k.value(1.0), 1e-14);
    }

    static void assertMessage(org.junit.jupiter.api.function.Executable call, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' should mention " + fragment);
    }
}
