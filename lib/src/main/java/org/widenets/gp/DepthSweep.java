package org.widenets.gp;

import java.util.Objects;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.widenets.kernel.Activation;
import org.widenets.kernel.Checks;
import org.widenets.kernel.Dense;
import org.widenets.kernel.InputScaling;
import org.widenets.kernel.Nonlinearity;
import org.widenets.kernel.PairKernel;

/**
 * NNGP matrices of the deep kernel {@link PaperKernels#deep} for every depth 1 … L in one pass: with
 * σ_w² = σ_b² = v in every layer, the readout after hidden layer l is the same affine map as the input
 * of layer l + 1, so one iteration of the recursion per pair yields all L kernels
 * (shared/papers/elu-gelu-kernels.md §1.2, §6.2). Memory: L·(n² + m·n) doubles.
 */
public final class DepthSweep {

    private final DMatrixRMaj[] gram;
    private final DMatrixRMaj[] cross;

    private DepthSweep(DMatrixRMaj[] gram, DMatrixRMaj[] cross) {
        this.gram = gram;
        this.cross = cross;
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
        int n = xTrain.length, m = xTest.length;
        DMatrixRMaj[] g = new DMatrixRMaj[maxDepth], c = new DMatrixRMaj[maxDepth];
        for (int l = 0; l < maxDepth; l++) {
            g[l] = new DMatrixRMaj(n, n);
            c[l] = new DMatrixRMaj(m, n);
        }
        Dense dense = Dense.of(v, v);
        Nonlinearity phi = new Nonlinearity(activation);
        IntStream.range(0, n + m).parallel().forEach(row -> {
            boolean train = row < n;
            double[] a = train ? xTrain[row] : xTest[row - n];
            for (int j = 0; j < (train ? row + 1 : n); j++) {
                PairKernel s = dense.apply(PairKernel.ofInputs(a, xTrain[j], InputScaling.SUM));
                for (int l = 0; l < maxDepth; l++) {
                    s = dense.apply(phi.apply(s));
                    if (train) {
                        g[l].data[row * n + j] = s.q12();
                        g[l].data[j * n + row] = s.q12();
                    } else {
                        c[l].data[(row - n) * n + j] = s.q12();
                    }
                }
            }
        });
        return new DepthSweep(g, c);
    }

    public int maxDepth() {
        return gram.length;
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
