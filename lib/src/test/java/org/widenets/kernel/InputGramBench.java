package org.widenets.kernel;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The input Gram matrix of the issue-4 benchmark (symmetric, N = 4000, d = 784 by default) on both engines
 * of {@link InputGram}, alternating in one JVM, multi-threaded over row blocks exactly as
 * {@link FusedKernelMatrices} asks for it (upper triangle, 32-row tiles, blocks of equal area):
 * <pre>
 *   mvn -B -q package -DskipTests && mvn -B -q test-compile -pl lib
 *   java --add-modules jdk.incubator.vector -cp lib/target/test-classes:lib/target/classes:'lib/target/dependency/*' \
 *       org.widenets.kernel.InputGramBench [n d reps]
 * </pre>
 * Prints wall-clock seconds per Gram matrix of each engine, best and median, and their ratio.
 */
public final class InputGramBench {

    private InputGramBench() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
        int d = args.length > 1 ? Integer.parseInt(args[1]) : 784;
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        Random r = new Random(20240601L);
        double[] x = new double[n * d];
        for (int k = 0; k < x.length; k++) {
            x[k] = r.nextGaussian();
        }
        double[] out = new double[n * n];
        int blocks = Math.max(1, Math.min(n, 8 * java.util.concurrent.ForkJoinPool.getCommonPoolParallelism()));
        int[] bounds = FusedKernelMatrices.triangleBlocks(n, blocks);
        double[][] seconds = new double[2][reps];
        for (int rep = -2; rep < reps; rep++) {   // two warm-ups
            for (int engine = 0; engine < 2; engine++) {
                long t0 = System.nanoTime();
                InputGram gram = InputGram.of(x, x, d, n, engine == 1);
                IntStream.range(0, blocks).parallel().forEach(b -> {
                    for (int i0 = bounds[b]; i0 < bounds[b + 1]; i0 += 32) {
                        gram.rows(i0, Math.min(i0 + 32, bounds[b + 1]), i0, n, out, n);
                    }
                });
                if (rep >= 0) {
                    seconds[engine][rep] = (System.nanoTime() - t0) * 1e-9;
                }
            }
        }
        double flops = (double) n * (n + 1) * d;   // the upper triangle, 2 flops per term
        for (int engine = 0; engine < 2; engine++) {
            double[] s = seconds[engine].clone();
            Arrays.sort(s);
            System.out.printf("%-7s N=%d d=%d  best %.3f s  median %.3f s  (%.1f GFLOP/s best)%n",
                    engine == 0 ? "scalar" : "vector", n, d, s[0], s[reps / 2], flops / s[0] * 1e-9);
        }
        double[] ratio = new double[reps];
        for (int k = 0; k < reps; k++) {
            ratio[k] = seconds[0][k] / seconds[1][k];
        }
        Arrays.sort(ratio);
        System.out.printf("scalar/vector per alternating pair: median %.2f, range %.2f–%.2f%n",
                ratio[reps / 2], ratio[0], ratio[reps - 1]);
    }
}
