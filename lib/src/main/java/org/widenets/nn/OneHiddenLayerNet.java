package org.widenets.nn;

import java.util.Objects;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.widenets.kernel.Activation;
import org.widenets.kernel.Checks;

/**
 * A one-hidden-layer network with one logit and no biases,
 * <pre>
 *   f(x) = Σ_{r=1..d} a_r φ(w_r·x),
 * </pre>
 * as an immutable value (shared/papers/width-scalings.md §2). Forward, backward and tangent-kernel
 * passes run in parallel over fixed blocks of {@value #BLOCK} hidden units: each block does its
 * matrix products with EJML and writes its own partial sums, which are then added in block order,
 * so results are bit-identical whatever the number of threads. Gradients are written by hand (there
 * is no autodiff on the JVM path we use); they are checked against finite differences in the tests.
 */
public final class OneHiddenLayerNet {

    /** Hidden units per parallel block; fixed so that sums never depend on the thread count. */
    public static final int BLOCK = 64;

    private final Activation phi;
    private final int width;
    private final int inputs;
    private final DMatrixRMaj[] w; // block b holds rows of units [b·BLOCK, min(d, (b+1)·BLOCK))
    private final double[] a;

    private OneHiddenLayerNet(Activation phi, int inputs, DMatrixRMaj[] w, double[] a) {
        this.phi = phi;
        this.inputs = inputs;
        this.w = w;
        this.a = a;
        this.width = a.length;
    }

    /**
     * Draws w_r ~ N(0, inputVariance·I_n0) and a_r ~ N(0, outputVariance) from one seeded generator:
     * first the input weights unit by unit, then the output weights. The same seed and width give the
     * same standard-normal draws whatever the variances, so two scalings at one width differ only by
     * deterministic factors.
     */
    public static OneHiddenLayerNet gaussian(int width, int inputs, double inputVariance, double outputVariance,
            Activation phi, long seed) {
        Checks.atLeast("width", width, 1);
        Checks.atLeast("inputs", inputs, 1);
        Checks.variance("inputVariance", inputVariance);
        Checks.variance("outputVariance", outputVariance);
        Objects.requireNonNull(phi, "phi");
        RandomGenerator rng = new Well19937c(seed);
        double sw = Math.sqrt(inputVariance);
        double sa = Math.sqrt(outputVariance);
        DMatrixRMaj[] w = emptyBlocks(width, inputs);
        for (DMatrixRMaj block : w) {
            for (int k = 0; k < block.data.length; k++) {
                block.data[k] = sw * rng.nextGaussian();
            }
        }
        double[] a = new double[width];
        for (int r = 0; r < width; r++) {
            a[r] = sa * rng.nextGaussian();
        }
        return new OneHiddenLayerNet(phi, inputs, w, a);
    }

    /** A network with the given weights: inputWeights[r] = w_r (all of one length n0), outputWeights[r] = a_r. */
    public static OneHiddenLayerNet of(Activation phi, double[][] inputWeights, double[] outputWeights) {
        Objects.requireNonNull(phi, "phi");
        int width = Checks.atLeast("width", outputWeights.length, 1);
        if (inputWeights.length != width) {
            throw new IllegalArgumentException("inputWeights has " + inputWeights.length + " rows, outputWeights "
                    + width + " entries");
        }
        int inputs = Checks.atLeast("inputs", inputWeights[0].length, 1);
        DMatrixRMaj[] w = emptyBlocks(width, inputs);
        for (int r = 0; r < width; r++) {
            if (inputWeights[r].length != inputs) {
                throw new IllegalArgumentException("inputWeights[" + r + "] has length " + inputWeights[r].length
                        + ", expected " + inputs);
            }
            Checks.finite("inputWeights[" + r + "]", inputWeights[r]);
            System.arraycopy(inputWeights[r], 0, w[r / BLOCK].data, (r % BLOCK) * inputs, inputs);
        }
        Checks.finite("outputWeights", outputWeights);
        return new OneHiddenLayerNet(phi, inputs, w, outputWeights.clone());
    }

    private static DMatrixRMaj[] emptyBlocks(int width, int inputs) {
        int blocks = (width + BLOCK - 1) / BLOCK;
        DMatrixRMaj[] w = new DMatrixRMaj[blocks];
        for (int b = 0; b < blocks; b++) {
            w[b] = new DMatrixRMaj(Math.min(BLOCK, width - b * BLOCK), inputs);
        }
        return w;
    }

    /** Width d. */
    public int width() {
        return width;
    }

    /** Input dimension n0. */
    public int inputs() {
        return inputs;
    }

