package org.widenets.kernel;

/** φ(x) = ln(1 + eˣ), φ′ = logistic(x); kernels by quadrature. */
public record Softplus() implements QuadratureActivation {

    @Override
    public String name() {
        return "Softplus";
    }

    @Override
    public double phi(double x) {
        return softplus(x);
    }

    @Override
    public double dphi(double x) {
        return Sigmoid.logistic(x);
    }

    /** ln(1 + eˣ) = max(x, 0) + ln(1 + e^{−|x|}), exact for large |x|. */
    static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }
}
