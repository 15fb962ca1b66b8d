package org.widenets.gp;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.widenets.kernel.Activation;
import org.widenets.kernel.Checks;

/**
 * NNGP matrices of the deep kernel {@link PaperKernels#deep} for every depth 1 … L in one pass: with
 * σ_w² = σ_b² = v in every layer, the readout after hidden layer l is the same affine map as the input
 * of layer l + 1, so one iteration of the recursion per pair yields all L kernels
 * (shared/papers/elu-gelu-kernels.md §1.2, §6.2):
 * <pre>
 *   d⁰(x) = v‖x‖² + v,            d^l(x) = v·E[φ(u)²]_{u~N(0, d^{l−1}(x))} + v
 *   c⁰(x, x′) = v⟨x, x′⟩ + v,     c^l(x, x′) = v·T_φ(d^{l−1}(x), c^{l−1}(x, x′), d^{l−1}(x′)) + v
 *   K_l(x, x′) = c^l(x, x′)  (x ≠ x′),   K_l(x, x) = d^l(x)
 * </pre>
 * Only the NNGP is computed (Figure 7 never uses the NTK), and each input's diagonal trajectory d^l is
 * computed once, not once per pair, so a pair costs L evaluations of T (through the activation's block map,
 * one input against a row of inputs, which the kernel package vectorises) and nothing else.
 *
 * <p>A depth whose kernel leaves the double range (or whose covariances the activation rejects) is
 * marked failed, with every deeper one ({@link #failed}); the shallower depths stay valid, as each
 * (depth, v) grid point of the paper succeeds or fails on its own. Memory: L·(n² + m·n) doubles.
 */
public final class DepthSweep {

    private final DMatrixRMaj[] gram;
    private final DMatrixRMaj[] cross;
    private final int firstFailed;

    private DepthSweep(DMatrixRMaj[] gram, DMatrixRMaj[] cross, int firstFailed) {
        this.gram = gram;
        this.cross = cross;
        this.firstFailed = firstFailed;
    }

    /**
     * Computes K_l(x_i, x_j) for the training rows and K_l(x*_i, x_j) for the test rows, l = 1 … maxDepth.
     */
    public static DepthSweep compute(Activation activation, double v, int maxDepth, double[][] xTrain,
            double[][] xTest) {
        Objects.requireNonNull(activation, "activation");
        Checks.variance("v", v);
        Checks.atLeast("maxDepth", maxDepth, 1);
        GpKernel.matrix("xTrain", xTrain);
        GpKernel.matrix("xTest", xTest);
        if (xTest[0].length != xTrain[0].length) {
            throw new IllegalArgumentException("xTest has " + xTest[0].length + " columns but xTrain has "
                    + xTrain[0].length);
        }
        int n = xTrain.length, m = xTest.length, depth = maxDepth;
        // failing depth (1-based) shared by all rows: the smallest one any entry reached
        AtomicInteger failed = new AtomicInteger(depth + 1);
        double[][] dTrain = new double[n][], dTest = new double[m][];
        for (int i = 0; i < n; i++) dTrain[i] = diagonalTrajectory(activation, v, xTrain[i], depth, failed);
        for (int i = 0; i < m; i++) dTest[i] = diagonalTrajectory(activation, v, xTest[i], depth, failed);
        // the training diagonals by depth, contiguous: the q22 operand of the block map below
        double[][] dByDepth = new double[depth + 1][n];
        for (int i = 0; i < n; i++) for (int l = 0; l <= depth; l++) dByDepth[l][i] = dTrain[i][l];
        DMatrixRMaj[] g = new DMatrixRMaj[depth], c = new DMatrixRMaj[depth];
        for (int l = 0; l < depth; l++) {
            g[l] = new DMatrixRMaj(n, n);
            c[l] = new DMatrixRMaj(m, n);
        }
        IntStream.range(0, n + m).parallel().forEach(row -> {
            boolean train = row < n;
            double[] a = train ? xTrain[row] : xTest[row - n];
            double[] da = train ? dTrain[row] : dTest[row - n];
            int columns = train ? row + 1 : n;
            double[] q = new double[columns];
            // Ṫ·Θ is computed by the block map alongside T (it is the NTK's recursion); unused here
            double[] unused = new double[columns];
            boolean[] same = new boolean[columns];
            for (int j = 0; j < columns; j++) {
                same[j] = train && j == row || Arrays.equals(a, xTrain[j]);
                q[j] = v * dot(a, xTrain[j]) + v;
            }
            int offset = (train ? row : row - n) * n;
            for (int l = 0; l < depth && l + 1 < failed.get(); l++) {
                double[] out = train ? g[l].data : c[l].data;
                try {
                    // one row against all its columns at once: activations vectorise this map (kernel.Activation)
                    activation.tAndTDot(da[l], dByDepth[l], 0, q, unused, columns);
                    for (int j = 0; j < columns; j++) {
                        double next = same[j] ? da[l + 1] : v * q[j] + v;
                        if (!Double.isFinite(next)) {
                            throw new ArithmeticException("non-finite kernel entry");
                        }
                        q[j] = next;
                        out[offset + j] = next;
                    }
                } catch (ArithmeticException | IllegalArgumentException e) {
                    failed.accumulateAndGet(l + 1, Math::min);
                }
            }
        });
        int firstFailed = failed.get();
        // the pass filled the lower triangle row by row (contiguous writes); mirror it, one depth per task
        IntStream.range(0, Math.min(depth, firstFailed - 1)).parallel().forEach(l -> mirrorLower(g[l]));
        return new DepthSweep(g, c, firstFailed);
    }

    /** d^0 … d^L of one input; records the first depth whose diagonal leaves the double range. */
    private static double[] diagonalTrajectory(Activation activation, double v, double[] x, int depth,
            AtomicInteger failed) {
        double[] d = new double[depth + 1];
        d[0] = v * dot(x, x) + v;
        for (int l = 1; l <= depth; l++) {
            double next = l < failed.get() ? v * activation.diag(d[l - 1]) + v : Double.NaN;
            if (!Double.isFinite(next)) {
                failed.accumulateAndGet(l, Math::min);
                Arrays.fill(d, l, depth + 1, Double.NaN);
                break;
            }
            d[l] = next;
        }
        return d;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) s += a[k] * b[k];
        return s;
    }

    /** Copies the lower triangle onto the upper one in tiles, so both reads and writes stay in cache. */
    private static void mirrorLower(DMatrixRMaj a) {
        int n = a.numRows, tile = 64;
        double[] d = a.data;
        for (int i0 = 0; i0 < n; i0 += tile) {
            for (int j0 = 0; j0 <= i0; j0 += tile) {
                for (int i = i0; i < Math.min(i0 + tile, n); i++) {
                    for (int j = j0; j < Math.min(j0 + tile, i); j++) d[j * n + i] = d[i * n + j];
                }
            }
        }
    }

    public int maxDepth() {
        return gram.length;
    }

    /**
     * Whether depth l (1-based) failed: some entry of its kernel (or of a shallower one) left the double
     * range or was rejected by the activation. Its matrices are then not to be used.
     */
    public boolean failed(int depth) {
        Checks.atLeast("depth", depth, 1);
        return depth >= firstFailed;
    }

    /** Training NNGP matrix of depth l (1-based). Not to be mutated. */
    public DMatrixRMaj gram(int depth) {
        return gram[depth - 1];
    }

    /** Test–train NNGP matrix of depth l (1-based). Not to be mutated. */
    public DMatrixRMaj cross(int depth) {
        return cross[depth - 1];
    }
}
