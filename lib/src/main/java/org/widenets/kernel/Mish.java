package org.widenets.kernel;

/**
 * Mish (Misra 2019): φ(x) = x·tanh(softplus x), φ′ = tanh(sp) + x·(1 − tanh²(sp))·logistic(x);
 * kernels by quadrature.
 */
public record Mish() implements QuadratureActivation {

    @Override
    public String name() {
        return "Mish";
    }

    @Override
    public double phi(double x) {
        return x * Math.tanh(Softplus.softplus(x));
    }

    @Override
    public double dphi(double x) {
        double t = Math.tanh(Softplus.softplus(x));
        return t + x * (1 - t * t) * Sigmoid.logistic(x);
    }

    @Override
    public void phiAndDphi(double x, double[] out) {
        double t = Math.tanh(Softplus.softplus(x)), u = Math.tanh(Softplus.softplus(-x));
        out[0] = x * t;
        out[1] = t + x * (1 - t * t) * Sigmoid.logistic(x);
        out[2] = -x * u;
        out[3] = u + -x * (1 - u * u) * Sigmoid.logistic(-x);
    }
}
