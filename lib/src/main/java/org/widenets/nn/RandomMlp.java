package org.widenets.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.hipparchus.random.RandomGenerator;
import org.widenets.kernel.Activation;
import org.widenets.kernel.Checks;

/**
 * One finite random MLP drawn from an {@link MlpConfig}: its outputs f(x), hidden post-activations and
 * empirical NTK. Immutable once sampled; the same (config, input dimension, seed) gives the same network.
 *
 * <p>Weights are drawn in a fixed order — layer by layer, the rows of W^l from the config's
 * {@link WeightDistribution}, then the standard-normal biases b^l — from one {@link Xoshiro256}
 * seeded with {@code seed}. With {@link MlpConfig#jointBias()} each row (w_i, b_i) is instead one draw of
 * dimension n_in + 1 from the law.
 *
 * <p>Empirical NTK by backpropagation (Jacot et al. 2018): with δ^l = ∂f/∂z^l,
 * <pre>
 *   δ^{L+1} = 1,   δ^l = φ′(z^l) ⊙ s_{l+1} (W^{l+1})ᵀ δ^{l+1}
 *   Θ̂(x, x′) = Σ_l Σ_{θ ∈ layer l} ∂f(x)/∂θ · ∂f(x′)/∂θ = Σ_{l=1}^{L+1} (δ^l·δ′^l)·(s_l² h^{l−1}·h′^{l−1} + σ_b²)
 * </pre>
 * since ∂f/∂W^l_ij = δ^l_i s_l h^{l−1}_j and ∂f/∂b^l_i = δ^l_i σ_b (h⁰ = x). No gradient vector is
 * ever formed: only the P×P Gram matrices of δ^l and h^{l−1} over the P inputs.
 */
public final class RandomMlp {

    private final MlpConfig config;
    private final int inputDimension;
    private final long seed;
    /** weights[l] is W^{l+1}: n×d, then n×n, the readout 1×n. */
    private final DMatrixRMaj[] weights;
    /** biases[l] is b^{l+1}, an (rows of weights[l])×1 column. */
    private final DMatrixRMaj[] biases;
    /** scales[l] = s_{l+1}, the factor in front of W^{l+1}. */
    private final double[] scales;

    private RandomMlp(MlpConfig config, int inputDimension, long seed) {
        this.config = Objects.requireNonNull(config, "config");
        this.inputDimension = Checks.atLeast("inputDimension", inputDimension, 1);
        this.seed = seed;
        int layers = config.depth() + 1, n = config.width();
        weights = new DMatrixRMaj[layers];
        biases = new DMatrixRMaj[layers];
        scales = new double[layers];
        RandomGenerator rng = new Xoshiro256(seed);
        double sigmaW = Math.sqrt(config.weightVariance());
        for (int l = 0; l < layers; l++) {
            int rows = l == layers - 1 ? 1 : n;
            int cols = l == 0 ? inputDimension : n;
            weights[l] = new DMatrixRMaj(rows, cols);
            biases[l] = new DMatrixRMaj(rows, 1);
            double[] row = new double[config.jointBias() ? cols + 1 : cols];
            for (int i = 0; i < rows; i++) {
                config.weights().sampleRow(rng, row);
                System.arraycopy(row, 0, weights[l].data, i * cols, cols);
                if (config.jointBias()) biases[l].data[i] = row[cols];
            }
            if (!config.jointBias()) {
                for (int i = 0; i < rows; i++) {
                    biases[l].data[i] = rng.nextGaussian();
                }
            }
            scales[l] = l == 0 ? sigmaW * Math.sqrt(config.inputScaling().factor(inputDimension))
                    : sigmaW / Math.sqrt(n);
        }
    }

    /** A copy of {@code from} with its parameters replaced by {@code weights} and {@code biases}. */
    private RandomMlp(RandomMlp from, DMatrixRMaj[] weights, DMatrixRMaj[] biases) {
        this.config = from.config;
        this.inputDimension = from.inputDimension;
        this.seed = from.seed;
        this.weights = weights;
        this.biases = biases;
        this.scales = from.scales;
    }

