package org.widenets.kernel;

/**
 * A fully connected layer in the NTK parametrisation, z = (σ_w/√n_in)·W h + σ_b·b with W, b ~ N(0, 1):
 * <pre>
 *   K′ = σ_w² K + σ_b²          (q11, q12, q22 alike)
 *   Θ′ = K′ + σ_w² Θ
 * </pre>
 * (Jacot et al. 2018; shared/papers/kernel-formulas.md §2). The width does not enter.
 * For the first layer with {@link InputScaling#SUM} this is the flagship paper's first pre-activation
 * q¹ = σ_w²⟨x, x′⟩ + σ_b², Θ¹ = q¹ (shared/papers/elu-gelu-kernels.md §1.2–1.3).
 *
 * @param weightVariance σ_w² ≥ 0
 * @param biasVariance   σ_b² ≥ 0
 */
public record Dense(double weightVariance, double biasVariance) implements Layer {

    public Dense {
        Checks.variance("weightVariance σ_w²", weightVariance);
        Checks.variance("biasVariance σ_b²", biasVariance);
    }

    /** Dense(σ_w², σ_b²). */
    public static Dense of(double weightVariance, double biasVariance) {
        return new Dense(weightVariance, biasVariance);
    }

    @Override
    public PairKernel apply(PairKernel in) {
        double w = weightVariance, b = biasVariance;
        double q11 = Checks.representable("K(x,x)", w * in.q11() + b, this);
        double q22 = Checks.representable("K(x′,x′)", w * in.q22() + b, this);
        double q12 = in.same() ? q11 : w * in.q12() + b;
        double t11 = Checks.representable("Θ(x,x)", q11 + w * in.ntk11(), this);
        double t22 = Checks.representable("Θ(x′,x′)", q22 + w * in.ntk22(), this);
        double t12 = in.same() ? t11 : q12 + w * in.ntk12();
        return new PairKernel(q11, q12, q22, t11, t12, t22, in.same());
    }

    @Override
    public void applyOffDiagonal(double q11, double q22, double ntk11, double ntk22, double[] offDiagonal) {
        double q12 = weightVariance * offDiagonal[0] + biasVariance;
        offDiagonal[1] = q12 + weightVariance * offDiagonal[1];
        offDiagonal[0] = q12;
    }

    @Override
    public void applyOffDiagonal(double q11, double ntk11, double[] q22, double[] ntk22, int from,
                                 double[] q12, double[] ntk12, int count) {
        double w = weightVariance, b = biasVariance;
        for (int k = 0; k < count; k++) {
            double q = w * q12[k] + b;
            ntk12[k] = q + w * ntk12[k];
            q12[k] = q;
        }
    }

    @Override
    public boolean affine() {
        return true;
    }
}
