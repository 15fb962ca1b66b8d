package org.widenets.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.widenets.data.Standardization;
import org.widenets.data.Uci;
import org.widenets.data.UciDataset;
import org.widenets.kernel.AbRelu;
import org.widenets.kernel.InputScaling;
import org.widenets.kernel.Mlp;

/** The Cholesky-based GP against the textbook formulas with an LU-based explicit inverse. */
class ExactGpTest {

    static double[][] randomInputs(Random r, int n, int d) {
        double[][] x = new double[n][d];
        for (double[] row : x) for (int j = 0; j < d; j++) row[j] = r.nextGaussian();
        return x;
    }

    /** Posterior and evidence from explicit A⁻¹ = (K + σ²I)⁻¹ (LU inverse) and LU determinant. */
    static void assertAgreesWithDenseFormulas(GpKernel kernel, int n, int m, double noise, long seed) {
        Random r = new Random(seed);
        double[][] x = randomInputs(r, n, 3), xs = randomInputs(r, m, 3);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = Math.sin(x[i][0]) + 0.3 * r.nextGaussian();
        DMatrixRMaj k = kernel.gram(x), ks = kernel.cross(xs, x);
        double[] kss = kernel.diagonal(xs);

        GpPosterior post = ExactGp.fit(k, y, noise);
        GpPrediction p = post.predict(ks, kss);

        DMatrixRMaj a = k.copy();
        for (int i = 0; i < n; i++) a.add(i, i, noise);
        DMatrixRMaj ainv = new DMatrixRMaj(n, n);
        assertTrue(CommonOps_DDRM.invert(a.copy(), ainv));
        DMatrixRMaj yv = new DMatrixRMaj(n, 1, true, y), alpha = new DMatrixRMaj(n, 1);
        CommonOps_DDRM.mult(ainv, yv, alpha);
        DMatrixRMaj ksAinv = new DMatrixRMaj(m, n);
        CommonOps_DDRM.mult(ks, ainv, ksAinv);
        for (int i = 0; i < m; i++) {
            double mean = 0, explained = 0;
            for (int j = 0; j < n; j++) {
                mean += ks.get(i, j) * alpha.get(j);
                explained += ksAinv.get(i, j) * ks.get(i, j);
            }
            assertEquals(mean, p.mean()[i], 1e-10 * Math.max(1, Math.abs(mean)), "mean " + i);
            assertEquals(kss[i] - explained, p.latentVariance()[i], 1e-10 * Math.max(1, kss[i]), "latent variance " + i);
            assertEquals(kss[i] - explained + noise, p.noisyVariance()[i], 1e-10 * Math.max(1, kss[i]));
        }
        double fit = 0;
        for (int i = 0; i < n; i++) fit += y[i] * alpha.get(i);
        double lml = -0.5 * fit - 0.5 * Math.log(CommonOps_DDRM.det(a)) - 0.5 * n * Math.log(2 * Math.PI);
        assertEquals(lml, post.logMarginalLikelihood(), 1e-10 * Math.max(1, Math.abs(lml)));
        assertEquals(0, post.jitter());
    }

    @Test
    void rbfPosteriorAndEvidenceMatchExplicitInverse() {
        assertAgreesWithDenseFormulas(new ArdRbf(1.3, new double[] {0.7, 1.5, 2.0}), 25, 7, 0.05, 1);
        // more rows than EJML's block width (60): several blocks, partial last block
        assertAgreesWithDenseFormulas(new ArdRbf(0.8, new double[] {1.1, 0.9, 3.0}), 137, 45, 0.2, 2);
    }

    @Test
    void networkKernelPosteriorMatchesExplicitInverse() {
        var net = Mlp.builder().activation(AbRelu.relu()).depth(2).weightVariance(1.7).biasVariance(0.2)
                .inputScaling(InputScaling.SUM).build();
        assertAgreesWithDenseFormulas(NetworkKernel.nngp(net), 70, 11, 0.1, 3);
        assertAgreesWithDenseFormulas(NetworkKernel.ntk(net), 64, 5, 0.01, 4);
    }

    /** wine-quality-red has 240 duplicated rows: at zero noise K is singular and needs jitter. */
    @Test
    void duplicatedWineInputsAtZeroNoiseNeedJitterWhichIsRecorded() {
        UciDataset wine = Uci.load("wine-quality-red");
        double[][] all = wine.x();
        double[] yAll = wine.y();
        // take rows until several exact input duplicates are included
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        java.util.List<Integer> rows = new java.util.ArrayList<>();
        int duplicates = 0;
        for (int i = 0; i < all.length && rows.size() < 150; i++) {
            if (seen.putIfAbsent(java.util.Arrays.toString(all[i]), i) != null) duplicates++;
            rows.add(i);
        }
        assertTrue(duplicates >= 2, "expected duplicated rows among the first 150, got " + duplicates);
        int[] idx = rows.stream().mapToInt(Integer::intValue).toArray();
        Standardization s = Standardization.fit(all, idx);
        double[][] x = s.apply(all, idx);
        double[] y = Standardization.fit(yAll, idx).apply(yAll, idx);
        GpKernel kernel = new ArdRbf(1, new double[] {2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2});
        DMatrixRMaj k = kernel.gram(x);

        NotPositiveDefiniteException e = assertThrows(NotPositiveDefiniteException.class,
                () -> ExactGp.fit(k, y, 0, JitterPolicy.NONE));
        assertTrue(e.getMessage().contains("not positive definite"), e.getMessage());

        GpPosterior post = ExactGp.fit(k, y, 0);
        assertTrue(post.jitter() > 0 && post.jitter() <= 1e-4, "jitter " + post.jitter());
        assertTrue(Double.isFinite(post.logMarginalLikelihood()));
        // the jittered model is what was fitted: it matches the dense formulas with noise = jitter
        GpPosterior explicit = ExactGp.fit(k, y, post.jitter(), JitterPolicy.NONE);
        assertEquals(explicit.logMarginalLikelihood(), post.logMarginalLikelihood(), 1e-9);
        assertTrue(post.toString().contains("jitter"));
    }

