package org.widenets.kernel;

import java.util.List;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;

/**
 * An architecture as a serial composition of kernel {@link Layer}s, evaluated for pairs of inputs
 * or for whole input sets (kernel matrices).
 *
 * <pre>
 * Network net = Network.serial(InputScaling.SUM,
 *         Dense.of(2, 0), new Nonlinearity(AbRelu.relu()), Dense.of(2, 0));
 * PairKernel k = net.pair(x, xPrime);   // k.q12() is the NNGP, k.ntk12() the NTK
 * </pre>
 * Preconditions are checked at construction: a nonlinearity must follow an affine layer.
 */
public final class Network {

    private final InputScaling inputScaling;
    private final List<Layer> layers;

    private Network(InputScaling inputScaling, List<Layer> layers) {
        this.inputScaling = Objects.requireNonNull(inputScaling, "inputScaling");
        this.layers = List.copyOf(layers);
        if (this.layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        boolean gaussian = false;
        for (int i = 0; i < this.layers.size(); i++) {
            Layer layer = this.layers.get(i);
            if (layer instanceof Nonlinearity && !gaussian) {
                throw new IllegalArgumentException("layer " + i + " (" + layer
                        + ") needs a Gaussian input: put a Dense layer before it");
            }
            gaussian = layer.affine();
        }
    }

    /** The serial composition of the given layers after an input layer with the given convention. */
    public static Network serial(InputScaling inputScaling, Layer... layers) {
        return new Network(inputScaling, List.of(layers));
    }

    /** The serial composition of the given layers after an input layer with the given convention. */
    public static Network serial(InputScaling inputScaling, List<? extends Layer> layers) {
        return new Network(inputScaling, List.copyOf(layers));
    }

    public InputScaling inputScaling() {
        return inputScaling;
    }

    public List<Layer> layers() {
        return layers;
    }

    /** Applies every layer in turn to a given state. */
    public PairKernel apply(PairKernel in) {
        PairKernel s = in;
        for (Layer layer : layers) {
            s = layer.apply(s);
        }
        return s;
    }

    /** NNGP and NTK of the output for the inputs x and x′. */
    public PairKernel pair(double[] x, double[] xPrime) {
        return apply(PairKernel.ofInputs(x, xPrime, inputScaling));
    }

    /**
     * NNGP and NTK matrices K_ij = K(x_i, x′_j), Θ_ij = Θ(x_i, x′_j) for the rows of {@code x} (N×d) and
     * {@code xPrime} (M×d), equal to {@link #pair} of the rows to rounding. Each input's diagonal
     * trajectory is computed once; each entry is then one fused loop over the layers on scalars
     * ({@link Layer#applyOffDiagonal}), so memory is the two outputs plus O(N) per layer. When
     * {@code xPrime} is {@code x} itself only one triangle is computed. Work is split over row blocks
     * on the common fork–join pool. x, x′: not modified.
     */
    public KernelMatrices matrices(DMatrixRMaj x, DMatrixRMaj xPrime) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(xPrime, "xPrime");
        if (x.numCols != xPrime.numCols) {
            throw new IllegalArgumentException("x is " + x.numRows + "×" + x.numCols + " but x′ is "
                    + xPrime.numRows + "×" + xPrime.numCols + ": input dimensions differ");
        }
        Checks.atLeast("input dimension (columns of x)", x.numCols, 1);
        Checks.finite("x", x.data);
        Checks.finite("x′", xPrime.data);
        return FusedKernelMatrices.compute(layers, inputScaling, x, xPrime);
    }

    @Override
    public String toString() {
        return "Network" + layers + " (input " + inputScaling + ")";
    }
}
