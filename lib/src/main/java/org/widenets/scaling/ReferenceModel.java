package org.widenets.scaling;

import org.widenets.kernel.Checks;

/**
 * The reference network every scaling reproduces at d = d*: width d*, base learning rate η* for both
 * layers, and equal-variance Gaussian versions of PyTorch's default {@code nn.Linear} init used by the
 * paper's code, w_r ~ N(0, I/(3n0)) and a_r ~ N(0, 1/(3d)) (the variances of U(±1/√fan_in)); the theory
 * assumes zero-mean Gaussian weights (shared/papers/width-scalings.md §2, §6).
 */
public record ReferenceModel(int width, double learningRate) {

    /** The paper's reference: d* = 128, η* = 0.02. */
    public static final ReferenceModel PAPER = new ReferenceModel(128, 0.02);

    public ReferenceModel {
        Checks.atLeast("width", width, 1);
        Checks.positive("learningRate", learningRate);
    }

    /** σ_w² = 1/(3n0), the per-coordinate input-weight variance. */
    public double inputWeightVariance(int inputs) {
        Checks.atLeast("inputs", inputs, 1);
        return 1.0 / (3.0 * inputs);
    }

    /** σ_a² = 1/(3d), the unscaled output-weight variance at width d. */
    public double outputWeightVariance(int width) {
        Checks.atLeast("width", width, 1);
        return 1.0 / (3.0 * width);
    }

    @Override
    public String toString() {
        return "reference d* = " + width + ", η* = " + learningRate;
    }
}
