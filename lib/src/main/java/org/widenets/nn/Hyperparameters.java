package org.widenets.nn;

import org.widenets.kernel.Checks;

/**
 * Everything that fixes a one-hidden-layer classifier f(x) = Σ_r a_r φ(w_r·x) and its SGD at one
 * width d:
 * <ul>
 *   <li>w_r ~ N(0, inputWeightVariance·I), a_r ~ N(0, outputWeightVariance), independent;</li>
 *   <li>SGD steps W ← W − η_w ∂L/∂W, a ← a − η_a ∂L/∂a with η_w = inputLearningRate,
 *       η_a = outputLearningRate;</li>
 *   <li>initCorrection c: the model trained and evaluated is f(x; θ_k) + c·f(x; θ₀) with θ₀ a frozen
 *       copy of the initial weights (IC-MF, shared/papers/width-scalings.md §4); c = 0 is the plain
 *       network.</li>
 * </ul>
 * Width scalings (package {@code org.widenets.scaling}) produce these values for each width.
 */
public record Hyperparameters(int width, double inputWeightVariance, double outputWeightVariance,
        double inputLearningRate, double outputLearningRate, double initCorrection) {

    public Hyperparameters {
        Checks.atLeast("width", width, 1);
        Checks.variance("inputWeightVariance", inputWeightVariance);
        Checks.variance("outputWeightVariance", outputWeightVariance);
        Checks.variance("inputLearningRate", inputLearningRate);
        Checks.variance("outputLearningRate", outputLearningRate);
        Checks.finite("initCorrection", initCorrection);
    }

    @Override
    public String toString() {
        return String.format("d = %d, σ_w² = %.4g, σ_a² = %.4g, η_w = %.4g, η_a = %.4g, c = %.4g",
                width, inputWeightVariance, outputWeightVariance, inputLearningRate, outputLearningRate,
                initCorrection);
    }
}
