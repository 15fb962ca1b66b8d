package org.widenets.nn;

import java.util.Objects;

/** A finished run: its log, the initial network θ₀ (also the frozen IC-MF copy) and the trained θ_k. */
public record TrainingResult(TrainingLog log, OneHiddenLayerNet initial, OneHiddenLayerNet trained) {

    public TrainingResult {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(trained, "trained");
    }
}