    /** The activation φ. */
    public Activation activation() {
        return phi;
    }

    /** Output weights a (a copy). */
    public double[] outputWeights() {
        return a.clone();
    }

    /** Input weights, one row w_r per hidden unit (a copy). */
    public double[][] inputWeights() {
        double[][] out = new double[width][inputs];
        for (int r = 0; r < width; r++) {
            System.arraycopy(w[r / BLOCK].data, (r % BLOCK) * inputs, out[r], 0, inputs);
        }
        return out;
    }

    /** f(x_i) for every row x_i of x (N×n0). */
    public double[] logits(DMatrixRMaj x) {
        return forward(x, false).logits;
    }

    /**
     * Logits and, when {@code keep} and N·d ≤ {@link #CACHE_LIMIT}, the pre-activations of every block, so
     * that {@link #gradient(Forward, double[])} need not recompute them (a third of a training step).
     */
    Forward forward(DMatrixRMaj x, boolean keep) {
        requireInputs(x);
        int n = x.numRows;
        boolean cache = keep && (long) n * width <= CACHE_LIMIT;
        double[][] partial = new double[w.length][];
        DMatrixRMaj[] kept = cache ? new DMatrixRMaj[w.length] : null;
        IntStream.range(0, w.length).parallel().forEach(b -> {
            DMatrixRMaj pre = preActivations(x, b);
            int rows = pre.numCols;
            int offset = b * BLOCK;
            double[] part = new double[n];
            for (int i = 0; i < n; i++) {
                double s = 0;
                int row = i * rows;
                for (int r = 0; r < rows; r++) {
                    s += a[offset + r] * phi.phi(pre.data[row + r]);
                }
                part[i] = s;
            }
            partial[b] = part;
            if (cache) kept[b] = pre;
        });
        return new Forward(x, sumInBlockOrder(partial, n), kept);
    }

    /** Most pre-activation entries (N·d doubles, 8 bytes each) a forward pass keeps for the backward pass. */
    static final long CACHE_LIMIT = 1L << 25;

    /** The result of a forward pass: logits, and pre-activations per block when they were kept. */
    static final class Forward {
        final DMatrixRMaj x;
        final double[] logits;
        final DMatrixRMaj[] pre;

        Forward(DMatrixRMaj x, double[] logits, DMatrixRMaj[] pre) {
            this.x = x;
            this.logits = logits;
            this.pre = pre;
        }
    }

    /**
     * The gradient of Σ_i g_i·f(x_i) with respect to the weights:
     * <pre>
     *   ∂/∂a_r = Σ_i g_i φ(w_r·x_i),    ∂/∂w_r = Σ_i g_i a_r φ′(w_r·x_i) x_i.
     * </pre>
     * With g_i = ℓ′(ỹ_i, f_i)/N this is the gradient of the batch-mean loss.
     */
    public Gradient gradient(DMatrixRMaj x, double[] g) {
        requireInputs(x);
        return gradient(new Forward(x, null, null), g);
    }

    /** {@link #gradient(DMatrixRMaj, double[])} reusing (and overwriting) the pre-activations a forward pass kept. */
    Gradient gradient(Forward forward, double[] g) {
        DMatrixRMaj x = forward.x;
        if (g.length != x.numRows) {
            throw new IllegalArgumentException("g has " + g.length + " entries but x has " + x.numRows + " rows");
        }
        int n = x.numRows;
        DMatrixRMaj[] dw = new DMatrixRMaj[w.length];
        double[] da = new double[width];
        IntStream.range(0, w.length).parallel().forEach(b -> {
            DMatrixRMaj pre = forward.pre != null ? forward.pre[b] : preActivations(x, b);
            int rows = pre.numCols;
            int offset = b * BLOCK;
            // pre is overwritten by G_ir = g_i a_r φ′(pre_ir) once φ(pre_ir) has gone into ∂/∂a.
            double[] sumA = new double[rows];
            for (int i = 0; i < n; i++) {
                int row = i * rows;
                double gi = g[i];
                for (int r = 0; r < rows; r++) {
                    double p = pre.data[row + r];
                    sumA[r] += gi * phi.phi(p);
                    pre.data[row + r] = gi * a[offset + r] * phi.dphi(p);
                }
            }
            System.arraycopy(sumA, 0, da, offset, rows);
            DMatrixRMaj block = new DMatrixRMaj(rows, inputs);
            CommonOps_DDRM.multTransA(pre, x, block);
            dw[b] = block;
        });
        return new Gradient(dw, da, inputs);
    }

