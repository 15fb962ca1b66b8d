package org.widenets.nn;

import org.widenets.data.BinaryTask;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ForkJoinPool;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.widenets.kernel.AbRelu;
import org.widenets.kernel.Activation;

class OneHiddenLayerNetTest {

    private static final Activation LEAKY = AbRelu.leakyRelu(0.1);

    /** Direct triple loop f(x) = Σ_r a_r φ(Σ_j w_rj x_j), no blocks, no EJML. */
    private static double naiveLogit(double[][] w, double[] a, double[] x) {
        double f = 0;
        for (int r = 0; r < a.length; r++) {
            double p = 0;
            for (int j = 0; j < x.length; j++) p += w[r][j] * x[j];
            f += a[r] * LEAKY.phi(p);
        }
        return f;
    }

    private static double[] row(DMatrixRMaj x, int i) {
        double[] out = new double[x.numCols];
        for (int j = 0; j < x.numCols; j++) out[j] = x.get(i, j);
        return out;
    }

    @Test
    void logitsAndKernelMatchADirectLoopAcrossSeveralBlocks() {
        BinaryTask task = TwoGaussians.task(20, 7, 5, 1.0, 1);
        int width = 2 * OneHiddenLayerNet.BLOCK + 17; // a ragged last block
        OneHiddenLayerNet net = OneHiddenLayerNet.gaussian(width, 5, 0.3, 0.02, LEAKY, 9);
        double[][] w = net.inputWeights();
        double[] a = net.outputWeights();
        DMatrixRMaj x = LabelledInputs.train(task).x();
        double[] f = net.logits(x);
        for (int i = 0; i < x.numRows; i++) {
            assertEquals(naiveLogit(w, a, row(x, i)), f[i], 1e-13 * (1 + Math.abs(f[i])));
        }
        TangentKernel k = net.tangentKernel(x, 0.7, 1.3);
        for (int i = 0; i < x.numRows; i++) {
            double[] xi = row(x, i);
            double norm2 = 0;
            for (double v : xi) norm2 += v * v;
            double kin = 0, kout = 0;
            for (int r = 0; r < width; r++) {
                double p = 0;
                for (int j = 0; j < xi.length; j++) p += w[r][j] * xi[j];
                kin += a[r] * a[r] * LEAKY.dphi(p) * LEAKY.dphi(p) * norm2;
                kout += LEAKY.phi(p) * LEAKY.phi(p);
            }
            assertEquals(0.7 * kin, k.input()[i], 1e-12 * 0.7 * kin);
            assertEquals(1.3 * kout, k.output()[i], 1e-12 * 1.3 * kout);
        }
    }

    @Test
    void resultsDoNotDependOnTheNumberOfThreads() throws Exception {
        BinaryTask task = TwoGaussians.task(40, 5, 6, 1.0, 2);
        OneHiddenLayerNet net = OneHiddenLayerNet.gaussian(700, 6, 0.2, 0.01, LEAKY, 4);
        DMatrixRMaj x = LabelledInputs.train(task).x();
        double[] many = net.logits(x);
        ForkJoinPool single = new ForkJoinPool(1);
        try {
            double[] one = single.submit(() -> net.logits(x)).get();
            assertArrayEquals(many, one, 0.0);
            double[] g = new double[x.numRows];
            java.util.Arrays.fill(g, 0.1);
            OneHiddenLayerNet.Gradient gm = net.gradient(x, g);
            OneHiddenLayerNet.Gradient g1 = single.submit(() -> net.gradient(x, g)).get();
            for (int r = 0; r < 700; r += 13) {
                assertEquals(gm.outputAt(r), g1.outputAt(r), 0.0);
                assertEquals(gm.inputAt(r, r % 6), g1.inputAt(r, r % 6), 0.0);
            }
        } finally {
            single.shutdown();
        }
    }

    @Test
    void keptPreActivationsGiveTheSameGradientAsRecomputingThem() {
        BinaryTask task = TwoGaussians.task(30, 5, 6, 1.0, 3);
        OneHiddenLayerNet net = OneHiddenLayerNet.gaussian(150, 6, 0.2, 0.01, LEAKY, 6);
        DMatrixRMaj x = LabelledInputs.train(task).x();
        double[] g = new double[x.numRows];
        for (int i = 0; i < g.length; i++) g[i] = Math.sin(i);
        OneHiddenLayerNet.Forward kept = net.forward(x, true);
        assertTrue(kept.pre != null, "small problems keep their pre-activations");
        assertArrayEquals(net.logits(x), kept.logits, 0.0);
        OneHiddenLayerNet.Gradient cached = net.gradient(kept, g);
        OneHiddenLayerNet.Gradient recomputed = net.gradient(x, g);
        for (int r = 0; r < 150; r++) {
            assertEquals(recomputed.outputAt(r), cached.outputAt(r), 0.0);
            for (int j = 0; j < 6; j++) assertEquals(recomputed.inputAt(r, j), cached.inputAt(r, j), 0.0);
        }
    }

