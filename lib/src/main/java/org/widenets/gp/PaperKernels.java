package org.widenets.gp;

import org.widenets.kernel.Activation;
import org.widenets.kernel.Dense;
import org.widenets.kernel.InputScaling;
import org.widenets.kernel.Mlp;
import org.widenets.kernel.Network;
import org.widenets.kernel.Nonlinearity;

/**
 * The network kernels of Tsuchida et al., "Avoiding Kernel Fixed Points" (AAAI 2021), in the paper's
 * input convention (first layer σ_w²⟨x, x′⟩ + σ_b², no 1/d; shared/papers/elu-gelu-kernels.md §1).
 */
public final class PaperKernels {

    private PaperKernels() {
    }

    /**
     * The three-variance single-hidden-layer kernel of the Figure 6 benchmark (§1.4),
     * K(x, x′) = σ_{w1}²·T_φ(q11, q12, q22) with q = σ_{w0}²⟨x, x′⟩ + σ_{b0}² and no readout bias:
     * Dense(σ_{w0}², σ_{b0}²) → φ → Dense(σ_{w1}², 0).
     */
    public static Network shallow(Activation activation, double biasVariance0, double weightVariance0,
            double weightVariance1) {
        return Network.serial(InputScaling.SUM, Dense.of(weightVariance0, biasVariance0), new Nonlinearity(activation),
                Dense.of(weightVariance1, 0));
    }

    /** The deep kernel of Figure 7 (§1.2): L hidden layers, σ_w² = σ_b² = v in every layer and the readout. */
    public static Network deep(Activation activation, int depth, double v) {
        return Mlp.builder().activation(activation).depth(depth).weightVariance(v).biasVariance(v)
                .inputScaling(InputScaling.SUM).build();
    }
}