    /** Draws the network with the given architecture for inputs of dimension d from the given seed. */
    public static RandomMlp sample(MlpConfig config, int inputDimension, long seed) {
        return new RandomMlp(config, inputDimension, seed);
    }

    public MlpConfig config() {
        return config;
    }

    public int inputDimension() {
        return inputDimension;
    }

    public long seed() {
        return seed;
    }

    /** f(x). */
    public double output(double[] x) {
        return forward(column("x", x)).output(0);
    }

    /** f(x_i) for every row x_i of {@code x} (P×d). */
    public double[] outputs(DMatrixRMaj x) {
        Forward fw = forward(columns("x", x));
        double[] f = new double[x.numRows];
        for (int a = 0; a < f.length; a++) {
            f[a] = fw.output(a);
        }
        return f;
    }

    /** The post-activations h^l = φ(z^l), l = 1 … L, of the hidden layers for input x (each of length n). */
    public List<double[]> hidden(double[] x) {
        Forward fw = forward(column("x", x));
        List<double[]> out = new ArrayList<>(config.depth());
        for (int l = 1; l <= config.depth(); l++) {
            out.add(fw.h[l].data.clone());
        }
        return out;
    }

    /** The empirical NTK Θ̂(x, x′) of this network. */
    public double ntk(double[] x, double[] xPrime) {
        column("x", x);
        column("x′", xPrime);
        DMatrixRMaj both = new DMatrixRMaj(2, x.length);
        System.arraycopy(x, 0, both.data, 0, x.length);
        System.arraycopy(xPrime, 0, both.data, x.length, x.length);
        return kernels(both).ntk().get(0, 1);
    }

    /** The P×P empirical NTK matrix of the rows of {@code x} (P×d). */
    public DMatrixRMaj ntk(DMatrixRMaj x) {
        return kernels(x).ntk();
    }

    /**
     * Outputs f, the readout-conditional NNGP E[f(x_a) f(x_b) | hidden layers] and the empirical NTK of
     * the rows of {@code x}, from one forward and one backward pass.
     */
    Kernels kernels(DMatrixRMaj x) {
        Forward fw = forward(columns("x", x));
        int p = x.numRows, layers = weights.length;
        Activation phi = config.activation();
        double bias = config.biasVariance();
        DMatrixRMaj ntk = new DMatrixRMaj(p, p);
        DMatrixRMaj deltaGram = new DMatrixRMaj(p, p), hGram = new DMatrixRMaj(p, p);
        DMatrixRMaj delta = new DMatrixRMaj(1, p);
        delta.fill(1.0);
        for (int l = layers - 1; l >= 0; l--) {
            // layer l+1 in the notation above: δ^{l+1} is `delta`, its input h^l is fw.h[l]
            CommonOps_DDRM.multTransA(delta, delta, deltaGram);
            CommonOps_DDRM.multTransA(fw.h[l], fw.h[l], hGram);
            double s2 = scales[l] * scales[l];
            for (int k = 0; k < p * p; k++) {
                ntk.data[k] += deltaGram.data[k] * (s2 * hGram.data[k] + bias);
            }
            if (l > 0) {
                DMatrixRMaj back = new DMatrixRMaj(weights[l].numCols, p);
                CommonOps_DDRM.multTransA(weights[l], delta, back);
                DMatrixRMaj z = fw.z[l];
                for (int k = 0; k < back.data.length; k++) {
                    back.data[k] *= scales[l] * phi.dphi(z.data[k]);
                }
                delta = back;
            }
        }
        // E[(w·h)(w·h′)] = h·h′·E‖w‖²/n for rows with isotropic second moments (Gaussian, rotation invariant)
        int n = config.width();
        double readout = scales[layers - 1] * scales[layers - 1] * config.weights().expectedSquaredNorm(n) / n;
        DMatrixRMaj last = new DMatrixRMaj(p, p);
        CommonOps_DDRM.multTransA(fw.h[layers - 1], fw.h[layers - 1], last);
        DMatrixRMaj nngp = new DMatrixRMaj(p, p);
        for (int k = 0; k < p * p; k++) {
            nngp.data[k] = readout * last.data[k] + bias;
        }
        double[] f = new double[p];
        for (int a = 0; a < p; a++) {
            f[a] = fw.output(a);
        }
        return new Kernels(f, nngp, ntk);
    }

