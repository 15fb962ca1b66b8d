package org.widenets.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.hipparchus.random.RandomGenerator;
import org.widenets.kernel.Activation;
import org.widenets.kernel.Checks;
import org.widenets.kernel.DenseNet;
import org.widenets.kernel.KernelMatrices;

/**
 * A fully connected DenseNet of width n with sampled weights, in the parametrisation of {@link DenseNet}
 * (shared/papers/residual-kernels.md §2):
 * <pre>
 *   h⁰ = σ₀·A x/√n₀,   hˡ = √(c/(l·n))·Σ_{k&lt;l} W^{l,k} φ(hᵏ),   f = √(c/((L+1)·n))·Σ_{k≤L} vᵏ·φ(hᵏ)
 * </pre>
 * where W^{l,k} (n×n) is the k-th column block of the n×(l·n) matrix Wˡ acting on the concatenation.
 * A row of Wˡ is one draw of dimension l·n from the {@link WeightDistribution}, so non-Gaussian laws are
 * sampled per unit as the law prescribes. Immutable after sampling; {@link #kernels} is thread-safe.
 */
public final class RandomDenseNet implements FiniteNetwork {

    private final DenseNet architecture;
    private final int width;
    private final int inputDimension;
    private final DMatrixRMaj input;
    private final DMatrixRMaj[][] blocks;   // blocks[l−1][k] = W^{l,k}, k < l
    private final double[][] readout;       // readout[k] = vᵏ

    private RandomDenseNet(DenseNet architecture, int width, int inputDimension, WeightDistribution law,
                           RandomGenerator rng) {
        this.architecture = architecture;
        this.width = width;
        this.inputDimension = inputDimension;
        int depth = architecture.depth();
        this.input = Batch.draw(law, rng, width, inputDimension);
        this.blocks = new DMatrixRMaj[depth][];
        for (int l = 1; l <= depth; l++) {
            // One row of Wˡ (length l·n) is one draw; it is scattered into the column blocks directly so the
            // n×(l·n) matrix never exists twice.
            blocks[l - 1] = new DMatrixRMaj[l];
            for (int k = 0; k < l; k++) blocks[l - 1][k] = new DMatrixRMaj(width, width);
            double[] row = new double[l * width];
            for (int i = 0; i < width; i++) {
                law.sampleRow(rng, row);
                for (int k = 0; k < l; k++) System.arraycopy(row, k * width, blocks[l - 1][k].data, i * width, width);
            }
        }
        double[] v = new double[(depth + 1) * width];
        law.sampleRow(rng, v);
        this.readout = new double[depth + 1][width];
        for (int k = 0; k <= depth; k++) System.arraycopy(v, k * width, readout[k], 0, width);
    }

    /** Draws the weights of a width-n network on inputs of dimension n₀. */
    public static RandomDenseNet sample(DenseNet architecture, int width, int inputDimension,
                                        WeightDistribution law, RandomGenerator rng) {
        Objects.requireNonNull(architecture, "architecture");
        Checks.atLeast("width", width, 1);
        Checks.atLeast("inputDimension", inputDimension, 1);
        Objects.requireNonNull(law, "law");
        Objects.requireNonNull(rng, "rng");
        return new RandomDenseNet(architecture, width, inputDimension, law, rng);
    }

    /** Standard Gaussian weights from {@code rng} (e.g. a {@link Xoshiro256}). */
    public static RandomDenseNet sample(DenseNet architecture, int width, int inputDimension, RandomGenerator rng) {
        return sample(architecture, width, inputDimension, GaussianWeights.standard(), rng);
    }

    public DenseNet architecture() {
        return architecture;
    }

    @Override
    public int inputDimension() {
        return inputDimension;
    }

    @Override
    public int width() {
        return width;
    }

    private double inputScale() {
        return Math.sqrt(architecture.inputWeightVariance() * architecture.inputScaling().factor(inputDimension));
    }

    /** √(c/(l·n)): layer l (1..L) has fan-in l·n; the readout is layer L+1. */
    private double layerScale(int l) {
        return Math.sqrt(architecture.weightVariance() / ((double) l * width));
    }

