package org.widenets.gp;

import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.widenets.kernel.Network;
import org.widenets.kernel.PairKernel;

/**
 * The NNGP kernel K or the NTK Θ of an infinitely wide {@link Network} as a GP prior. With the NTK this
 * is the "NTK-GP" (He et al. 2020; shared/papers/kernel-formulas.md §7); the gradient-descent ensemble
 * at t = ∞, which needs both kernels, is {@link NtkEnsemble}.
 *
 * @param network the architecture
 * @param output  which of its two kernels
 */
public record NetworkKernel(Network network, Output output) implements GpKernel {

    /** Which kernel of the network. */
    public enum Output {
        /** The NNGP kernel: covariance of the output of the randomly initialised network. */
        NNGP,
        /** The neural tangent kernel. */
        NTK
    }

    public NetworkKernel {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(output, "output");
    }

    public static NetworkKernel nngp(Network network) {
        return new NetworkKernel(network, Output.NNGP);
    }

    public static NetworkKernel ntk(Network network) {
        return new NetworkKernel(network, Output.NTK);
    }

    @Override
    public DMatrixRMaj gram(double[][] x) {
        DMatrixRMaj m = GpKernel.matrix("x", x);
        var k = network.matrices(m, m);
        return output == Output.NNGP ? k.nngp() : k.ntk();
    }

    @Override
    public DMatrixRMaj cross(double[][] a, double[][] b) {
        var k = network.matrices(GpKernel.matrix("a", a), GpKernel.matrix("b", b));
        return output == Output.NNGP ? k.nngp() : k.ntk();
    }

    @Override
    public double[] diagonal(double[][] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            PairKernel k = network.pair(x[i], x[i]);
            d[i] = output == Output.NNGP ? k.q11() : k.ntk11();
        }
        return d;
    }

    @Override
    public String name() {
        return output + " " + network;
    }
}
