package org.widenets.kernel;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;

/**
 * The fast path behind {@link Network#matrices}: same numbers as {@link Network#pair} for every entry,
 * to rounding, without per-layer N×N arrays.
 *
 * <ol>
 *   <li>Diagonal trajectories: for every input, the diagonal state (q, Θ) before each layer and at the
 *       output, by {@link Layer#apply} on (x, x) — O(N) per layer.</li>
 *   <li>Per row block (in parallel), in tiles of 32 rows: the input dot products of the tile
 *       ({@link InputGram}: with the Vector API when the JVM has it, y's rows packed once for all blocks)
 *       written into the NNGP output, then for each block of 512 columns one fused pass over the layers on
 *       two scalars per entry (q12, Θ12) with {@link Layer#applyOffDiagonal}, layer-major over the tile's
 *       rows, overwriting the dot product in place. No N×N intermediate exists.</li>
 *   <li>Symmetric case (x′ = x): only the upper triangle is computed, with row blocks of equal area,
 *       and mirrored at the end.</li>
 * </ol>
 * Memory: the two outputs plus (L+1)·N·2 doubles of trajectories, 32·512·2 scratch values per worker and, on
 * the vector engine of {@link InputGram}, a packed copy of x′ (M·d doubles, rounded up to whole panels).
 */
final class FusedKernelMatrices {

    /**
     * Rows per tile (their dot products, TILE_ROWS·N values, are still in cache for the layer loop);
     * columns per block of the layer loop (long enough for the vectorised loops of {@link
     * Activation#tAndTDot(double, double[], int, double[], double[], int)} to run mostly in their SIMD part:
     * 256 was ≈ 2× faster per entry than 64).
     */
    private static final int TILE_ROWS = 32, BLOCK_COLUMNS = 512;

    private FusedKernelMatrices() {
    }

    static KernelMatrices compute(List<Layer> layers, InputScaling scaling, DMatrixRMaj x, DMatrixRMaj xPrime) {
        boolean symmetric = x == xPrime;
        int n = x.numRows, m = xPrime.numRows, d = x.numCols;
        Layer[] path = layers.toArray(new Layer[0]);
        double factor = scaling.factor(d);
        Trajectories tx = Trajectories.of(path, x, factor);
        Trajectories ty = symmetric ? tx : Trajectories.of(path, xPrime, factor);
        DMatrixRMaj nngp = new DMatrixRMaj(n, m), ntk = new DMatrixRMaj(n, m);
        int[] bounds = symmetric ? triangleBlocks(n, blockCount(n)) : evenBlocks(n, blockCount(n));
        InputGram gram = InputGram.of(x.data, xPrime.data, d, m);
        IntStream.range(0, bounds.length - 1).parallel().forEach(b -> {
            Block block = new Block(TILE_ROWS, BLOCK_COLUMNS);
            for (int i0 = bounds[b]; i0 < bounds[b + 1]; i0 += TILE_ROWS) {
                int i1 = Math.min(i0 + TILE_ROWS, bounds[b + 1]);
                gram.rows(i0, i1, symmetric ? i0 : 0, m, nngp.data, m);
                for (int j0 = symmetric ? i0 : 0; j0 < m; j0 += BLOCK_COLUMNS) {
                    tile(path, factor, x, xPrime, tx, ty, i0, i1, j0, Math.min(j0 + BLOCK_COLUMNS, m), symmetric,
                            nngp, ntk, block);
                }
            }
        });
        if (symmetric) {
            mirror(nngp);
            mirror(ntk);
        }
        return new KernelMatrices(nngp, ntk);
    }

    /** Per-worker scratch: the off-diagonal state of one tile of entries and which are x = x′. */
    private static final class Block {
        final double[][] q12, ntk12;
        final boolean[][] same;
        final int[] start;

        Block(int rows, int size) {
            q12 = new double[rows][size];
            ntk12 = new double[rows][size];
            same = new boolean[rows][size];
            start = new int[rows];
        }
    }