    @Test
    void indefiniteMatrixFailsAfterBoundedEscalation() {
        DMatrixRMaj k = new DMatrixRMaj(new double[][] {{1, 2}, {2, 1}});
        NotPositiveDefiniteException e = assertThrows(NotPositiveDefiniteException.class,
                () -> ExactGp.fit(k, new double[] {1, 2}, 0));
        assertTrue(e.largestJitter() <= 1e-4 * 1 + 1e-18 && e.largestJitter() > 0, "jitter " + e.largestJitter());
    }

    @Test
    void badInputsAreNamed() {
        DMatrixRMaj k = CommonOps_DDRM.identity(3);
        assertThrows(IllegalArgumentException.class, () -> ExactGp.fit(k, new double[] {1, 2}, 0.1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExactGp.fit(k, new double[] {1, Double.NaN, 2}, 0.1));
        assertTrue(e.getMessage().contains("y[1]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ExactGp.fit(k, new double[] {1, 2, 3}, -1));
        DMatrixRMaj bad = k.copy();
        bad.set(2, 0, Double.POSITIVE_INFINITY);
        assertThrows(IllegalArgumentException.class, () -> ExactGp.fit(bad, new double[] {1, 2, 3}, 0.1));
        GpPosterior post = ExactGp.fit(k, new double[] {1, 2, 3}, 0.1);
        assertThrows(IllegalArgumentException.class, () -> post.predict(new DMatrixRMaj(2, 2), new double[2]));
        assertThrows(IllegalArgumentException.class, () -> new ArdRbf(1, new double[] {0}));
        assertThrows(IllegalArgumentException.class,
                () -> new ArdRbf(1, new double[] {1}).gram(new double[][] {{Double.NaN}}));
    }

    /**
     * At n = {@link CholeskyFactor#THREADED_FROM} the trailing updates run on several threads, and with 850 test
     * points (n²m above an n = 2500 factorisation's work) so do the forward solves of the variances: α, the log
     * determinant and the latent variances agree with EJML's own row-major Cholesky (an independent code path).
     */
    @Test
    void multiThreadedFactorAgreesWithTheRowMajorSolver() {
        int n = CholeskyFactor.THREADED_FROM;
        Random r = new Random(12);
        double[][] x = randomInputs(r, n, 3);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = Math.sin(x[i][0]) + 0.3 * r.nextGaussian();
        DMatrixRMaj k = new ArdRbf(1.0, new double[] {1.2, 1.2, 1.2}).gram(x);
        GpPosterior post = ExactGp.fit(k, y, 0.05);
        DMatrixRMaj a = k.copy();
        for (int i = 0; i < n; i++) a.add(i, i, 0.05);
        var chol = org.ejml.dense.row.factory.DecompositionFactory_DDRM.chol(n, true);
        assertTrue(chol.decompose(a));
        DMatrixRMaj l = chol.getT(null);
        double logDet = 0;
        for (int i = 0; i < n; i++) logDet += 2 * Math.log(l.get(i, i));
        assertEquals(logDet, post.logDeterminant(), 1e-10 * Math.abs(logDet));
        DMatrixRMaj alpha = new DMatrixRMaj(n, 1, true, y);
        org.ejml.dense.row.decomposition.TriangularSolver_DDRM.solveL(l.data, alpha.data, n);
        org.ejml.dense.row.decomposition.TriangularSolver_DDRM.solveTranL(l.data, alpha.data, n);
        double[] got = post.alpha();
        for (int i = 0; i < n; i++) assertEquals(alpha.get(i), got[i], 1e-9 * (1 + Math.abs(alpha.get(i))), "α " + i);

        int m = 850;
        GpKernel kernel = new ArdRbf(1.0, new double[] {1.2, 1.2, 1.2});
        double[][] xs = randomInputs(r, m, 3);
        DMatrixRMaj ks = kernel.cross(xs, x);
        double[] kss = kernel.diagonal(xs);
        double[] variance = post.predict(ks, kss).latentVariance();
        double[] v = new double[n];
        // every 17th test point (each tile of test points is covered), to keep EJML's scalar solves short
        for (int t = 0; t < m; t += 17) {
            System.arraycopy(ks.data, t * n, v, 0, n);
            org.ejml.dense.row.decomposition.TriangularSolver_DDRM.solveL(l.data, v, n);
            double explained = 0;
            for (double vi : v) explained += vi * vi;
            assertEquals(Math.max(0, kss[t] - explained), variance[t], 1e-10, "latent variance " + t);
        }
    }
}
