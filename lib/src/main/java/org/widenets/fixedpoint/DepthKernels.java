package org.widenets.fixedpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.widenets.kernel.Checks;
import org.widenets.kernel.Dense;
import org.widenets.kernel.InputScaling;
import org.widenets.kernel.PairKernel;

/**
 * The NNGP kernel matrices of the network output for every depth L = 1 … L_max in one pass: entry (i, j)
 * at depth L is q^{L+1}(x_i, x_j), the pre-activation covariance after L hidden layers and the readout
 * (the recursion of shared/papers/elu-gelu-kernels.md §1.2, iterated with {@link KernelMap#apply}).
 * Equal to {@code kernel.Mlp} of each depth, at the cost of one depth instead of L_max.
 */
public final class DepthKernels {

    private DepthKernels() {
    }

    /**
     * Matrices K_L (N×N, symmetric) for L = 1 … maxDepth, element L − 1 of the list, for the rows of
     * {@code points} (N×d). Rows are computed in parallel; each entry is deterministic.
     *
     * @throws IllegalStateException if a variance leaves [1e-12, 1e10] before maxDepth (the kernel
     *                               degenerates; see {@link VarianceDynamics#fate})
     */
    public static List<DMatrixRMaj> of(KernelMap map, double[][] points, InputScaling scaling, int maxDepth) {
        Objects.requireNonNull(map, "map");
        Objects.requireNonNull(scaling, "scaling");
        Checks.atLeast("maxDepth", maxDepth, 1);
        int n = points.length;
        Checks.atLeast("number of points", n, 1);
        List<DMatrixRMaj> out = new ArrayList<>(maxDepth);
        for (int l = 0; l < maxDepth; l++) out.add(new DMatrixRMaj(n, n));
        Dense first = Dense.of(map.weightVariance(), map.biasVariance());
        IntStream.range(0, n).parallel().forEach(i -> {
            for (int j = i; j < n; j++) {
                PairKernel s = first.apply(PairKernel.ofInputs(points[i], points[j], scaling));
                for (int l = 0; l < maxDepth; l++) {
                    s = map.apply(s);
                    if (!(s.q11() <= VarianceDynamics.DEFAULT_UPPER && s.q22() <= VarianceDynamics.DEFAULT_UPPER
                            && s.q11() >= VarianceDynamics.DEFAULT_LOWER && s.q22() >= VarianceDynamics.DEFAULT_LOWER)) {
                        throw new IllegalStateException("the variance of the " + map + " left [1e-12, 1e10] at depth "
                                + (l + 1) + " (q11 = " + s.q11() + ", q22 = " + s.q22() + ")");
                    }
                    out.get(l).unsafe_set(i, j, s.q12());
                    out.get(l).unsafe_set(j, i, s.q12());
                }
            }
        });
        return out;
    }
}
