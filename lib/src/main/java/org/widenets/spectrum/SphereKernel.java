package org.widenets.spectrum;

import java.util.Objects;
import org.widenets.kernel.Activation;
import org.widenets.kernel.Dense;
import org.widenets.kernel.InputScaling;
import org.widenets.kernel.Layer;
import org.widenets.kernel.Mlp;
import org.widenets.kernel.Network;
import org.widenets.kernel.Nonlinearity;
import org.widenets.kernel.PairKernel;

/**
 * The NNGP or NTK of a network restricted to the unit sphere S^{d−1} ⊂ ℝ^d (d the ambient dimension):
 * a dot-product kernel κ(t), t = ⟨x, y⟩ ∈ [−1, 1].
 *
 * <p>On the sphere every input has the same norm, so the state entering the first layer is
 * K⁰ = f·t with variances f, where f = 1 for {@link InputScaling#SUM} and 1/d for
 * {@link InputScaling#MEAN}; the network's own layers do the rest. With {@link #paper} (SUM, σ_w² = 1,
 * σ_b² ∈ {0, 1}) this is the parametrisation of Holzmüller &amp; Schölpple with σ_i = 1
 * (shared/papers/rkhs-smoothness.md §1): K¹ = σ_b² + σ_w² t and Θ¹ = K¹.
 *
 * @param network   any network of the kernel engine
 * @param dimension ambient dimension d ≥ 2
 * @param type      NNGP or NTK
 */
public record SphereKernel(Network network, int dimension, KernelType type) {

    /** Relative tolerance on ‖x‖ = 1 for {@link #value(double[], double[])}. */
    public static final double UNIT_TOLERANCE = 1e-10;

    public SphereKernel {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(type, "type");
        SphericalHarmonics.checkDimension(dimension);
    }

    /**
     * The networks of the paper's figures: L affine layers (L − 1 hidden layers of φ, so L = 2 is the
     * two-layer network), inputs not rescaled, σ_w² = 1, and σ_b² = σ_i² = 1 with bias or 0 without.
     */
    public static SphereKernel paper(Activation activation, int layers, boolean bias, int dimension, KernelType type) {
        if (layers < 2) {
            throw new IllegalArgumentException("layers L (affine layers) must be ≥ 2, got " + layers);
        }
        Network net = Mlp.builder().activation(activation).depth(layers - 1)
                .weightVariance(1).biasVariance(bias ? 1 : 0).inputScaling(InputScaling.SUM).build();
        return new SphereKernel(net, dimension, type);
    }

    /**
     * True when every activation of the network is evaluated by a closed form (round-off ~1e−16 of κ), false
     * when some layer is evaluated by quadrature or is of a kind this package does not know.
     */
    public boolean closedForm() {
        for (Layer layer : network.layers()) {
            if (layer instanceof Nonlinearity n) {
                if (!n.activation().closedForm()) return false;
            } else if (!(layer instanceof Dense)) {
                return false;
            }
        }
        return true;
    }

    /** The same network in another dimension. */
    public SphereKernel withDimension(int d) {
        return new SphereKernel(network, d, type);
    }

    /** The same network's other kernel. */
    public SphereKernel withType(KernelType t) {
        return new SphereKernel(network, dimension, t);
    }

    /** κ(t) for t = ⟨x, y⟩ ∈ [−1, 1]. */
    public double value(double t) {
        if (!(t >= -1 && t <= 1)) {
            throw new IllegalArgumentException("t = ⟨x, y⟩ must lie in [−1, 1] on the unit sphere, got " + t);
        }
        double f = network.inputScaling().factor(dimension);
        // t = 1 is x = y: the activations' exact diagonal formulas, not the singular off-diagonal ones.
        PairKernel in = t == 1 ? new PairKernel(f, f, f, 0, 0, 0, true) : PairKernel.ofCovariance(f, f * t, f);
        PairKernel out = network.apply(in);
        return type == KernelType.NNGP ? out.q12() : out.ntk12();
    }

    /** κ(⟨x, y⟩) for unit vectors x, y ∈ ℝ^d; anything off the sphere is rejected. */
    public double value(double[] x, double[] y) {
        double t = 0;
        checkUnit("x", x);
        checkUnit("y", y);
        for (int i = 0; i < x.length; i++) {
            t += x[i] * y[i];
        }
        return value(Math.max(-1, Math.min(1, t)));
    }

    private void checkUnit(String name, double[] v) {
        if (v.length != dimension) {
            throw new IllegalArgumentException(name + " has dimension " + v.length + " but the kernel lives on S^"
                    + (dimension - 1) + " ⊂ ℝ^" + dimension);
        }
        double s = 0;
        for (double c : v) s += c * c;
        if (!(Math.abs(Math.sqrt(s) - 1) <= UNIT_TOLERANCE)) {
            throw new IllegalArgumentException(name + " is not on the unit sphere: ‖" + name + "‖ = " + Math.sqrt(s)
                    + " (normalise the inputs, or use the network directly for inputs off the sphere)");
        }
    }

    @Override
    public String toString() {
        return type + " on S^" + (dimension - 1) + " of " + network;
    }
}
