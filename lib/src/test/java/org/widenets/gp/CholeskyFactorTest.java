package org.widenets.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.junit.jupiter.api.Test;

/**
 * The blocked row-array Cholesky against EJML's LU (solves, inverse, quadratic forms) and EJML's own
 * Cholesky (log determinant), at sizes below, at and across the panel (128 columns) and tile (512 rows,
 * 256 right-hand sides) widths.
 */
class CholeskyFactorTest {

    private static DMatrixRMaj kernel(int n, long seed) {
        return new ArdRbf(1.1, new double[] {0.9, 1.4, 2.0}).gram(ExactGpTest.randomInputs(new Random(seed), n, 3));
    }

    private static DMatrixRMaj random(int rows, int cols, long seed) {
        Random r = new Random(seed);
        DMatrixRMaj b = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < b.data.length; i++) b.data[i] = r.nextGaussian();
        return b;
    }

    private static void assertClose(double expected, double actual, double scale, String what) {
        assertEquals(expected, actual, 1e-10 * Math.max(1, scale), what);
    }

    private static void assertAgrees(int n, int m, long seed) {
        double noise = 0.1;
        DMatrixRMaj k = kernel(n, seed);
        CholeskyFactor f = CholeskyFactor.of(k, noise, JitterPolicy.NONE);
        DMatrixRMaj a = k.copy();
        for (int i = 0; i < n; i++) a.add(i, i, noise);
        DMatrixRMaj inv = new DMatrixRMaj(n, n);
        assertTrue(CommonOps_DDRM.invert(a.copy(), inv));

        var chol = DecompositionFactory_DDRM.chol(n, true);
        assertTrue(chol.decompose(a.copy()));
        DMatrixRMaj l = chol.getT(null);
        double logDet = 0;
        for (int i = 0; i < n; i++) logDet += 2 * Math.log(l.get(i, i));
        assertClose(logDet, f.logDeterminant(), Math.abs(logDet), "log det, n = " + n);

        DMatrixRMaj b = random(m, n, seed + 1);
        DMatrixRMaj expected = new DMatrixRMaj(n, m);
        CommonOps_DDRM.multTransB(inv, b, expected);
        DMatrixRMaj got = f.solveTransposed(b);
        for (int i = 0; i < expected.data.length; i++) {
            assertClose(expected.data[i], got.data[i], Math.abs(expected.data[i]), "A⁻¹Bᵀ, n = " + n + ", m " + m);
        }
        double[] norms = f.forwardSquaredNorms(b);
        for (int t = 0; t < m; t++) {
            // ‖L⁻¹b‖² = bᵀA⁻¹b
            double q = 0;
            for (int i = 0; i < n; i++) q += b.get(t, i) * expected.get(i, t);
            assertClose(q, norms[t], q, "‖L⁻¹b‖², n = " + n + ", m = " + m + ", t = " + t);
        }
        double[] y = new double[n];
        System.arraycopy(b.data, 0, y, 0, n);
        double[] x = f.solve(y);
        for (int i = 0; i < n; i++) assertClose(expected.get(i, 0), x[i], Math.abs(x[i]), "A⁻¹y, n = " + n);
        DMatrixRMaj gotInv = f.inverse();
        for (int i = 0; i < inv.data.length; i++) {
            assertClose(inv.data[i], gotInv.data[i], Math.abs(inv.data[i]), "A⁻¹, n = " + n);
        }
    }

    @Test
    void agreesWithDenseLuAcrossBlockAndTileBoundaries() {
        assertAgrees(1, 1, 1);
        assertAgrees(5, 3, 2);
        assertAgrees(128, 7, 3);
        assertAgrees(129, 257, 4);
        assertAgrees(700, 300, 5);
    }

    /**
     * The last row (third panel) made to lose definiteness by 1e-6: its pivot, the Schur complement
     * a − kᵀA₂₉₉⁻¹k computed by LU, is set to −1e-6. No jitter: refused; default policy: the first jitter
     * step above 1e-6 is recorded. A 2×2 minor [[1, 1], [1, ½]] in row 150 (second panel) is beyond any
     * allowed jitter.
     */
    @Test
    void lostDefinitenessInALaterPanelIsJitteredOrRefused() {
        int n = 300, row = n - 1;
        double noise = 0.01;
        DMatrixRMaj k = kernel(n, 7);
        DMatrixRMaj lead = CommonOps_DDRM.extract(k, 0, row, 0, row);
        DMatrixRMaj col = CommonOps_DDRM.extract(k, 0, row, row, n);
        for (int i = 0; i < row; i++) lead.add(i, i, noise);
        DMatrixRMaj x = new DMatrixRMaj(row, 1);
        assertTrue(CommonOps_DDRM.solve(lead, col, x));
        double schur = k.get(row, row) + noise - CommonOps_DDRM.dot(col, x);
        k.add(row, row, -schur - 1e-6);
        double meanDiag = noise;
        for (int i = 0; i < n; i++) meanDiag += k.get(i, i) / n;

        NotPositiveDefiniteException e = assertThrows(NotPositiveDefiniteException.class,
                () -> CholeskyFactor.of(k, noise, JitterPolicy.NONE));
        assertTrue(e.getMessage().contains("300×300"), e.getMessage());
        CholeskyFactor f = CholeskyFactor.of(k, noise, JitterPolicy.DEFAULT);
        assertTrue(f.jitter() > 1e-6 && f.jitter() <= 1e-5 * meanDiag * (1 + 1e-9), "jitter " + f.jitter());
        assertEquals(noise + f.jitter(), f.shift(), 1e-15);

        DMatrixRMaj bad = kernel(n, 7);
        bad.set(150, 20, 1);
        bad.set(150, 150, 0.5);
        NotPositiveDefiniteException capped = assertThrows(NotPositiveDefiniteException.class,
                () -> CholeskyFactor.of(bad, 0, JitterPolicy.DEFAULT));
        double cap = capped.largestJitter();
        assertTrue(cap > 0 && cap <= 1e-4 * 1.1, "jitter " + cap);
    }

    @Test
    void aNonFiniteEntryIsNotPositiveDefinite() {
        DMatrixRMaj k = kernel(150, 8);
        k.set(130, 70, Double.NaN);
        assertThrows(NotPositiveDefiniteException.class, () -> CholeskyFactor.of(k, 0.1, JitterPolicy.DEFAULT));
    }
}
