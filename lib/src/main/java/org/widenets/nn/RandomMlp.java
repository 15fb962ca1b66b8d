package org.widenets.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.hipparchus.random.RandomGenerator;
import org.widenets.kernel.Activation;
import org.widenets.kernel.Checks;
import org.widenets.kernel.KernelMatrices;

/**
 * A fully connected network of width n with sampled weights, in the NTK parametrisation of
 * {@link org.widenets.kernel.Mlp} (shared/papers/kernel-formulas.md §2):
 * <pre>
 *   z¹ = σ_w·W¹x/√n₀ + σ_b b¹,   zˡ = σ_w·Wˡφ(z^{l−1})/√n + σ_b bˡ,   f = σ_w·v·φ(z^L)/√n + σ_b b
 * </pre>
 * (√n₀ dropped under {@link org.widenets.kernel.InputScaling#SUM}); W, v rows from a
 * {@link WeightDistribution}, biases standard normal.
 */
public final class RandomMlp implements FiniteNetwork {

    private final MlpArchitecture architecture;
    private final int width;
    private final int inputDimension;
    private final DMatrixRMaj[] weights;   // weights[0] is n×n₀, the rest n×n
    private final double[][] biases;
    private final double[] readout;
    private final double[] readoutBias = new double[1];

    private RandomMlp(MlpArchitecture architecture, int width, int inputDimension, WeightDistribution law,
                      RandomGenerator rng) {
        this.architecture = architecture;
        this.width = width;
        this.inputDimension = inputDimension;
        int depth = architecture.depth();
        this.weights = new DMatrixRMaj[depth];
        this.biases = new double[depth][width];
        for (int l = 0; l < depth; l++) {
            weights[l] = Batch.draw(law, rng, width, l == 0 ? inputDimension : width);
            for (int i = 0; i < width; i++) biases[l][i] = rng.nextGaussian();
        }
        this.readout = new double[width];
        law.sampleRow(rng, readout);
        this.readoutBias[0] = rng.nextGaussian();
    }

    public static RandomMlp sample(MlpArchitecture architecture, int width, int inputDimension,
                                   WeightDistribution law, RandomGenerator rng) {
        Objects.requireNonNull(architecture, "architecture");
        Checks.atLeast("width", width, 1);
        Checks.atLeast("inputDimension", inputDimension, 1);
        Objects.requireNonNull(law, "law");
        Objects.requireNonNull(rng, "rng");
        return new RandomMlp(architecture, width, inputDimension, law, rng);
    }

    @Override
    public int inputDimension() {
        return inputDimension;
    }

    @Override
    public int width() {
        return width;
    }

    private double scale(int l) {
        double fanIn = l == 0 ? 1 / architecture.inputScaling().factor(inputDimension) : width;
        return Math.sqrt(architecture.weightVariance() / fanIn);
    }

    /** Pre-activations z¹ … z^L (index 0 … L−1). */
    private DMatrixRMaj[] forward(DMatrixRMaj x) {
        int depth = architecture.depth();
        double sb = Math.sqrt(architecture.biasVariance());
        DMatrixRMaj[] z = new DMatrixRMaj[depth];
        DMatrixRMaj a = x;
        for (int l = 0; l < depth; l++) {
            z[l] = Batch.rows(x.numRows, biases[l], sb);
            CommonOps_DDRM.multAddTransB(scale(l), a, weights[l], z[l]);
            a = Batch.phi(architecture.activation(), z[l]);
        }
        return z;
    }

    @Override
    public double[] outputs(DMatrixRMaj x) {
        Batch.checkInputs(x, inputDimension);
        DMatrixRMaj[] z = forward(x);
        DMatrixRMaj top = Batch.phi(architecture.activation(), z[z.length - 1]);
        DMatrixRMaj v = new DMatrixRMaj(width, 1, true, readout);
        double[] f = Batch.column(CommonOps_DDRM.mult(scale(z.length), top, v, new DMatrixRMaj(x.numRows, 1)));
        double sb = Math.sqrt(architecture.biasVariance());
        for (int i = 0; i < f.length; i++) f[i] += sb * readoutBias[0];
        return f;
    }

    @Override
    public KernelMatrices kernels(DMatrixRMaj x) {
        Batch.checkInputs(x, inputDimension);
        Activation f = architecture.activation();
        int n = x.numRows, depth = architecture.depth();
        double b2 = architecture.biasVariance();
        DMatrixRMaj[] z = forward(x);
        double sv = scale(depth);
        DMatrixRMaj nngp = Batch.gram(Batch.phi(f, z[depth - 1]));
        CommonOps_DDRM.scale(sv * sv, nngp);
        CommonOps_DDRM.add(nngp, b2, nngp);                                   // readout bias
        DMatrixRMaj ntk = nngp.copy();                                        // readout: δ = 1
        DMatrixRMaj g = Batch.rows(n, readout, sv);                           // ∂f/∂φ(z^L)
        for (int l = depth - 1; l >= 0; l--) {
            Batch.timesDphi(g, f, z[l]);                                      // ∂f/∂z
            DMatrixRMaj dGram = Batch.gram(g);
            DMatrixRMaj a = l == 0 ? x : Batch.phi(f, z[l - 1]);
            Batch.addGrams(ntk, scale(l) * scale(l), dGram, Batch.gram(a));   // Wˡ
            CommonOps_DDRM.addEquals(ntk, b2, dGram);                         // bˡ
            if (l > 0) g = CommonOps_DDRM.mult(scale(l), g, weights[l], new DMatrixRMaj(n, width));
        }
        return new KernelMatrices(nngp, ntk);
    }

    /** The live parameter arrays, for finite-difference tests of the backpropagation. */
    double[][] parameterArrays() {
        List<double[]> p = new ArrayList<>();
        for (DMatrixRMaj w : weights) p.add(w.data);
        for (double[] b : biases) p.add(b);
        p.add(readout);
        p.add(readoutBias);
        return p.toArray(new double[0][]);
    }

    @Override
    public String toString() {
        return "random " + architecture + ", n = " + width;
    }
}
