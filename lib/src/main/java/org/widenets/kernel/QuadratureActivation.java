package org.widenets.kernel;

/**
 * An activation without a closed-form kernel: T, Ṫ and the diagonals are the kink-aware Gaussian
 * quadrature of their defining expectations ({@link GaussianQuadrature#activations()}, ≈1e-12
 * relative), so an implementation only supplies φ, φ′ and its kinks. Each 2-D map costs about 2·10⁴
 * evaluations of φ (≈0.5 ms for tanh); kernel matrices of such activations are expensive.
 */
public interface QuadratureActivation extends Activation {

    @Override
    default double t(double q11, double q12, double q22) {
        return GaussianQuadrature.activations().t(this, q11, q12, q22);
    }

    @Override
    default double tDot(double q11, double q12, double q22) {
        return GaussianQuadrature.activations().tDot(this, q11, q12, q22);
    }

    @Override
    default double diag(double q) {
        return GaussianQuadrature.activations().diag(this, q);
    }

    @Override
    default double diagDot(double q) {
        return GaussianQuadrature.activations().diagDot(this, q);
    }

    @Override
    default boolean closedForm() {
        return false;
    }
}