    /** Number of parameters θ (every weight and bias). */
    int parameterCount() {
        int count = 0;
        for (int l = 0; l < weights.length; l++) {
            count += weights[l].data.length + biases[l].data.length;
        }
        return count;
    }

    /**
     * A copy with parameter k shifted by {@code delta}; parameters are numbered layer by layer, the
     * weights of a layer (row-major) before its biases. For checking backpropagation by differences.
     */
    RandomMlp withShiftedParameter(int k, double delta) {
        DMatrixRMaj[] w = new DMatrixRMaj[weights.length], b = new DMatrixRMaj[biases.length];
        int rest = k;
        for (int l = 0; l < weights.length; l++) {
            w[l] = weights[l].copy();
            b[l] = biases[l].copy();
            if (rest >= 0 && rest < w[l].data.length) {
                w[l].data[rest] += delta;
            } else if (rest >= w[l].data.length && rest < w[l].data.length + b[l].data.length) {
                b[l].data[rest - w[l].data.length] += delta;
            }
            rest -= w[l].data.length + b[l].data.length;
        }
        return new RandomMlp(this, w, b);
    }

    /** One pass over P inputs: outputs, readout-conditional NNGP and empirical NTK (P×P). */
    record Kernels(double[] outputs, DMatrixRMaj nngp, DMatrixRMaj ntk) {
    }

    /** z[l] (l = 1 … L+1) and h[l] (l = 0 … L, h[0] = x) as (units × P) matrices, one column per input. */
    private record Forward(DMatrixRMaj[] z, DMatrixRMaj[] h) {
        double output(int a) {
            return z[z.length - 1].data[a];
        }
    }

    private Forward forward(DMatrixRMaj input) {
        int layers = weights.length, p = input.numCols;
        Activation phi = config.activation();
        double sigmaB = Math.sqrt(config.biasVariance());
        DMatrixRMaj[] z = new DMatrixRMaj[layers + 1], h = new DMatrixRMaj[layers];
        h[0] = input;
        for (int l = 0; l < layers; l++) {
            DMatrixRMaj pre = new DMatrixRMaj(weights[l].numRows, p);
            CommonOps_DDRM.mult(scales[l], weights[l], h[l], pre);
            for (int i = 0; i < pre.numRows; i++) {
                double b = sigmaB * biases[l].data[i];
                for (int a = 0; a < p; a++) {
                    pre.data[i * p + a] += b;
                }
            }
            z[l + 1] = pre;
            if (l + 1 < layers) {
                DMatrixRMaj post = new DMatrixRMaj(pre.numRows, p);
                for (int k = 0; k < pre.data.length; k++) {
                    post.data[k] = phi.phi(pre.data[k]);
                }
                h[l + 1] = post;
            }
        }
        return new Forward(z, h);
    }

    private DMatrixRMaj column(String name, double[] x) {
        Objects.requireNonNull(x, name);
        if (x.length != inputDimension) {
            throw new IllegalArgumentException(name + " has dimension " + x.length
                    + " but the network takes inputs of dimension " + inputDimension);
        }
        Checks.finite(name, x);
        return new DMatrixRMaj(x.length, 1, true, x);
    }

    private DMatrixRMaj columns(String name, DMatrixRMaj x) {
        Objects.requireNonNull(x, name);
        if (x.numCols != inputDimension) {
            throw new IllegalArgumentException(name + " is " + x.numRows + "×" + x.numCols
                    + " but the network takes inputs of dimension " + inputDimension);
        }
        Checks.atLeast(name + " rows", x.numRows, 1);
        Checks.finite(name, x.data);
        return CommonOps_DDRM.transpose(x, null);
    }

    @Override
    public String toString() {
        return "RandomMlp(" + config + ", d = " + inputDimension + ", seed = " + seed + ")";
    }
}
