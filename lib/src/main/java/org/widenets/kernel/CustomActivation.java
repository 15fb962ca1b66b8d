package org.widenets.kernel;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * A user activation given by φ, φ′ and the points where φ or φ′ is not smooth (kinks and jumps);
 * its kernels are the kink-aware quadrature of the defining expectations ({@link QuadratureActivation}).
 * A jump of φ contributes a Dirac mass to φ′ that the NTK map Ṫ = E[φ′φ′] ignores, as for
 * {@link Step}. φ and φ′ must be thread-safe (they are called from parallel kernel-matrix code).
 *
 * <pre>
 * Activation hardTanh = new CustomActivation("HardTanh",
 *         x -&gt; Math.max(-1, Math.min(1, x)), x -&gt; Math.abs(x) &lt; 1 ? 1 : 0, -1, 1);
 * </pre>
 */
public final class CustomActivation implements QuadratureActivation {

    private final String name;
    private final DoubleUnaryOperator phi;
    private final DoubleUnaryOperator dphi;
    private final double[] kinks;

    /**
     * @param name  shown in tables and legends
     * @param phi   φ
     * @param dphi  φ′ (any one-sided value at a kink)
     * @param kinks points where φ or φ′ is not smooth, finite, any order
     */
    public CustomActivation(String name, DoubleUnaryOperator phi, DoubleUnaryOperator dphi, double... kinks) {
        this.name = Objects.requireNonNull(name, "name");
        this.phi = Objects.requireNonNull(phi, "phi");
        this.dphi = Objects.requireNonNull(dphi, "dphi");
        Checks.finite("kinks", kinks);
        this.kinks = kinks.clone();
        Arrays.sort(this.kinks);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public double phi(double x) {
        return phi.applyAsDouble(x);
    }

    @Override
    public double dphi(double x) {
        return dphi.applyAsDouble(x);
    }

    @Override
    public double[] kinks() {
        return kinks.clone();
    }

    @Override
    public String toString() {
        return "CustomActivation[" + name + ", kinks " + Arrays.toString(kinks) + "]";
    }
}
