package org.widenets.nn;

/**
 * Diagonal of the learning-rate-weighted tangent kernel of the logit on a set of points, split by
 * layer (shared/papers/width-scalings.md §2):
 * <pre>
 *   K_w(x, x) = η_w·‖∂f(x)/∂W‖² = η_w·‖x‖²·Σ_r a_r² φ′(w_r·x)²
 *   K_a(x, x) = η_a·‖∂f(x)/∂a‖² = η_a·Σ_r φ(w_r·x)²
 * </pre>
 * K = K_w + K_a is the first-order change of f(x) per unit of −ℓ′ in a one-point SGD step.
 */
public record TangentKernel(double[] input, double[] output) {

    public TangentKernel {
        if (input.length != output.length) {
            throw new IllegalArgumentException("input has " + input.length + " points, output " + output.length);
        }
        input = input.clone();
        output = output.clone();
    }

    @Override
    public double[] input() {
        return input.clone();
    }

    @Override
    public double[] output() {
        return output.clone();
    }

    /** K(x_j, x_j) = K_w + K_a at point j. */
    public double total(int j) {
        return input[j] + output[j];
    }

    /** Number of points. */
    public int size() {
        return input.length;
    }

    /** E_x K_w(x, x). */
    public double meanInput() {
        return mean(input);
    }

    /** E_x K_a(x, x). */
    public double meanOutput() {
        return mean(output);
    }

    /** E_x K(x, x). */
    public double mean() {
        return meanInput() + meanOutput();
    }

    /** E_x |K(x,x) − K₀(x,x)| / E_x K₀(x,x): the relative change against a reference (e.g. initial) kernel. */
    public double relativeChangeFrom(TangentKernel reference) {
        if (reference.size() != size()) {
            throw new IllegalArgumentException("reference has " + reference.size() + " points, this " + size());
        }
        double change = 0;
        for (int j = 0; j < size(); j++) {
            change += Math.abs(total(j) - reference.total(j));
        }
        return change / size() / reference.mean();
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double e : v) s += e;
        return s / v.length;
    }
}
