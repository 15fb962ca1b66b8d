package org.widenets.fixedpoint;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The deep-network behaviour at one (σ_w², σ_b²) for inputs of a given norm: where the variance goes,
 * and what the correlation map does at the variance the network ends up with.
 *
 * @param map          the layer map
 * @param fate         the variance's fate from q¹ = σ_w²‖x‖² + σ_b²
 * @param q            the variance at which the correlation map was analysed (q*, or the last variance
 *                     before q left the range, capped at 1e6 for q → ∞)
 * @param chi1         χ₁ = C_q′(1) at that variance
 * @param regime       the resulting correlation regime
 * @param correlations fixed points of C_q, when a scan was asked for
 */
public record PhasePoint(KernelMap map, VarianceFate fate, double q, double chi1, CorrelationRegime regime,
                         Optional<CorrelationFixedPoints> correlations) {

    public PhasePoint {
        Objects.requireNonNull(map, "map");
        Objects.requireNonNull(fate, "fate");
        Objects.requireNonNull(correlations, "correlations");
        Objects.requireNonNull(regime, "regime");
        if (!Double.isFinite(chi1)) {
            throw new IllegalArgumentException("chi1 must be finite, got " + chi1);
        }
    }

    public double weightVariance() {
        return map.weightVariance();
    }

    public double biasVariance() {
        return map.biasVariance();
    }

    /** "q*", "q → 0" or "q → ∞". */
    public String varianceLabel() {
        if (fate instanceof VarianceFate.ToFixedPoint f) {
            return "q* " + f.fixedPoint().stability().label();
        }
        return fate instanceof VarianceFate.ToZero ? "q → 0" : "q → ∞";
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "σ_w² = %.4g, σ_b² = %.4g: %s; at q = %.4g χ₁ = %.6g: %s",
                weightVariance(), biasVariance(), fate, q, chi1, regime.label());
    }
}
