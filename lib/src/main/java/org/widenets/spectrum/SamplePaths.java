package org.widenets.spectrum;

import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.widenets.kernel.Checks;
import org.widenets.kernel.KernelMatrices;
import org.widenets.kernel.Network;

/**
 * Draws of f ~ GP(0, K) for a network kernel K on a finite set of points: f = L ξ with K + εI = L Lᵀ
 * (EJML Cholesky) and ξ standard normal from a seeded generator (shared/papers/rkhs-smoothness.md §3.5).
 *
 * <p>Kernel matrices of smooth kernels are numerically singular, so a jitter ε is added: first
 * 1e−10·max K_ii (the note's choice), then ×100 up to 1e−6·max K_ii; past that the matrix is not a
 * covariance and the draw is refused. The jitter used is returned with the path.
 */
public final class SamplePaths {

    /** Most points accepted: the Cholesky factor costs n³/3 flops and n² doubles. */
    public static final int MAX_POINTS = 6000;
    private static final double[] JITTERS = {1e-10, 1e-8, 1e-6};

    private SamplePaths() {
    }

    /** A path on the circle at angles θ_j = 2πj/n. */
    public record CirclePath(double[] angles, double[] values, double jitter) {
    }

    /** A path on the grid (x_i, y_j), values[j][i] = f(grid[i], grid[j]). */
    public record PlanePath(double[] grid, double[][] values, double jitter) {
    }

    /** One draw of the GP with covariance κ (a kernel on the circle, dimension 2) at n equispaced angles. */
    public static CirclePath circle(SphereKernel kernel, int points, long seed) {
        Objects.requireNonNull(kernel, "kernel");
        if (kernel.dimension() != 2) {
            throw new IllegalArgumentException("circle paths need a kernel on S¹ (dimension 2), got dimension " + kernel.dimension());
        }
        checkPoints(points);
        double[] angles = new double[points], kappa = new double[points];
        for (int j = 0; j < points; j++) {
            angles[j] = 2 * Math.PI * j / points;
        }
        // The Gram matrix is circulant: κ depends on the index difference only.
        for (int r = 0; r < points; r++) {
            kappa[r] = kernel.value(r == 0 ? 1.0 : Math.cos(angles[r]));
        }
        DMatrixRMaj k = new DMatrixRMaj(points, points);
        for (int i = 0; i < points; i++) {
            for (int j = 0; j < points; j++) {
                k.unsafe_set(i, j, kappa[Math.abs(i - j)]);
            }
        }
        double[] jitter = new double[1];
        double[] f = draw(k, seed, jitter);
        return new CirclePath(angles, f, jitter[0]);
    }

    /**
     * One draw of the network's NNGP or NTK process on the n × n grid of [lo, hi]² (inputs in ℝ², not
     * normalised: the kernel there also depends on the norms).
     */
    public static PlanePath plane(Network network, KernelType type, double lo, double hi, int perSide, long seed) {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(type, "type");
        Checks.finite("lo", lo);
        Checks.finite("hi", hi);
        if (!(hi > lo)) throw new IllegalArgumentException("need lo < hi, got lo = " + lo + ", hi = " + hi);
        Checks.atLeast("perSide", perSide, 2);
        checkPoints((long) perSide * perSide);
        double[] grid = new double[perSide];
        for (int i = 0; i < perSide; i++) {
            grid[i] = lo + (hi - lo) * i / (perSide - 1);
        }
        int n = perSide * perSide;
        DMatrixRMaj x = new DMatrixRMaj(n, 2);
        for (int j = 0; j < perSide; j++) {
            for (int i = 0; i < perSide; i++) {
                x.set(j * perSide + i, 0, grid[i]);
                x.set(j * perSide + i, 1, grid[j]);
            }
        }
        KernelMatrices m = network.matrices(x, x);
        double[] jitter = new double[1];
        double[] f = draw(type == KernelType.NNGP ? m.nngp() : m.ntk(), seed, jitter);
        double[][] values = new double[perSide][perSide];
        for (int j = 0; j < perSide; j++) {
            System.arraycopy(f, j * perSide, values[j], 0, perSide);
        }
        return new PlanePath(grid, values, jitter[0]);
    }

    private static void checkPoints(long points) {
        if (points < 2 || points > MAX_POINTS) {
            throw new IllegalArgumentException("number of points must lie in [2, " + MAX_POINTS + "], got " + points);
        }
    }

    private static double[] draw(DMatrixRMaj k, long seed, double[] jitterUsed) {
        int n = k.numRows;
        double maxDiag = 0;
        for (int i = 0; i < n; i++) {
            maxDiag = Math.max(maxDiag, k.get(i, i));
        }
        Checks.finite("kernel matrix", k.data);
        RandomGenerator rng = new Well19937c(seed);
        double[] xi = new double[n];
        for (int i = 0; i < n; i++) {
            xi[i] = rng.nextGaussian();
        }
        for (double rel : JITTERS) {
            DMatrixRMaj a = k.copy();
            for (int i = 0; i < n; i++) {
                a.add(i, i, rel * maxDiag);
            }
            CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, true);
            if (!chol.decompose(a)) continue;
            DMatrixRMaj l = chol.getT(null);
            double[] f = new double[n];
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j <= i; j++) {
                    s += l.unsafe_get(i, j) * xi[j];
                }
                f[i] = s;
            }
            jitterUsed[0] = rel * maxDiag;
            return f;
        }
        throw new IllegalArgumentException("kernel matrix is not positive semi-definite even with jitter "
                + JITTERS[JITTERS.length - 1] + "·max K_ii = " + JITTERS[JITTERS.length - 1] * maxDiag);
    }
}