    @Test
    void gradientOfTheLossAgreesWithCentralFiniteDifferences() {
        BinaryTask task = TwoGaussians.task(6, 2, 3, 1.0, 5);
        OneHiddenLayerNet net = OneHiddenLayerNet.gaussian(5, 3, 1.0, 1.0, LEAKY, 11);
        // An offset as the IC-MF correction would add: it shifts ℓ′ and must not change the method.
        double[] offset = {0.3, -0.2, 0.1, 0.5, -0.4, 0.0};
        TrainingObjective objective = new TrainingObjective(LabelledInputs.train(task), offset);
        requireAwayFromKinks(net, LabelledInputs.train(task).x(), 1e-3);
        OneHiddenLayerNet.Gradient g = objective.gradient(net);
        double[][] w = net.inputWeights();
        double[] a = net.outputWeights();
        double h = 1e-5;
        double maxAbs = Math.sqrt(g.squaredNorm());
        double worst = 0;
        for (int r = 0; r < 5; r++) {
            double[] ap = a.clone(), am = a.clone();
            ap[r] += h;
            am[r] -= h;
            double fd = (objective.loss(OneHiddenLayerNet.of(LEAKY, w, ap))
                    - objective.loss(OneHiddenLayerNet.of(LEAKY, w, am))) / (2 * h);
            worst = Math.max(worst, Math.abs(fd - g.outputAt(r)) / maxAbs);
            for (int j = 0; j < 3; j++) {
                double[][] wp = copy(w), wm = copy(w);
                wp[r][j] += h;
                wm[r][j] -= h;
                double fdw = (objective.loss(OneHiddenLayerNet.of(LEAKY, wp, a))
                        - objective.loss(OneHiddenLayerNet.of(LEAKY, wm, a))) / (2 * h);
                worst = Math.max(worst, Math.abs(fdw - g.inputAt(r, j)) / maxAbs);
            }
        }
        assertTrue(maxAbs > 1e-3, "gradient too small to be a test: " + maxAbs);
        assertTrue(worst < 1e-6, "gradient vs finite differences, worst relative error " + worst);
    }

    private static void requireAwayFromKinks(OneHiddenLayerNet net, DMatrixRMaj x, double margin) {
        double[][] w = net.inputWeights();
        for (int i = 0; i < x.numRows; i++) {
            for (double[] wr : w) {
                double p = 0;
                for (int j = 0; j < x.numCols; j++) p += wr[j] * x.get(i, j);
                assertTrue(Math.abs(p) > margin, "pre-activation " + p + " too close to the kink");
            }
        }
    }

    private static double[][] copy(double[][] w) {
        double[][] c = new double[w.length][];
        for (int i = 0; i < w.length; i++) c[i] = w[i].clone();
        return c;
    }

    @Test
    void logisticLossIsStableAndItsDerivativeMatchesFiniteDifferences() {
        assertEquals(Math.log(2), LogisticLoss.loss(1, 0), 1e-15);
        assertEquals(800, LogisticLoss.loss(1, -800), 1e-12);
        assertEquals(0, LogisticLoss.loss(-1, -800), 1e-300);
        for (double f : new double[] {-30, -2, -0.1, 0.4, 3, 25}) {
            for (double y : new double[] {-1, 1}) {
                double fd = (LogisticLoss.loss(y, f + 1e-6) - LogisticLoss.loss(y, f - 1e-6)) / 2e-6;
                assertEquals(fd, LogisticLoss.derivative(y, f), 1e-8);
            }
        }
    }

    @Test
    void badArgumentsAreRejectedWithTheirNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OneHiddenLayerNet.gaussian(0, 3, 1, 1, LEAKY, 1));
        assertTrue(e.getMessage().contains("width"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new Hyperparameters(8, 1, 1, -0.1, 0.1, 0));
        assertTrue(e.getMessage().contains("inputLearningRate"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new Hyperparameters(8, 1, 1, 0.1, 0.1, Double.NaN));
        assertTrue(e.getMessage().contains("initCorrection"), e.getMessage());
        OneHiddenLayerNet net = OneHiddenLayerNet.gaussian(4, 3, 1, 1, LEAKY, 1);
        e = assertThrows(IllegalArgumentException.class, () -> net.logits(new DMatrixRMaj(2, 4)));
        assertTrue(e.getMessage().contains("columns"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> net.descend(net.gradient(new DMatrixRMaj(1, 3),
                new double[] {1}), -1, 0));
        assertTrue(e.getMessage().contains("inputLearningRate"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new LabelledInputs(new DMatrixRMaj(2, 2), new double[] {1, 0}));
        assertTrue(e.getMessage().contains("y[1]"), e.getMessage());
        BinaryTask task = TwoGaussians.task(8, 2, 3, 1, 1);
        Hyperparameters h = new Hyperparameters(4, 1, 1, 0.1, 0.1, 0);
        e = assertThrows(IllegalArgumentException.class, () -> Trainer.builder(task, h).batchSize(9).build());
        assertTrue(e.getMessage().contains("batchSize"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Trainer.builder(task, h).steps(-1));
        assertTrue(e.getMessage().contains("steps"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Trainer.builder(task, h).evaluateAt(3, 2));
        assertTrue(e.getMessage().contains("increase"), e.getMessage());
    }
}
