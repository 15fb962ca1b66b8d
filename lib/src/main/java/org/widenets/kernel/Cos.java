package org.widenets.kernel;

/** φ(x) = a·cos(b x + c) = Sin(a, b, c + π/2): its kernels are those of {@link Sin}. */
public record Cos(double a, double b, double c) implements Activation {

    public Cos {
        Checks.finite("a", a);
        Checks.finite("b", b);
        Checks.finite("c", c);
    }

    private Sin sin() {
        return new Sin(a, b, c + Math.PI / 2);
    }

    @Override
    public String name() {
        return "Cos(" + a + ", " + b + ", " + c + ")";
    }

    @Override
    public double phi(double x) {
        return a * Math.cos(b * x + c);
    }

    @Override
    public double dphi(double x) {
        return -a * b * Math.sin(b * x + c);
    }

    @Override
    public double t(double q11, double q12, double q22) {
        return sin().t(q11, q12, q22);
    }

    @Override
    public double tDot(double q11, double q12, double q22) {
        return sin().tDot(q11, q12, q22);
    }

    @Override
    public double diag(double q) {
        return sin().diag(q);
    }

    @Override
    public double diagDot(double q) {
        return sin().diagDot(q);
    }
}
