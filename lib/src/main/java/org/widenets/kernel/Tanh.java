package org.widenets.kernel;

/** φ(x) = tanh x, φ′ = 1 − tanh²x; kernels by quadrature (no closed form exists). */
public record Tanh() implements QuadratureActivation {

    @Override
    public String name() {
        return "Tanh";
    }

    @Override
    public double phi(double x) {
        return Math.tanh(x);
    }

    @Override
    public double dphi(double x) {
        double t = Math.tanh(x);
        return 1 - t * t;
    }

    /** tanh(−x) = −tanh x, also in floating point (StrictMath's tanh applies the sign last). */
    @Override
    public void phiAndDphi(double x, double[] out) {
        double t = Math.tanh(x);
        out[0] = t;
        out[1] = 1 - t * t;
        out[2] = -t;
        out[3] = out[1];
    }
}
