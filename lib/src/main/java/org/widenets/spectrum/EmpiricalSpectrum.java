package org.widenets.spectrum;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Eigenvalues of a kernel matrix K on n uniform points of the sphere, divided by n: the Nyström
 * estimates of the Mercer eigenvalues, which converge to μ_ℓ repeated N(d, ℓ) times as n → ∞
 * (Koltchinskii &amp; Giné 2000). The "empirical eigenvalue decay" of the paper's v2
 * (shared/papers/rkhs-smoothness.md §4, F7).
 */
public final class EmpiricalSpectrum {

    private EmpiricalSpectrum() {
    }

    /** Eigenvalues of the symmetric matrix K/n in decreasing order (EJML symmetric eigensolver). */
    public static double[] of(DMatrixRMaj gram) {
        if (gram.numRows != gram.numCols) {
            throw new IllegalArgumentException("kernel matrix must be square, got " + gram.numRows + "×" + gram.numCols);
        }
        int n = gram.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        if (!eig.decompose(gram.copy())) {
            throw new IllegalArgumentException("eigen-decomposition of the " + n + "×" + n + " kernel matrix failed");
        }
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            lambda[i] = eig.getEigenvalue(i).getReal() / n;
        }
        Arrays.sort(lambda);
        for (int i = 0; i < n / 2; i++) {
            double t = lambda[i];
            lambda[i] = lambda[n - 1 - i];
            lambda[n - 1 - i] = t;
        }
        return lambda;
    }

    /**
     * The first {@code count} Mercer eigenvalues in decreasing order, μ_ℓ repeated N(d, ℓ) times (resolved
     * degrees only; exact zeros count as 0).
     */
    public static double[] mercerSorted(MercerSpectrum s, int count) {
        org.widenets.kernel.Checks.atLeast("count", count, 1);
        double total = 0;
        for (int l = 0; l <= s.ellMax(); l++) total += s.multiplicity(l);
        if (total < count || total > 5e6) {
            throw new IllegalArgumentException("the spectrum up to ℓmax = " + s.ellMax() + " holds " + (long) total
                    + " eigenvalues with multiplicity; count = " + count + " needs between count and 5e6");
        }
        double[] values = new double[(int) total];
        int k = 0;
        for (int l = 0; l <= s.ellMax(); l++) {
            double mu = s.resolved(l) ? s.raw(l) : 0.0;
            for (long j = Math.round(s.multiplicity(l)); j > 0; j--) values[k++] = mu;
        }
        Arrays.sort(values, 0, k);
        double[] top = new double[count];
        for (int i = 0; i < count; i++) top[i] = values[k - 1 - i];
        return top;
    }
}