    /**
     * Entries (i, j) for i in [i0, i1) and j in [j0, j1) (in the symmetric case j ≥ i): all layers applied
     * to the whole tile, layer by layer and within a layer row by row, so that the independent entries of a
     * row overlap in the processor (see {@link Layer#applyOffDiagonal(double, double, double[], double[],
     * int, double[], double[], int)}) and the rows of the tile meet the same columns of the same layer one
     * after the other (an activation without closed form reads the columns' packed Hermite expansions,
     * {@link HermitePanel}, which then stay in the processor's cache for the whole tile).
     */
    private static void tile(Layer[] path, double factor, DMatrixRMaj x, DMatrixRMaj y, Trajectories tx,
                             Trajectories ty, int i0, int i1, int j0, int j1, boolean symmetric,
                             DMatrixRMaj nngp, DMatrixRMaj ntk, Block block) {
        int depth = path.length, n = tx.count, m = ty.count, cols = nngp.numCols;
        for (int r = 0; r < i1 - i0; r++) {
            int i = i0 + r, start = symmetric ? Math.max(i, j0) : j0;
            block.start[r] = start;
            double[] q12 = block.q12[r], ntk12 = block.ntk12[r];
            boolean[] same = block.same[r];
            for (int j = start; j < j1; j++) {
                int b = j - start;
                double gram = nngp.data[i * cols + j];
                same[b] = (symmetric && i == j) || sameRow(x, y, i, j, gram, tx.squaredNorm[i], ty.squaredNorm[j]);
                // x = x′ takes the exact diagonal below; meanwhile it runs as ρ = 1, a valid state
                q12[b] = same[b] ? tx.q[i] : factor * gram;
                ntk12[b] = 0;
            }
        }
        for (int l = 0; l < depth; l++) {
            for (int r = 0; r < i1 - i0; r++) {
                int i = i0 + r, start = block.start[r];
                if (start < j1) {
                    path[l].applyOffDiagonal(tx.q[l * n + i], tx.ntk[l * n + i], ty.q, ty.ntk, l * m + start,
                            block.q12[r], block.ntk12[r], j1 - start);
                }
            }
        }
        for (int r = 0; r < i1 - i0; r++) {
            int i = i0 + r, start = block.start[r];
            double[] q12 = block.q12[r], ntk12 = block.ntk12[r];
            for (int j = start; j < j1; j++) {
                int b = j - start;
                double k = q12[b], t = ntk12[b];
                if (block.same[r][b]) {
                    // x = x′: the exact diagonal formulas, as Network.pair does
                    k = tx.q[depth * n + i];
                    t = tx.ntk[depth * n + i];
                } else if (!(Double.isFinite(k) && Double.isFinite(t))) {
                    // the diagonals were checked layer by layer (Nonlinearity.apply); an off-diagonal entry
                    // can only fail through an activation's own round-off, which must not become a silent NaN
                    throw new ArithmeticException("kernel entry (" + i + ", " + j + ") is not finite: K = "
                            + k + ", Θ = " + t + " (diagonals K = " + tx.q[depth * n + i] + ", "
                            + ty.q[depth * m + j] + ")");
                }
                nngp.data[i * cols + j] = k;
                ntk.data[i * cols + j] = t;
            }
        }
    }

    /** Equal rows (as {@link PairKernel#ofInputs} detects them); the dot products filter cheaply first. */
    private static boolean sameRow(DMatrixRMaj x, DMatrixRMaj y, int i, int j, double gram, double sii, double sjj) {
        if (Math.abs(sii + sjj - 2 * gram) > 1e-9 * (sii + sjj)) {
            return false;
        }
        int d = x.numCols;
        for (int k = 0; k < d; k++) {
            if (Double.doubleToLongBits(x.data[i * d + k]) != Double.doubleToLongBits(y.data[j * d + k])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Per input, the diagonal state before each layer and after the last, layer-major: index l·N + i,
     * so that a block of inputs at one layer is contiguous.
     */
    private record Trajectories(double[] q, double[] ntk, double[] squaredNorm, int count) {
        static Trajectories of(Layer[] path, DMatrixRMaj x, double factor) {
            int n = x.numRows, d = x.numCols, depth = path.length;
            double[] q = new double[n * (depth + 1)], ntk = new double[n * (depth + 1)], norms = new double[n];
            // in parallel: an activation without closed form builds its Hermite expansion of each input's
            // variance here (N·L of them, ≈ 40 µs each for tanh), which on one thread was a sixth of a Tanh
            // matrix at N = 2000
            IntStream.range(0, n).parallel().forEach(i -> {
                norms[i] = InputGram.dot(x.data, i * d, x.data, i * d, d);
                double q0 = factor * norms[i];
                PairKernel s = new PairKernel(q0, q0, q0, 0, 0, 0, true);
                for (int l = 0; l <= depth; l++) {
                    q[l * n + i] = s.q11();
                    ntk[l * n + i] = s.ntk11();
                    if (l < depth) {
                        s = path[l].apply(s);
                    }
                }
            });
            return new Trajectories(q, ntk, norms, n);
        }
    }

    /** Enough blocks for work stealing to even out a busy machine. */
    private static int blockCount(int n) {
        return Math.max(1, Math.min(n, 8 * ForkJoinPool.getCommonPoolParallelism()));
    }

    private static int[] evenBlocks(int n, int blocks) {
        int[] bounds = new int[blocks + 1];
        for (int b = 0; b <= blocks; b++) {
            bounds[b] = (int) ((long) n * b / blocks);
        }
        return bounds;
    }

    /**
     * Row bounds such that every block holds about the same number of upper-triangle entries: rows
     * [0, r) hold r·n − r(r−1)/2 of them.
     */
    static int[] triangleBlocks(int n, int blocks) {
        int[] bounds = new int[blocks + 1];
        double total = n * (n + 1) / 2.0;
        int r = 0;
        for (int b = 1; b < blocks; b++) {
            double target = total * b / blocks;
            while (r < n && (double) r * n - (double) r * (r - 1) / 2 < target) {
                r++;
            }
            bounds[b] = r;
        }
        bounds[blocks] = n;
        return bounds;
    }

    /** Copies the upper triangle onto the lower one, in cache-sized square tiles, in parallel. */
    private static void mirror(DMatrixRMaj a) {
        int n = a.numRows, t = 64;
        IntStream.range(0, (n + t - 1) / t).parallel().forEach(bi -> {
            int i0 = bi * t, i1 = Math.min(n, i0 + t);
            for (int j0 = 0; j0 < i1; j0 += t) {
                int j1 = Math.min(n, j0 + t);
                for (int i = i0; i < i1; i++) {
                    for (int j = j0; j < Math.min(j1, i); j++) {
                        a.data[i * n + j] = a.data[j * n + i];
                    }
                }
            }
        });
    }
}
