package org.widenets.nn;

import org.widenets.kernel.Checks;

/**
 * The batch-mean logistic loss of the model f(x; θ) + o(x), where o is a fixed offset per example:
 * <pre>
 *   L(θ) = (1/N) Σ_i ℓ(ỹ_i, f(x_i; θ) + o_i).
 * </pre>
 * For IC-MF the offset is o_i = c·f(x_i; θ₀) of the frozen initial network; since it enters as numbers,
 * not as a network, no gradient can flow into θ₀ (shared/papers/width-scalings.md §4).
 */
public final class TrainingObjective {

    private final LabelledInputs batch;
    private final double[] offset;

    /** offset: one value per example of batch (zeros for a plain network). */
    public TrainingObjective(LabelledInputs batch, double[] offset) {
        if (offset.length != batch.size()) {
            throw new IllegalArgumentException("offset has " + offset.length + " entries, batch " + batch.size());
        }
        Checks.finite("offset", offset);
        this.batch = batch;
        this.offset = offset.clone();
    }

    /** The model's logits f(x_i; θ) + o_i. */
    public double[] logits(OneHiddenLayerNet net) {
        double[] f = net.logits(batch.xView());
        for (int i = 0; i < f.length; i++) {
            if (offset[i] != 0) f[i] += offset[i];
        }
        return f;
    }

    /** L(θ). */
    public double loss(OneHiddenLayerNet net) {
        return meanLoss(batch.yView(), logits(net));
    }

    /** ∇_θ L: backpropagates g_i = ℓ′(ỹ_i, f_i + o_i)/N through f(·; θ) only. */
    public OneHiddenLayerNet.Gradient gradient(OneHiddenLayerNet net) {
        OneHiddenLayerNet.Forward forward = net.forward(batch.xView(), true);
        double[] f = forward.logits;
        for (int i = 0; i < f.length; i++) {
            if (offset[i] != 0) f[i] += offset[i];
        }
        double[] y = batch.yView();
        double[] g = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            g[i] = LogisticLoss.derivative(y[i], f[i]) / f.length;
        }
        return net.gradient(forward, g);
    }

    /** (1/N) Σ ℓ(ỹ_i, f_i). */
    static double meanLoss(double[] y, double[] f) {
        double s = 0;
        for (int i = 0; i < f.length; i++) s += LogisticLoss.loss(y[i], f[i]);
        return s / f.length;
    }

    /** Fraction of examples with sign(f_i) = ỹ_i (f = 0 counts as the class −1). */
    static double accuracy(double[] y, double[] f) {
        int hits = 0;
        for (int i = 0; i < f.length; i++) {
            if ((f[i] > 0 ? 1 : -1) == y[i]) hits++;
        }
        return (double) hits / f.length;
    }
}
