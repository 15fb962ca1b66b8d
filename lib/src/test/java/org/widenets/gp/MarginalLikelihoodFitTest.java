package org.widenets.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MarginalLikelihoodFitTest {

    private static double lml(KernelFamily f, double[] theta, double noise, double[][] x, double[] y) {
        return ExactGp.fit(f.at(theta).gram(x), y, noise).logMarginalLikelihood();
    }

    /** The analytic ARD-RBF evidence gradient against central differences in log coordinates. */
    @Test
    void analyticGradientMatchesFiniteDifferences() {
        Random r = new Random(11);
        double[][] x = ExactGpTest.randomInputs(r, 40, 3);
        double[] y = new double[40];
        for (int i = 0; i < 40; i++) y[i] = Math.sin(2 * x[i][0]) + 0.5 * x[i][1] + 0.2 * r.nextGaussian();
        KernelFamily f = KernelFamily.ardRbf(3);
        double[] theta = {1.3, 0.8, 2.0, 5.0};
        double noise = 0.07;
        double[] g = MarginalLikelihoodFit.evidenceGradient(f, theta, noise, x,
                ExactGp.fit(f.at(theta).gram(x), y, noise));
        double h = 1e-5;
        for (int k = 0; k <= theta.length; k++) {
            double[] tp = theta.clone(), tm = theta.clone();
            double np = noise, nm = noise;
            if (k < theta.length) {
                tp[k] *= Math.exp(h);
                tm[k] *= Math.exp(-h);
            } else {
                np *= Math.exp(h);
                nm *= Math.exp(-h);
            }
            double fd = (lml(f, tp, np, x, y) - lml(f, tm, nm, x, y)) / (2 * h);
            assertEquals(fd, g[k], 1e-6 * Math.max(1, Math.abs(fd)), "component " + k);
        }
    }

    /** The derivative-free path (BOBYQA) and the gradient path find the same optimum on a small problem. */
    @Test
    void bobyqaAndConjugateGradientsAgree() {
        Random r = new Random(12);
        double[][] x = ExactGpTest.randomInputs(r, 60, 2);
        double[] y = new double[60];
        for (int i = 0; i < 60; i++) y[i] = Math.cos(x[i][0]) * x[i][1] + 0.1 * r.nextGaussian();
        KernelFamily withGradient = KernelFamily.ardRbf(2);
        KernelFamily withoutGradient = new KernelFamily() {
            public List<String> names() { return withGradient.names(); }
            public double[] lower() { return withGradient.lower(); }
            public double[] upper() { return withGradient.upper(); }
            public double[] start() { return withGradient.start(); }
            public GpKernel at(double[] theta) { return withGradient.at(theta); }
        };
        var a = MarginalLikelihoodFit.builder(withGradient).restarts(1).seed(3).build().fit(x, y);
        var b = MarginalLikelihoodFit.builder(withoutGradient).restarts(1).seed(3).maxEvaluations(3000).build().fit(x, y);
        assertEquals(a.logMarginalLikelihood(), b.logMarginalLikelihood(), 1e-2, a + " vs " + b);
        // the reported optimum is the evidence of the reported hyperparameters
        assertEquals(lml(withGradient, a.theta(), a.noiseVariance(), x, y), a.logMarginalLikelihood(), 1e-9);
        assertTrue(a.noiseVariance() >= 1e-6);
    }

    @Test
    void noiseFloorIsRespected() {
        Random r = new Random(13);
        double[][] x = ExactGpTest.randomInputs(r, 30, 1);
        double[] y = new double[30];
        for (int i = 0; i < 30; i++) y[i] = Math.sin(x[i][0]); // noise-free: the evidence wants σ_n² → 0
        var h = MarginalLikelihoodFit.builder(KernelFamily.ardRbf(1)).noiseFloor(1e-3).build().fit(x, y);
        assertTrue(h.noiseVariance() >= 1e-3 * (1 - 1e-9) && h.noiseVariance() < 2e-3, "noise " + h.noiseVariance());
        assertThrows(IllegalArgumentException.class,
                () -> MarginalLikelihoodFit.builder(KernelFamily.ardRbf(1)).noiseFloor(20).build());
    }
}
