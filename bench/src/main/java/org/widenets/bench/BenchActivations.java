package org.widenets.bench;

import org.widenets.kernel.AbRelu;
import org.widenets.kernel.Activation;
import org.widenets.kernel.CustomActivation;
import org.widenets.kernel.Elu;
import org.widenets.kernel.Gelu;
import org.widenets.kernel.Mlp;
import org.widenets.kernel.Network;
import org.widenets.kernel.Silu;
import org.widenets.kernel.Tanh;

/** The activations of the benchmark by name, each with the σ_w², σ_b² that numpy_baseline.py uses too. */
final class BenchActivations {

    record Spec(Activation activation, double weightVariance, double biasVariance) {

        /** The benchmark MLP: {@code depth} layers of this activation, mean input convention. */
        Network network(int depth) {
            return Mlp.builder().activation(activation).depth(depth)
                    .weightVariance(weightVariance).biasVariance(biasVariance).build();
        }
    }

    private BenchActivations() {
    }

    /**
     * The spec of a benchmark activation; first makes sure that this fork has the Vector API, without
     * which the library silently takes its scalar input Gram and the benchmark would time the wrong engine.
     */
    static Spec byName(String name) {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            throw new IllegalStateException("the benchmark JVM lacks --add-modules=jdk.incubator.vector (see @Fork)");
        }
        switch (name) {
            case "ReLU":
                return new Spec(AbRelu.relu(), 2.0, 0.1);
            case "GELU":
                return new Spec(new Gelu(), 2.0, 0.1);
            case "ELU":
                return new Spec(new Elu(1.0), 2.0, 0.1);
            case "Tanh":
                return new Spec(new Tanh(), 2.0, 0.1);
            case "SiLU":
                return new Spec(new Silu(), 2.0, 0.1);
            case "Tanh-quadrature":
                // tanh with a declared kink at x = 40, where nothing happens: it takes the 2-D kink-aware
                // quadrature that every smooth activation used before the Hermite series (run it at small N)
                return new Spec(new CustomActivation("tanh by 2-D quadrature", Math::tanh,
                        v -> 1 - Math.tanh(v) * Math.tanh(v), 40.0), 2.0, 0.1);
            default:
                throw new IllegalArgumentException("activation '" + name + "' is not in the benchmark;"
                        + " known: ReLU, GELU, ELU, Tanh, SiLU, Tanh-quadrature");
        }
    }
}
