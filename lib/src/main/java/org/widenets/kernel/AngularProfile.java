package org.widenets.kernel;

import java.util.Objects;

/**
 * A kernel's shape on the unit circle: for x(γ) = (cos γ, sin γ), the normalised NNGP K(x(0), x(γ))/K(x(0), x(0))
 * and NTK Θ(x(0), x(γ))/Θ(x(0), x(0)) on an equispaced grid γ ∈ [−π, π] (both inputs have the same norm,
 * so this is also the correlation). Experiment A-1 of shared/papers/residual-kernels.md §6: with α = 1/√L
 * the residual NTK converges to a fixed shape as L grows, while a deep MLP's NTK degenerates.
 *
 * @param gamma the angles
 * @param nngp  normalised NNGP at each angle
 * @param ntk   normalised NTK at each angle
 */
public record AngularProfile(double[] gamma, double[] nngp, double[] ntk) {

    /** The profile of {@code network} on {@code points} ≥ 2 angles from −π to π. */
    public static AngularProfile of(Network network, int points) {
        Objects.requireNonNull(network, "network");
        Checks.atLeast("points", points, 2);
        double[] gamma = new double[points], nngp = new double[points], ntk = new double[points];
        double[] x0 = {1, 0};
        PairKernel diagonal = network.pair(x0, x0);
        for (int i = 0; i < points; i++) {
            gamma[i] = -Math.PI + 2 * Math.PI * i / (points - 1);
            PairKernel k = network.pair(x0, new double[] {Math.cos(gamma[i]), Math.sin(gamma[i])});
            nngp[i] = k.q12() / diagonal.q11();
            ntk[i] = k.ntk12() / diagonal.ntk11();
        }
        return new AngularProfile(gamma, nngp, ntk);
    }

    /** max over γ of |ntk − other.ntk| on a common grid: how far two kernel shapes are apart. */
    public double ntkDistance(AngularProfile other) {
        if (other.gamma.length != gamma.length) {
            throw new IllegalArgumentException("profiles have " + gamma.length + " and " + other.gamma.length
                    + " points: use the same grid");
        }
        double d = 0;
        for (int i = 0; i < ntk.length; i++) d = Math.max(d, Math.abs(ntk[i] - other.ntk[i]));
        return d;
    }
}
