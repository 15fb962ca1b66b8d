package org.widenets.kernel;

/**
 * ABReLU(a, b): φ(x) = a·min(x, 0) + b·max(x, 0). ReLU = (0, 1), LeakyReLU(α) = (α, 1), Abs = (−1, 1).
 *
 * <p>With θ = atan2(√(q11 q22 − q12²), q12) ∈ [0, π] (the angle between the inputs; atan2 avoids the
 * ill-conditioned arccos near ρ = ±1 and is defined for zero inputs):
 * <pre>
 *   T    = ((a−b)²/(2π))·√(q11 q22 − q12²) + [ (a²+b²)/2 − ((a−b)²/(2π))·θ ]·q12
 *   Ṫ    = (a²+b²)/2 − ((a−b)²/(2π))·θ
 *   diag = ((a²+b²)/2)·q,   diagDot = (a²+b²)/2
 * </pre>
 * For ReLU this is the arc-cosine kernel of order 1, T = (√(q11 q22)/2π)(sin θ + (π − θ) cos θ)
 * (Cho &amp; Saul 2009). Formulas: shared/papers/kernel-formulas.md §3.1.
 */
public record AbRelu(double a, double b) implements Activation {

    public AbRelu {
        Checks.finite("a", a);
        Checks.finite("b", b);
    }

    /** φ(x) = max(0, x). */
    public static AbRelu relu() {
        return new AbRelu(0, 1);
    }

    /** φ(x) = max(αx, x) for α ≤ 1 (slope α on the negative side). */
    public static AbRelu leakyRelu(double alpha) {
        return new AbRelu(alpha, 1);
    }

    /** φ(x) = |x|. */
    public static AbRelu abs() {
        return new AbRelu(-1, 1);
    }

    @Override
    public String name() {
        if (a == 0 && b == 1) return "ReLU";
        if (a == -1 && b == 1) return "Abs";
        if (b == 1) return "LeakyReLU(" + a + ")";
        return "ABReLU(" + a + ", " + b + ")";
    }

    @Override
    public double phi(double x) {
        return x < 0 ? a * x : b * x;
    }

    @Override
    public double dphi(double x) {
        return x < 0 ? a : b;
    }

    @Override
    public double[] kinks() {
        return a == b ? new double[0] : new double[] {0.0};
    }

    @Override
    public double t(double q11, double q12, double q22) {
        Checks.covariance(q11, q12, q22);
        double c = (a - b) * (a - b) / (2 * Math.PI);
        double sin = Angles.sinTheta(q11, q12, q22);
        double theta = Angles.angle(sin, q12);
        return c * sin + ((a * a + b * b) / 2 - c * theta) * q12;
    }

    @Override
    public double tDot(double q11, double q12, double q22) {
        Checks.covariance(q11, q12, q22);
        double c = (a - b) * (a - b) / (2 * Math.PI);
        return (a * a + b * b) / 2 - c * Angles.theta(q11, q12, q22);
    }

    @Override
    public void tAndTDot(double q11, double q12, double q22, double[] out) {
        Checks.covariance(q11, q12, q22);
        double c = (a - b) * (a - b) / (2 * Math.PI);
        double sin = Angles.sinTheta(q11, q12, q22);
        double tDot = (a * a + b * b) / 2 - c * Angles.angle(sin, q12); // = Angles.theta, sin reused
        out[0] = c * sin + tDot * q12;
        out[1] = tDot;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Vectorised (C2 turns the loop into SIMD code): when the whole block is inside the ordinary
     * range — variances in [0, 2⁵⁰⁰], q11·q22 normal, |q12| ≤ √(q11 q22) with the fast margin of
     * {@link Checks#covariance} — the loops compute exactly what {@link #tAndTDot(double, double, double,
     * double[])} does without its checks and rare branches ({@link Angles#angles}), so both paths give
     * the same bits. Otherwise the
     * block goes entry by entry through the checked scalar method (which also throws for bad input).
     */
    @Override
    public void tAndTDot(double q11, double[] q22, int from, double[] q12, double[] ntk12, int count) {
        if (!Angles.ordinaryBlock(q11, q22, from, q12, count)) {
            Activation.super.tAndTDot(q11, q22, from, q12, ntk12, count);
            return;
        }
        double c = (a - b) * (a - b) / (2 * Math.PI), half = (a * a + b * b) / 2;
        double[][] w = SCRATCH.get();
        if (w[0].length < count) {
            w = new double[][] {new double[count], new double[count], new double[count]};
            SCRATCH.set(w);
        }
        double[] sin = w[0], theta = w[1];
        Angles.angles(q11, q22, from, q12, sin, theta, w[2], count);
        for (int k = 0; k < count; k++) {
            double x = q12[k], tDot = half - c * theta[k];
            q12[k] = c * sin[k] + tDot * x;
            ntk12[k] *= tDot;
        }
    }

    /** Per-thread working arrays of the block method (sin θ, θ, a selector), grown on demand. */
    private static final ThreadLocal<double[][]> SCRATCH =
            ThreadLocal.withInitial(() -> new double[][] {new double[0], new double[0], new double[0]});

    @Override
    public double diag(double q) {
        Checks.variance("q", q);
        return (a * a + b * b) / 2 * q;
    }

    @Override
    public double diagDot(double q) {
        Checks.variance("q", q);
        return (a * a + b * b) / 2;
    }
}