    /** Pre-activations h⁰ … h^L. */
    private DMatrixRMaj[] forward(DMatrixRMaj x, DMatrixRMaj[] post) {
        Activation f = architecture.activation();
        int depth = architecture.depth();
        DMatrixRMaj[] h = new DMatrixRMaj[depth + 1];
        h[0] = CommonOps_DDRM.multTransB(inputScale(), x, input, new DMatrixRMaj(x.numRows, width));
        post[0] = Batch.phi(f, h[0]);
        for (int l = 1; l <= depth; l++) {
            h[l] = new DMatrixRMaj(x.numRows, width);
            for (int k = 0; k < l; k++) {
                CommonOps_DDRM.multAddTransB(layerScale(l), post[k], blocks[l - 1][k], h[l]);
            }
            post[l] = Batch.phi(f, h[l]);
        }
        return h;
    }

    @Override
    public double[] outputs(DMatrixRMaj x) {
        Batch.checkInputs(x, inputDimension);
        int depth = architecture.depth();
        DMatrixRMaj[] post = new DMatrixRMaj[depth + 1];
        forward(x, post);
        double[] out = new double[x.numRows];
        double s = layerScale(depth + 1);
        for (int k = 0; k <= depth; k++) {
            DMatrixRMaj v = new DMatrixRMaj(width, 1, true, readout[k]);
            DMatrixRMaj fk = CommonOps_DDRM.mult(s, post[k], v, new DMatrixRMaj(x.numRows, 1));
            for (int i = 0; i < out.length; i++) out[i] += fk.get(i, 0);
        }
        return out;
    }

    @Override
    public KernelMatrices kernels(DMatrixRMaj x) {
        Batch.checkInputs(x, inputDimension);
        int n = x.numRows, depth = architecture.depth();
        Activation f = architecture.activation();
        DMatrixRMaj[] post = new DMatrixRMaj[depth + 1];
        DMatrixRMaj[] h = forward(x, post);
        // The input of layer l is the concatenation of φ(h⁰) … φ(h^{l−1}); its Gram is a prefix sum.
        DMatrixRMaj[] concatGram = new DMatrixRMaj[depth + 2];
        concatGram[0] = new DMatrixRMaj(n, n);
        for (int k = 0; k <= depth; k++) {
            concatGram[k + 1] = concatGram[k].copy();
            CommonOps_DDRM.addEquals(concatGram[k + 1], Batch.gram(post[k]));
        }
        double sf = layerScale(depth + 1);
        DMatrixRMaj nngp = concatGram[depth + 1].copy();
        CommonOps_DDRM.scale(sf * sf, nngp);
        DMatrixRMaj ntk = nngp.copy();                                   // readout: δ = 1
        // ∂f/∂φ(hᵏ) collects the readout and every later layer; layers are visited from the top.
        DMatrixRMaj[] gPost = new DMatrixRMaj[depth + 1];
        for (int k = 0; k <= depth; k++) gPost[k] = Batch.rows(n, readout[k], sf);
        DMatrixRMaj gInput = null;
        for (int l = depth; l >= 0; l--) {
            DMatrixRMaj g = gPost[l];
            Batch.timesDphi(g, f, h[l]);                                 // now ∂f/∂hˡ
            if (l == 0) {
                gInput = g;
                break;
            }
            double s = layerScale(l);
            Batch.addGrams(ntk, s * s, Batch.gram(g), concatGram[l]);    // Wˡ
            for (int k = 0; k < l; k++) {
                CommonOps_DDRM.multAdd(s, g, blocks[l - 1][k], gPost[k]);
            }
        }
        double sa = inputScale();
        Batch.addLayer(ntk, sa * sa, gInput, x);                          // A
        return new KernelMatrices(nngp, ntk);
    }

    /** The live weight arrays, for finite-difference tests of the backpropagation. */
    double[][] parameterArrays() {
        List<double[]> p = new ArrayList<>();
        p.add(input.data);
        for (DMatrixRMaj[] layer : blocks) for (DMatrixRMaj w : layer) p.add(w.data);
        for (double[] v : readout) p.add(v);
        return p.toArray(new double[0][]);
    }

    @Override
    public String toString() {
        return "random " + architecture + ", n = " + width;
    }
}
