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
import org.widenets.kernel.ResNet;
import org.widenets.kernel.ResidualBranch;

/**
 * A residual network of width n with sampled weights, in the parametrisation of {@link ResNet}
 * (shared/papers/residual-kernels.md §2):
 * <pre>
 *   h⁰ = σ₀·A x/√n₀ (MEAN) or σ₀·A x (SUM)
 *   R2: hˡ = s·h^{l−1} + α√(c/n)·Vˡ φ(Wˡ h^{l−1}/√n)      R1: hˡ = s·h^{l−1} + α√(c/n)·Wˡ φ(h^{l−1})
 *   f  = v·h^L/√n
 * </pre>
 * with s = 1 (or 0 without skips). Weight rows are drawn from a {@link WeightDistribution} (standard
 * Gaussian for the NTK parametrisation); the infinite-width limit is {@code architecture.network()}.
 * Immutable after sampling; {@link #kernels} is thread-safe.
 */
public final class RandomResNet implements FiniteNetwork {

    private final ResNet architecture;
    private final int width;
    private final int inputDimension;
    private final DMatrixRMaj input;
    private final DMatrixRMaj[] inner;   // Wˡ of R2 (n×n), absent for R1
    private final DMatrixRMaj[] outer;   // Vˡ of R2 or Wˡ of R1 (n×n)
    private final double[] readout;

    private RandomResNet(ResNet architecture, int width, int inputDimension, WeightDistribution law,
                         RandomGenerator rng) {
        this.architecture = architecture;
        this.width = width;
        this.inputDimension = inputDimension;
        int depth = architecture.depth();
        this.input = Batch.draw(law, rng, width, inputDimension);
        boolean two = architecture.branch() == ResidualBranch.TWO_LAYER;
        this.inner = new DMatrixRMaj[two ? depth : 0];
        this.outer = new DMatrixRMaj[depth];
        for (int l = 0; l < depth; l++) {
            if (two) inner[l] = Batch.draw(law, rng, width, width);
            outer[l] = Batch.draw(law, rng, width, width);
        }
        this.readout = new double[width];
        law.sampleRow(rng, readout);
    }

    /** Draws the weights of a width-n network on inputs of dimension n₀. */
    public static RandomResNet sample(ResNet architecture, int width, int inputDimension, WeightDistribution law,
                                      RandomGenerator rng) {
        Objects.requireNonNull(architecture, "architecture");
        Checks.atLeast("width", width, 1);
        Checks.atLeast("inputDimension", inputDimension, 1);
        Objects.requireNonNull(law, "law");
        Objects.requireNonNull(rng, "rng");
        return new RandomResNet(architecture, width, inputDimension, law, rng);
    }

    /** Standard Gaussian weights from {@code rng} (e.g. a {@link Xoshiro256}). */
    public static RandomResNet sample(ResNet architecture, int width, int inputDimension, RandomGenerator rng) {
        return sample(architecture, width, inputDimension, GaussianWeights.standard(), rng);
    }

    public ResNet architecture() {
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

    private double branchScale() {
        return architecture.alpha() * Math.sqrt(architecture.branchWeightVariance() / width);
    }

    /** Forward pass: h⁰ … h^L and, per block, the activation's argument and value. */
    private final class Forward {
        final DMatrixRMaj[] h = new DMatrixRMaj[architecture.depth() + 1];
        final DMatrixRMaj[] pre = new DMatrixRMaj[architecture.depth()];
        final DMatrixRMaj[] post = new DMatrixRMaj[architecture.depth()];

        Forward(DMatrixRMaj x) {
            Activation f = architecture.activation();
            double skip = architecture.skip() ? 1 : 0, sb = branchScale(), si = 1 / Math.sqrt(width);
            h[0] = CommonOps_DDRM.multTransB(inputScale(), x, input, new DMatrixRMaj(x.numRows, width));
            for (int l = 0; l < architecture.depth(); l++) {
                pre[l] = inner.length > 0
                        ? CommonOps_DDRM.multTransB(si, h[l], inner[l], new DMatrixRMaj(x.numRows, width))
                        : h[l];
                post[l] = Batch.phi(f, pre[l]);
                DMatrixRMaj next = h[l].copy();
                CommonOps_DDRM.scale(skip, next);
                CommonOps_DDRM.multAddTransB(sb, post[l], outer[l], next);
                h[l + 1] = next;
            }
        }
    }

    @Override
    public double[] outputs(DMatrixRMaj x) {
        Batch.checkInputs(x, inputDimension);
        DMatrixRMaj hl = new Forward(x).h[architecture.depth()];
        DMatrixRMaj v = new DMatrixRMaj(width, 1, true, readout);
        return Batch.column(CommonOps_DDRM.mult(1 / Math.sqrt(width), hl, v, new DMatrixRMaj(x.numRows, 1)));
    }

    @Override
    public KernelMatrices kernels(DMatrixRMaj x) {
        Batch.checkInputs(x, inputDimension);
        Forward fw = new Forward(x);
        int n = x.numRows, depth = architecture.depth();
        Activation f = architecture.activation();
        double skip = architecture.skip() ? 1 : 0, sb = branchScale(), si = 1 / Math.sqrt(width);
        DMatrixRMaj nngp = Batch.gram(fw.h[depth]);
        CommonOps_DDRM.scale(1.0 / width, nngp);
        DMatrixRMaj ntk = nngp.copy();                                // readout v: δ = 1, a = h^L
        DMatrixRMaj g = Batch.rows(n, readout, si);                  // ∂f/∂h^L
        for (int l = depth - 1; l >= 0; l--) {
            Batch.addLayer(ntk, sb * sb, g, fw.post[l]);             // Vˡ (R2) or Wˡ (R1)
            DMatrixRMaj gPre = CommonOps_DDRM.mult(sb, g, outer[l], new DMatrixRMaj(n, width));
            Batch.timesDphi(gPre, f, fw.pre[l]);                     // ∂f/∂(argument of φ)
            DMatrixRMaj gPrev = g.copy();
            CommonOps_DDRM.scale(skip, gPrev);
            if (inner.length > 0) {
                Batch.addLayer(ntk, si * si, gPre, fw.h[l]);         // Wˡ of R2
                CommonOps_DDRM.multAdd(si, gPre, inner[l], gPrev);
            } else {
                CommonOps_DDRM.addEquals(gPrev, gPre);
            }
            g = gPrev;
        }
        double sa = inputScale();
        Batch.addLayer(ntk, sa * sa, g, x);                           // A
        return new KernelMatrices(nngp, ntk);
    }

    /** The live weight arrays, for finite-difference tests of the backpropagation. */
    double[][] parameterArrays() {
        List<double[]> p = new ArrayList<>();
        p.add(input.data);
        for (DMatrixRMaj w : inner) p.add(w.data);
        for (DMatrixRMaj w : outer) p.add(w.data);
        p.add(readout);
        return p.toArray(new double[0][]);
    }

    @Override
    public String toString() {
        return "random " + architecture + ", n = " + width;
    }
}
