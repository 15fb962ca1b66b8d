package org.widenets.bench;

import org.widenets.kernel.AbRelu;
import org.widenets.kernel.Activation;
import org.widenets.kernel.Gelu;

/** The activations of the benchmark by name, each with the σ_w², σ_b² that numpy_baseline.py uses too. */
final class BenchActivations {

    record Spec(Activation activation, double weightVariance, double biasVariance) {
    }

    private BenchActivations() {
    }

    static Spec byName(String name) {
        switch (name) {
            case "ReLU":
                return new Spec(AbRelu.relu(), 2.0, 0.1);
            case "GELU":
                return new Spec(new Gelu(), 2.0, 0.1);
            default:
                throw new IllegalArgumentException("activation '" + name + "' is not in the benchmark;"
                        + " known: ReLU, GELU");
        }
    }
}
