package org.widenets.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.widenets.data.RegressionSplit;
import org.widenets.data.Uci;
import org.widenets.data.UciProtocol;
import org.widenets.kernel.AbRelu;
import org.widenets.kernel.Erf;

/**
 * The tridiagonal path of the Figure 6 grid ({@link ScaledKernelGps}) against the plain Cholesky path
 * ({@link ExactGp} on s·T + σ²·I built explicitly), which is itself checked against explicit inverses in
 * {@link ExactGpTest}.
 */
class ScaledKernelGpsTest {

    /** Boston's paper tuning split cut to 150 fit and 60 validation rows: small, real data. */
    private static RegressionSplit smallBoston() {
        RegressionSplit t = UciProtocol.shallowPaperTuning(Uci.load("boston-housing"));
        return new RegressionSplit("boston small", java.util.Arrays.copyOf(t.xTrain(), 150),
                java.util.Arrays.copyOf(t.yTrain(), 150), java.util.Arrays.copyOf(t.xTest(), 60),
                java.util.Arrays.copyOf(t.yTest(), 60), t.target());
    }

    private static GpPrediction cholesky(GpKernel t, RegressionSplit s, double scale, double noise) {
        DMatrixRMaj k = t.gram(s.xTrain()), kc = t.cross(s.xTest(), s.xTrain());
        CommonOps_DDRM.scale(scale, k);
        CommonOps_DDRM.scale(scale, kc);
        double[] kd = t.diagonal(s.xTest());
        for (int i = 0; i < kd.length; i++) kd[i] *= scale;
        return ExactGp.fit(k, s.yTrain(), noise).predict(kc, kd);
    }

    @Test
    void everyScaleAndNoiseOfThePaperGridMatchesTheCholeskyPath() {
        RegressionSplit s = smallBoston();
        GpKernel t = NetworkKernel.nngp(PaperKernels.shallow(AbRelu.relu(), 3.5, 0.1, 1));
        ScaledKernelGps family = ScaledKernelGps.of(t.gram(s.xTrain()), t.cross(s.xTest(), s.xTrain()),
                t.diagonal(s.xTest()), s.yTrain());
        for (double scale : ShallowGridSearch.PAPER_VARIANCES) {
            for (double noise : new double[] {1.0, 0.1, 0.01}) {
                GpPrediction a = family.predict(scale, noise), b = cholesky(t, s, scale, noise);
                for (int i = 0; i < a.mean().length; i++) {
                    assertEquals(b.mean()[i], a.mean()[i], 1e-10 * (1 + Math.abs(b.mean()[i])), "mean");
                    assertEquals(b.latentVariance()[i], a.latentVariance()[i], 1e-10 * (1 + b.latentVariance()[i]),
                            "variance at s = " + scale + ", noise = " + noise);
                }
                double nllA = RegressionScore.of(s.yTest(), a.mean(), a.noisyVariance(), 1).nll();
                double nllB = RegressionScore.of(s.yTest(), b.mean(), b.noisyVariance(), 1).nll();
                assertEquals(nllB, nllA, 1e-10 * Math.abs(nllB));
            }
        }
    }

    /** The grid search selects what a brute-force loop of Choleskys selects, with the same validation NLL. */
    @Test
    void gridSelectionEqualsBruteForceCholesky() {
        RegressionSplit s = smallBoston();
        double[] variances = {10, 2.0, 0.5, 0.1};
        double[] noises = {1.0, 0.1, 0.01};
        var erf = Erf.standard();
        double bestNll = Double.POSITIVE_INFINITY;
        double[] best = null;
        for (double noise : noises)
            for (double b0 : variances)
                for (double w0 : variances)
                    for (double w1 : variances) {
                        GpKernel t = NetworkKernel.nngp(PaperKernels.shallow(erf, b0, w0, 1));
                        GpPrediction p = cholesky(t, s, w1, noise);
                        double nll = RegressionScore.of(s.yTest(), p.mean(), p.noisyVariance(), 1).nll();
                        if (nll < bestNll) {
                            bestNll = nll;
                            best = new double[] {noise, b0, w0, w1};
                        }
                    }
        var sel = ShallowGridSearch.select(erf, s, noises, variances, null);
        assertEquals(best[0], sel.noiseVariance(), 0, sel.toString());
        assertEquals(best[1], sel.biasVariance0(), 0, sel.toString());
        assertEquals(best[2], sel.weightVariance0(), 0, sel.toString());
        assertEquals(best[3], sel.weightVariance1(), 0, sel.toString());
        assertEquals(bestNll, sel.validationNll(), 1e-10 * Math.abs(bestNll));
    }

    /** Duplicated inputs at zero noise: M is singular, the setting goes through the jittered Cholesky. */
    @Test
    void singularSettingFallsBackToTheJitteredCholesky() {
        Random r = new Random(3);
        double[][] x = ExactGpTest.randomInputs(r, 20, 2), xs = ExactGpTest.randomInputs(r, 5, 2);
        for (int i = 10; i < 20; i++) x[i] = x[i - 10].clone();
        double[] y = new double[20];
        for (int i = 0; i < 20; i++) y[i] = Math.sin(x[i][0]) + 0.1 * x[i][1];
        GpKernel t = NetworkKernel.nngp(PaperKernels.shallow(AbRelu.relu(), 1, 1, 1));
        ScaledKernelGps family = ScaledKernelGps.of(t.gram(x), t.cross(xs, x), t.diagonal(xs), y);
        GpPrediction a = family.predict(2.0, 0);
        DMatrixRMaj k = t.gram(x), kc = t.cross(xs, x);
        CommonOps_DDRM.scale(2, k);
        CommonOps_DDRM.scale(2, kc);
        double[] kd = t.diagonal(xs);
        for (int i = 0; i < kd.length; i++) kd[i] *= 2;
        GpPosterior post = ExactGp.fit(k, y, 0);
        assertTrue(post.jitter() > 0, "duplicated rows at zero noise need jitter");
        GpPrediction b = post.predict(kc, kd);
        for (int i = 0; i < xs.length; i++) {
            assertEquals(b.mean()[i], a.mean()[i], 0);
            assertEquals(b.latentVariance()[i], a.latentVariance()[i], 0);
        }
    }
}
