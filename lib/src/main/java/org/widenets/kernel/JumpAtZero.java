package org.widenets.kernel;

/**
 * A piecewise-constant activation with a single jump at 0 ({@link Sign}, {@link Step}): φ′ is a Dirac mass
 * there, and as in neural-tangents that term is ignored, so φ′ = Ṫ = diagDot = 0 and only T and diag
 * (arc-cosine kernels of degree 0, shared/papers/kernel-formulas.md §3.4) are left to each activation.
 */
interface JumpAtZero extends Activation {

    @Override
    default double dphi(double x) {
        return 0;
    }

    @Override
    default double[] kinks() {
        return new double[] {0.0};
    }

    /** 0: the Dirac term of φ′ is ignored. */
    @Override
    default double tDot(double q11, double q12, double q22) {
        Checks.covariance(q11, q12, q22);
        return 0;
    }

    /** 0: the Dirac term of φ′ is ignored. */
    @Override
    default double diagDot(double q) {
        Checks.variance("q", q);
        return 0;
    }
}
