package org.widenets.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.widenets.kernel.AbRelu;
import org.widenets.kernel.InputScaling;
import org.widenets.kernel.KernelMatrices;
import org.widenets.kernel.Mlp;
import org.widenets.kernel.Network;

class NtkEnsembleTest {

    @Test
    void meanAndCovarianceMatchExplicitInverseFormulas() {
        Random r = new Random(5);
        int n = 40, m = 6;
        double[][] x = ExactGpTest.randomInputs(r, n, 4), xs = ExactGpTest.randomInputs(r, m, 4);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = x[i][1] * x[i][2] + 0.1 * r.nextGaussian();
        Network net = Mlp.builder().activation(AbRelu.leakyRelu(0.2)).depth(3).weightVariance(1.5)
                .biasVariance(0.1).inputScaling(InputScaling.SUM).build();
        DMatrixRMaj xm = GpKernel.matrix("x", x), xsm = GpKernel.matrix("xs", xs);
        KernelMatrices train = net.matrices(xm, xm), cross = net.matrices(xsm, xm), test = net.matrices(xsm, xsm);

        NtkEnsemble ens = NtkEnsemble.fit(train, y, 0);
        double[] diag = new double[m];
        for (int i = 0; i < m; i++) diag[i] = test.nngp().get(i, i);
        GpPrediction p = ens.predict(cross, diag);
        DMatrixRMaj cov = ens.covariance(cross, test.nngp());

        DMatrixRMaj tinv = new DMatrixRMaj(n, n);
        assertTrue(CommonOps_DDRM.invert(train.ntk().copy(), tinv));
        DMatrixRMaj w = new DMatrixRMaj(m, n); // Θ*D Θ⁻¹
        CommonOps_DDRM.mult(cross.ntk(), tinv, w);
        DMatrixRMaj mean = new DMatrixRMaj(m, 1);
        CommonOps_DDRM.mult(w, new DMatrixRMaj(n, 1, true, y), mean);
        DMatrixRMaj wk = new DMatrixRMaj(m, n), wkw = new DMatrixRMaj(m, m), wkc = new DMatrixRMaj(m, m);
        CommonOps_DDRM.mult(w, train.nngp(), wk);
        CommonOps_DDRM.multTransB(wk, w, wkw);
        CommonOps_DDRM.multTransB(w, cross.nngp(), wkc); // Θ*D Θ⁻¹ KD*
        double scale = CommonOps_DDRM.elementMaxAbs(test.nngp());
        for (int i = 0; i < m; i++) {
            assertEquals(mean.get(i), p.mean()[i], 1e-10 * Math.max(1, Math.abs(mean.get(i))));
            for (int j = 0; j < m; j++) {
                double expected = test.nngp().get(i, j) + wkw.get(i, j) - wkc.get(i, j) - wkc.get(j, i);
                assertEquals(expected, cov.get(i, j), 1e-9 * scale, "cov " + i + "," + j);
            }
            assertEquals(cov.get(i, i), p.latentVariance()[i], 1e-9 * scale);
        }
    }

    /** With Θ = K the t = ∞ ensemble is the noise-free NNGP posterior. */
    @Test
    void equalKernelsGiveTheNoiseFreeGpPosterior() {
        Random r = new Random(6);
        int n = 30, m = 5;
        double[][] x = ExactGpTest.randomInputs(r, n, 2), xs = ExactGpTest.randomInputs(r, m, 2);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = Math.cos(x[i][0]);
        ArdRbf k = new ArdRbf(1, new double[] {1.5, 1.5});
        DMatrixRMaj kt = k.gram(x), kc = k.cross(xs, x);
        NtkEnsemble ens = NtkEnsemble.fit(new KernelMatrices(kt, kt), y, 0);
        GpPrediction e = ens.predict(new KernelMatrices(kc, kc), k.diagonal(xs));
        GpPrediction g = ExactGp.fit(kt, y, 0).predict(kc, k.diagonal(xs));
        for (int i = 0; i < m; i++) {
            assertEquals(g.mean()[i], e.mean()[i], 1e-8);
            assertEquals(g.latentVariance()[i], e.latentVariance()[i], 1e-8);
        }
    }
}
