package org.widenets.kernel;

/** SiLU / Swish: φ(x) = x·logistic(x), φ′ = s(1 + x(1 − s)) with s = logistic(x); kernels by quadrature. */
public record Silu() implements QuadratureActivation {

    @Override
    public String name() {
        return "SiLU";
    }

    @Override
    public double phi(double x) {
        return x * Sigmoid.logistic(x);
    }

    @Override
    public double dphi(double x) {
        double s = Sigmoid.logistic(x);
        return s * (1 + x * (1 - s));
    }

    @Override
    public void phiAndDphi(double x, double[] out) {
        double s = Sigmoid.logistic(x), u = Sigmoid.logistic(-x);
        out[0] = x * s;
        out[1] = s * (1 + x * (1 - s));
        out[2] = -x * u;
        out[3] = u * (1 + -x * (1 - u));
    }
}
