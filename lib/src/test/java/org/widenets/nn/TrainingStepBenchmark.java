package org.widenets.nn;

import org.widenets.data.BinaryTask;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;

/**
 * Benchmark (a main method, not a unit test): one full-batch SGD step of a one-hidden-layer network at
 * N = 1024 inputs of dimension n0 = 64 and width d = 2¹⁵, against EJML's product of the same shapes
 * (N×n0)·(n0×d) in the same run. A step does two such products' worth of work, 4·N·n0·d flops (forward,
 * and the input-weight gradient from the pre-activations the forward pass kept, N·d ≤
 * {@link OneHiddenLayerNet#CACHE_LIMIT}), plus O(N·d) elementwise work. Run with
 * <pre>
 *   java -Xmx3g -cp lib/target/test-classes:lib/target/widenets.jar:lib/target/dependency/* \
 *        org.widenets.nn.TrainingStepBenchmark [width] [repeats]
 * </pre>
 */
public final class TrainingStepBenchmark {

    private TrainingStepBenchmark() {
    }

    public static void main(String[] args) {
        int n = 1024, n0 = 64;
        int d = args.length > 0 ? Integer.parseInt(args[0]) : 1 << 15;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        BinaryTask task = TwoGaussians.task(n, 1, n0, 1.0, 1);
        Hyperparameters h = new Hyperparameters(d, 1.0 / (3 * n0), 1.0 / (3 * d), 0.02, 0.02 * 128 / d, 0);
        OneHiddenLayerNet net = OneHiddenLayerNet.gaussian(d, n0, h.inputWeightVariance(), h.outputWeightVariance(),
                org.widenets.kernel.AbRelu.leakyRelu(0.1), 1);
        TrainingObjective objective = new TrainingObjective(LabelledInputs.train(task), new double[n]);
        double flopsStep = 4.0 * n * n0 * d;
        for (int i = 0; i < 2; i++) net = step(net, objective, h);
        long t0 = System.nanoTime();
        for (int i = 0; i < repeats; i++) net = step(net, objective, h);
        double step = (System.nanoTime() - t0) / 1e9 / repeats;

        DMatrixRMaj x = LabelledInputs.train(task).x();
        DMatrixRMaj wt = new DMatrixRMaj(n0, d);
        for (int k = 0; k < wt.data.length; k++) wt.data[k] = Math.sin(k);
        DMatrixRMaj out = new DMatrixRMaj(n, d);
        double flopsMult = 2.0 * n * n0 * d;
        CommonOps_DDRM.mult(x, wt, out);
        t0 = System.nanoTime();
        for (int i = 0; i < repeats; i++) CommonOps_DDRM.mult(x, wt, out);
        double mult = (System.nanoTime() - t0) / 1e9 / repeats;
        CommonOps_MT_DDRM.mult(x, wt, out);
        t0 = System.nanoTime();
        for (int i = 0; i < repeats; i++) CommonOps_MT_DDRM.mult(x, wt, out);
        double multMt = (System.nanoTime() - t0) / 1e9 / repeats;

        System.out.printf("N = %d, n0 = %d, d = %d, %d threads available%n", n, n0, d,
                Runtime.getRuntime().availableProcessors());
        System.out.printf("training step:              %.3f s  (%.2f GFLOP/s counting 4·N·n0·d; pre-activations kept: %s)%n",
                step, flopsStep / step / 1e9, (long) n * d <= OneHiddenLayerNet.CACHE_LIMIT);
        System.out.printf("EJML mult (N×n0)(n0×d):     %.3f s  (%.2f GFLOP/s, single thread)%n", mult, flopsMult / mult / 1e9);
        System.out.printf("EJML MT mult (N×n0)(n0×d):  %.3f s  (%.2f GFLOP/s)%n", multMt, flopsMult / multMt / 1e9);
        System.out.printf("step / (2 × MT mult) = %.2f, step / (2 × mult) = %.2f%n", step / (2 * multMt), step / (2 * mult));
    }

    private static OneHiddenLayerNet step(OneHiddenLayerNet net, TrainingObjective objective, Hyperparameters h) {
        return net.descend(objective.gradient(net), h.inputLearningRate(), h.outputLearningRate());
    }
}
