package org.widenets.kernel;

/**
 * SELU (Klambauer et al. 2017): φ(x) = λ·ELU(α)(x) with the self-normalising constants
 * λ = 1.0507009873554804934, α = 1.6732632423543772848. Every kernel map is λ² times that of
 * {@link Elu}(α), the one place the ELU formulas live.
 */
public record Selu() implements Activation {

    public static final double LAMBDA = 1.0507009873554804934193349852946;
    public static final double ALPHA = 1.6732632423543772848170429916717;
    private static final Elu ELU = new Elu(ALPHA);
    private static final double L2 = LAMBDA * LAMBDA;

    @Override
    public String name() {
        return "SELU";
    }

    @Override
    public double phi(double x) {
        return LAMBDA * ELU.phi(x);
    }

    @Override
    public double dphi(double x) {
        return LAMBDA * ELU.dphi(x);
    }

    @Override
    public double[] kinks() {
        return ELU.kinks();
    }

    @Override
    public double t(double q11, double q12, double q22) {
        return L2 * ELU.t(q11, q12, q22);
    }

    @Override
    public double tDot(double q11, double q12, double q22) {
        return L2 * ELU.tDot(q11, q12, q22);
    }

    @Override
    public double diag(double q) {
        return L2 * ELU.diag(q);
    }

    @Override
    public double diagDot(double q) {
        return L2 * ELU.diagDot(q);
    }
}
