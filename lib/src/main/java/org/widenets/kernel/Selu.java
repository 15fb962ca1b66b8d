package org.widenets.kernel;

import java.util.Arrays;

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

    /** λ² times ELU(α)'s T and Ṫ of one evaluation (so the same values as {@link #t} and {@link #tDot}). */
    @Override
    public void tAndTDot(double q11, double q12, double q22, double[] out) {
        ELU.tAndTDot(q11, q12, q22, out);
        out[0] = L2 * out[0];
        out[1] = L2 * out[1];
    }

    /**
     * {@inheritDoc}
     *
     * <p>Through ELU(α)'s block method (over vector lanes when {@link VectorModule#PRESENT}), with Θ's
     * factor formed as Θ·(λ²Ṫ) like the pair method's, so block and pairs give the same bits.
     */
    @Override
    public void tAndTDot(double q11, double[] q22, int from, double[] q12, double[] ntk12, int count) {
        double[] theta = Arrays.copyOf(ntk12, count);
        Arrays.fill(ntk12, 0, count, 1.0);
        ELU.tAndTDot(q11, q22, from, q12, ntk12, count); // ntk12 ← Ṫ, q12 ← T
        for (int k = 0; k < count; k++) {
            q12[k] = L2 * q12[k];
            ntk12[k] = theta[k] * (L2 * ntk12[k]);
        }
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
