package org.widenets.gp;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_MT_DDRM;
import org.widenets.data.RegressionSplit;
import org.widenets.data.Uci;
import org.widenets.data.UciProtocol;

/**
 * Benchmark (a main, not a test): exact-GP fit + predict on kin8nm split 0 (7373 training, 819 test points)
 * against EJML's bare Cholesky of the same matrix, both single-threaded
 * ({@code DecompositionFactory_DDRM.chol(n, true)}: block {@code CholeskyOuterForm_DDRB} after a copy into
 * block layout) and multi-threaded ({@code DecompositionFactory_MT_DDRM}: the row-major
 * {@code CholeskyDecompositionBlock_MT_DDRM}), since the GP's own block Cholesky ({@link CholeskyFactor}) is
 * multi-threaded at this size; measured alternately in the same JVM, with fit and predict timed apart.
 * Each time is printed with the process CPU time it took (all threads), which a busy machine inflates less
 * than the wall time. Kernel matrices are computed once, outside the timings.
 *
 * <pre>
 * mvn -B -q -o test-compile
 * java -Xmx6g -cp lib/target/classes:lib/target/test-classes:'lib/target/dependency/*' org.widenets.gp.GpBench [reps]
 * </pre>
 */
public final class GpBench {

    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        RegressionSplit s = UciProtocol.standard(Uci.load("kin8nm"), 0);
        ArdRbf kernel = new ArdRbf(1.0, new double[] {1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5});
        DMatrixRMaj k = kernel.gram(s.xTrain());
        DMatrixRMaj kc = kernel.cross(s.xTest(), s.xTrain());
        double[] kd = kernel.diagonal(s.xTest());
        double noise = 0.01;
        int n = k.numRows;
        System.out.printf("kin8nm split 0: n = %d, m = %d, %d cores%n", n, kc.numRows,
                Runtime.getRuntime().availableProcessors());
        for (int r = 0; r < reps; r++) {
            double[] bare = bareCholesky(k, noise, false);
            double[] bareMt = bareCholesky(k, noise, true);
            System.gc();
            long base = heapUsed();
            resetPeaks();
            double c2 = cpuSeconds();
            long t2 = System.nanoTime();
            GpPosterior post = ExactGp.fit(k, s.yTrain(), noise);
            long t3 = System.nanoTime();
            double c3 = cpuSeconds();
            GpPrediction p = post.predict(kc, kd);
            long t4 = System.nanoTime();
            double c4 = cpuSeconds();
            long peak = peakHeap() - base;
            double fit = (t3 - t2) / 1e9, predict = (t4 - t3) / 1e9, gp = fit + predict;
            System.out.printf("rep %d: bare Cholesky %.2f s (cpu %.2f s), bare MT Cholesky %.2f s (cpu %.2f s);"
                    + " GP fit %.2f s (cpu %.2f s) + predict %.2f s (cpu %.2f s) = %.2f s;"
                    + " ratio %.2f to the bare Cholesky, %.2f to the bare MT Cholesky;"
                    + " GP peak extra heap ≈ %.2f n×n matrices; test RMSE %.4f%n", r, bare[0], bare[1], bareMt[0],
                    bareMt[1], fit, c3 - c2, predict, c4 - c3, gp, gp / bare[0], gp / bareMt[0],
                    peak / (8.0 * n * n), RegressionScore.of(s, p).rmse());
        }
    }

    /**
     * Wall and process CPU seconds for EJML's Cholesky of K + noise·I through the row-major factory, single-
     * or multi-threaded.
     */
    private static double[] bareCholesky(DMatrixRMaj k, double noise, boolean threaded) {
        DMatrixRMaj a = k.copy();
        for (int i = 0; i < a.numRows; i++) a.add(i, i, noise);
        var chol = threaded ? DecompositionFactory_MT_DDRM.chol(a.numRows, true)
                : DecompositionFactory_DDRM.chol(a.numRows, true);
        double c0 = cpuSeconds();
        long t0 = System.nanoTime();
        boolean ok = chol.decompose(a);
        long t1 = System.nanoTime();
        double c1 = cpuSeconds();
        if (!ok) throw new IllegalStateException("bare Cholesky failed");
        return new double[] {(t1 - t0) / 1e9, c1 - c0};
    }

    /** CPU seconds of this JVM, all threads (HotSpot's OperatingSystemMXBean). */
    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) pool.resetPeakUsage();
        }
    }

    private static long peakHeap() {
        long s = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) s += pool.getPeakUsage().getUsed();
        }
        return s;
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
