package org.widenets.scaling;

import java.util.Objects;
import org.widenets.kernel.Checks;
import org.widenets.nn.Hyperparameters;

/**
 * A power-law scaling of a one-hidden-layer classifier's hyper-parameters with its width d
 * (Golikov, arXiv 2006.06574; shared/papers/width-scalings.md §2). With ω = d/d* and the
 * {@link ReferenceModel} init σ_w² = 1/(3n0), σ_a² = 1/(3d):
 * <pre>
 *   output weights × ω^{q_σ + 1/2}           (so σ ∝ d^{q_σ})
 *   η_w = η*·ω^{q̃_w}                          (input layer)
 *   η_a = η*·ω^{q̃_a + 2q_σ}                   (output layer)
 *   IC: model f(x; θ_k) + c·f(x; θ₀),  c = ω^{−(q_σ + 1/2)} − 1
 * </pre>
 * so the normalised learning rates scale as η̂_a ∝ ω^{q̃_a}, η̂_w ∝ ω^{q̃_w}. The initialisation
 * correction replaces the initial logits by those of the unscaled draw, f_ref(x; θ₀) = ω^{−(q_σ+1/2)}
 * f(x; θ₀); for MF (q_σ = −1) c = √(d/d*) − 1, the IC-MF model of the note's §4. At d = d* every
 * scaling gives the reference network exactly (all factors are 1.0 and c = 0).
 *
 * @param qTildeOutput q̃_a, exponent of the normalised output-layer learning rate
 * @param qTildeInput  q̃_w, exponent of the normalised input-layer learning rate
 */
public record Scaling(String name, double qSigma, double qTildeOutput, double qTildeInput, boolean initCorrected) {

    public Scaling {
        Objects.requireNonNull(name, "name");
        Checks.finite("qSigma", qSigma);
        Checks.finite("qTildeOutput", qTildeOutput);
        Checks.finite("qTildeInput", qTildeInput);
    }

    /** Standard parametrisation with fixed learning rates: q_σ = −1/2, q̃_a = 1, q̃_w = 0 (off the symmetric plane). */
    public static Scaling defaultScaling() {
        return new Scaling("default", -0.5, 1, 0, false);
    }

    /** sym-default (−1/2, 1/2): default with the learning-rate exponents symmetrised. */
    public static Scaling symDefault() {
        return of("sym-default", -0.5, 0.5);
    }

    /** NTK (−1/2, 0). */
    public static Scaling ntk() {
        return of("NTK", -0.5, 0);
    }

    /** Mean field (−1, 1). */
    public static Scaling meanField() {
        return of("MF", -1, 1);
    }

    /** The code's intermediate_q = q: (−q, 2q − 1); q ∈ (1/2, 1) is the MF–NTK segment, q = 3/4 its example. */
    public static Scaling intermediate(double q) {
        Checks.finite("q", q);
        return of("intermediate(q = " + q + ")", -q, 2 * q - 1);
    }

    /** Initialisation-corrected mean field: MF hyper-parameters and c = √(d/d*) − 1. */
    public static Scaling icMeanField() {
        return new Scaling("IC-MF", -1, 1, 1, true);
    }

    /** A point of the symmetric plane, q̃_a = q̃_w = q̃. */
    public static Scaling of(String name, double qSigma, double qTilde) {
        return new Scaling(name, qSigma, qTilde, qTilde, false);
    }

    /** A point of the symmetric plane named by its coordinates. */
    public static Scaling of(double qSigma, double qTilde) {
        return of("(" + qSigma + ", " + qTilde + ")", qSigma, qTilde);
    }

    /** True when q̃_a = q̃_w, i.e. the point lies on the plane of the 13 limit models. */
    public boolean symmetric() {
        return qTildeOutput == qTildeInput;
    }

    /** The hyper-parameters at width d for inputs of dimension n0 relative to the reference model. */
    public Hyperparameters at(int width, int inputs, ReferenceModel reference) {
        Checks.atLeast("width", width, 1);
        Objects.requireNonNull(reference, "reference");
        double omega = (double) width / reference.width();
        double outputFactor = Math.pow(omega, qSigma + 0.5);
        double eta = reference.learningRate();
        return new Hyperparameters(width,
                reference.inputWeightVariance(inputs),
                reference.outputWeightVariance(width) * outputFactor * outputFactor,
                eta * Math.pow(omega, qTildeInput),
                eta * Math.pow(omega, qTildeOutput + 2 * qSigma),
                initCorrected ? Math.pow(omega, -(qSigma + 0.5)) - 1 : 0);
    }

    /**
     * Predicted exponents. On the symmetric plane those of {@link Classification}; off it, κ and δ of
     * the layer with the larger one (per layer κ = 1 + 2q_σ + q̃_layer, δ = q_σ + q̃_layer). The
     * initialisation correction restores reference-sized initial logits, so p0 = 0 and κ, δ are unchanged.
     */
    public Exponents exponents() {
        double q = Math.max(qTildeOutput, qTildeInput);
        double p0 = initCorrected ? 0 : qSigma + 0.5;
        return new Exponents(p0, 1 + 2 * qSigma + q, qSigma + q);
    }

    /** The limit model of this point; an {@link IllegalStateException} off the symmetric plane. */
    public Classification classification() {
        if (!symmetric()) {
            throw new IllegalStateException(name + " has q̃_a = " + qTildeOutput + " ≠ q̃_w = " + qTildeInput
                    + ": the 13 limit models are classified on the symmetric plane only");
        }
        return Classification.of(qSigma, qTildeOutput);
    }

    @Override
    public String toString() {
        String q = symmetric() ? "(q_σ, q̃) = (" + qSigma + ", " + qTildeOutput + ")"
                : "q_σ = " + qSigma + ", q̃_a = " + qTildeOutput + ", q̃_w = " + qTildeInput;
        return name + " " + q + (initCorrected ? " + init correction" : "");
    }
}