    /** The network after one SGD step: W − η_w·∂W, a − η_a·∂a. */
    public OneHiddenLayerNet descend(Gradient gradient, double inputLearningRate, double outputLearningRate) {
        Checks.variance("inputLearningRate", inputLearningRate);
        Checks.variance("outputLearningRate", outputLearningRate);
        if (gradient.width() != width || gradient.inputs() != inputs) {
            throw new IllegalArgumentException("gradient is for width " + gradient.width() + " and " + gradient.inputs()
                    + " inputs, network has " + width + " and " + inputs);
        }
        DMatrixRMaj[] next = new DMatrixRMaj[w.length];
        IntStream.range(0, w.length).parallel().forEach(b -> {
            DMatrixRMaj block = w[b].copy();
            CommonOps_DDRM.addEquals(block, -inputLearningRate, gradient.block(b));
            next[b] = block;
        });
        double[] nextA = new double[width];
        for (int r = 0; r < width; r++) {
            nextA[r] = a[r] - outputLearningRate * gradient.outputAt(r);
        }
        return new OneHiddenLayerNet(phi, inputs, next, nextA);
    }

    /** The diagonal of the learning-rate-weighted tangent kernel at the rows of points ({@link TangentKernel}). */
    public TangentKernel tangentKernel(DMatrixRMaj points, double inputLearningRate, double outputLearningRate) {
        requireInputs(points);
        Checks.variance("inputLearningRate", inputLearningRate);
        Checks.variance("outputLearningRate", outputLearningRate);
        int n = points.numRows;
        double[][] partIn = new double[w.length][];
        double[][] partOut = new double[w.length][];
        IntStream.range(0, w.length).parallel().forEach(b -> {
            DMatrixRMaj pre = preActivations(points, b);
            int rows = pre.numCols;
            int offset = b * BLOCK;
            double[] in = new double[n];
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                int row = i * rows;
                double si = 0, so = 0;
                for (int r = 0; r < rows; r++) {
                    double p = pre.data[row + r];
                    double ad = a[offset + r] * phi.dphi(p);
                    double f = phi.phi(p);
                    si += ad * ad;
                    so += f * f;
                }
                in[i] = si;
                out[i] = so;
            }
            partIn[b] = in;
            partOut[b] = out;
        });
        double[] in = sumInBlockOrder(partIn, n);
        double[] out = sumInBlockOrder(partOut, n);
        for (int i = 0; i < n; i++) {
            double norm2 = 0;
            for (int j = 0; j < inputs; j++) {
                double v = points.unsafe_get(i, j);
                norm2 += v * v;
            }
            in[i] *= inputLearningRate * norm2;
            out[i] *= outputLearningRate;
        }
        return new TangentKernel(in, out);
    }

    private DMatrixRMaj preActivations(DMatrixRMaj x, int block) {
        DMatrixRMaj pre = new DMatrixRMaj(x.numRows, w[block].numRows);
        CommonOps_DDRM.multTransB(x, w[block], pre);
        return pre;
    }

    private static double[] sumInBlockOrder(double[][] partial, int n) {
        double[] out = new double[n];
        for (double[] part : partial) {
            for (int i = 0; i < n; i++) {
                out[i] += part[i];
            }
        }
        return out;
    }

    private void requireInputs(DMatrixRMaj x) {
        if (x.numCols != inputs) {
            throw new IllegalArgumentException("x has " + x.numCols + " columns, network has " + inputs + " inputs");
        }
    }

    @Override
    public String toString() {
        return "OneHiddenLayerNet[d = " + width + ", n0 = " + inputs + ", φ = " + phi.name() + "]";
    }

    /** ∂/∂W and ∂/∂a of a weighted sum of logits, as returned by {@link #gradient}. Immutable. */
    public static final class Gradient {
        private final DMatrixRMaj[] dw;
        private final double[] da;
        private final int inputs;

        private Gradient(DMatrixRMaj[] dw, double[] da, int inputs) {
            this.dw = dw;
            this.da = da;
            this.inputs = inputs;
        }

        public int width() {
            return da.length;
        }

        public int inputs() {
            return inputs;
        }

        /** ∂/∂a_r. */
        public double outputAt(int r) {
            return da[r];
        }

        /** ∂/∂(w_r)_j. */
        public double inputAt(int r, int j) {
            return dw[r / BLOCK].unsafe_get(r % BLOCK, j);
        }

        /** ‖∂/∂W‖² + ‖∂/∂a‖². */
        public double squaredNorm() {
            double s = 0;
            for (DMatrixRMaj b : dw) {
                for (double v : b.data) s += v * v;
            }
            for (double v : da) s += v * v;
            return s;
        }

        DMatrixRMaj block(int b) {
            return dw[b];
        }
    }
}
