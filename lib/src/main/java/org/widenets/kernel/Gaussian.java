package org.widenets.kernel;

/**
 * φ(x) = a·e^{b x²} (shared/papers/kernel-formulas.md §3.8). With
 * D = √((1 − 2b q11)(1 − 2b q22) − 4b²q12²) = √(1 − 2b(q11 + q22) + 4b²·det):
 * <pre>
 *   T = a²/D,   Ṫ = 4a²b²·q12/D³,   diag = a²/√(1 − 4bq),   diagDot = 4a²b²·q/(1 − 4bq)^{3/2}
 * </pre>
 * For b &gt; 0 the expectations are finite only while D² &gt; 0 (on the diagonal 4bq &lt; 1); beyond,
 * the maps throw an IllegalArgumentException naming the variance.
 */
public record Gaussian(double a, double b) implements Activation {

    public Gaussian {
        Checks.finite("a", a);
        Checks.finite("b", b);
    }

    @Override
    public String name() {
        return "Gaussian(" + a + ", " + b + ")";
    }

    @Override
    public double phi(double x) {
        return a * Math.exp(b * x * x);
    }

    @Override
    public double dphi(double x) {
        return 2 * a * b * x * Math.exp(b * x * x);
    }

    @Override
    public double t(double q11, double q12, double q22) {
        Checks.covariance(q11, q12, q22);
        return a * a / d(q11, q12, q22);
    }

    @Override
    public double tDot(double q11, double q12, double q22) {
        Checks.covariance(q11, q12, q22);
        double d = d(q11, q12, q22);
        return 4 * a * a * b * b * q12 / (d * d * d);
    }

    @Override
    public double diag(double q) {
        return a * a / Math.sqrt(oneMinus4bq(q));
    }

    @Override
    public double diagDot(double q) {
        double m = oneMinus4bq(q);
        return 4 * a * a * b * b * q / (m * Math.sqrt(m));
    }

    private double oneMinus4bq(double q) {
        Checks.variance("q", q);
        double m = 1 - 4 * b * q;
        if (!(m > 0)) {
            throw new IllegalArgumentException("Gaussian(" + a + ", " + b + ") has an infinite second moment"
                    + " at variance q = " + q + ": needs 4·b·q < 1");
        }
        return m;
    }

    private double d(double q11, double q12, double q22) {
        double d2 = 1 - 2 * b * (q11 + q22) + 4 * b * b * Math.max(0, Angles.determinant(q11, q12, q22));
        if (!(d2 > 0) || 2 * b * q11 >= 1 || 2 * b * q22 >= 1) {
            throw new IllegalArgumentException("Gaussian(" + a + ", " + b + ") has an infinite second moment"
                    + " at q11 = " + q11 + ", q12 = " + q12 + ", q22 = " + q22 + ": needs 2b·Σ < I");
        }
        return Math.sqrt(d2);
    }
}
