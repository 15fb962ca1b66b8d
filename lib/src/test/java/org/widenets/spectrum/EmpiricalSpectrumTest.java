package org.widenets.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.widenets.kernel.AbRelu;

/** Nyström eigenvalues of a kernel matrix on uniform sphere points against μ_ℓ with multiplicity N(d, ℓ). */
class EmpiricalSpectrumTest {

    @Test
    void gramEigenvaluesOverNApproachTheMercerEigenvaluesWithMultiplicity() {
        SphereKernel k = SphereKernel.paper(AbRelu.relu(), 2, true, 3, KernelType.NNGP);
        MercerSpectrum s = MercerSpectrum.of(k, 60);
        DMatrixRMaj x = SpherePoints.uniform(3, 400, 1);
        double[] lambda = EmpiricalSpectrum.of(k.network().matrices(x, x).nngp());
        double[] mu = EmpiricalSpectrum.mercerSorted(s, 9);
        // Eigenvalues of one degree split by O(1/√n) around μ_ℓ; their mean over the N(3, ℓ) = 1, 3, 5 copies
        // is much closer. A wrong multiplicity or normalisation would be off by factors of 3 to 5.
        int at = 0;
        for (int ell = 0; ell <= 2; ell++) {
            int n = (int) s.multiplicity(ell);
            double mean = 0;
            for (int i = at; i < at + n; i++) mean += lambda[i] / n;
            assertEquals(s.eigenvalue(ell), mu[at], 1e-15);
            assertEquals(s.eigenvalue(ell), mean, 0.05 * s.eigenvalue(ell), "ℓ = " + ell);
            at += n;
        }
        double trace = 0;
        for (double l : lambda) trace += l;
        assertEquals(k.value(1.0), trace, 1e-12, "trace of K/n is κ(1)");
    }

    @Test
    void spherePointsAreUnitVectors() {
        for (DMatrixRMaj x : new DMatrixRMaj[] {SpherePoints.uniform(4, 50, 3), SpherePoints.fibonacci(50)}) {
            for (int i = 0; i < x.numRows; i++) {
                double s = 0;
                for (int j = 0; j < x.numCols; j++) s += x.get(i, j) * x.get(i, j);
                assertEquals(1.0, s, 1e-14);
            }
        }
    }
}
