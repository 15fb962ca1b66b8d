package org.widenets.kernel;

/**
 * The logistic sigmoid φ(x) = 1/(1 + e^{−x}), φ′ = φ(1 − φ); kernels by quadrature. (neural-tangents'
 * "Sigmoid_like" is an erf fit, {@code new Erf(0.5, 1/2.4020563531719796, 0.5)}, not this function.)
 */
public record Sigmoid() implements QuadratureActivation {

    @Override
    public String name() {
        return "Sigmoid";
    }

    @Override
    public double phi(double x) {
        return logistic(x);
    }

    @Override
    public double dphi(double x) {
        double s = logistic(x);
        return s * (1 - s);
    }

    @Override
    public void phiAndDphi(double x, double[] out) {
        double s = logistic(x), u = logistic(-x);
        out[0] = s;
        out[1] = s * (1 - s);
        out[2] = u;
        out[3] = u * (1 - u);
    }

    /** 1/(1 + e^{−x}) without overflow of e^{−x} for x ≪ 0. */
    static double logistic(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }
}
