package org.widenets.kernel;

import java.util.Objects;

/**
 * Applies an activation φ elementwise: K′ = T(K), Θ′ = Ṫ(K)·Θ, with the exact diagonal maps
 * K′(x,x) = E[φ(u)²], Θ′(x,x) = E[φ′(u)²]·Θ(x,x) (shared/papers/kernel-formulas.md §1).
 */
public record Nonlinearity(Activation activation) implements Layer {

    public Nonlinearity {
        Objects.requireNonNull(activation, "activation");
    }

    @Override
    public PairKernel apply(PairKernel in) {
        Activation f = activation;
        double q11 = f.diag(in.q11()), q22 = f.diag(in.q22());
        double t11 = f.diagDot(in.q11()) * in.ntk11(), t22 = f.diagDot(in.q22()) * in.ntk22();
        if (in.same()) {
            return new PairKernel(q11, q11, q22, t11, t11, t22, true);
        }
        double q12 = f.t(in.q11(), in.q12(), in.q22());
        double t12 = f.tDot(in.q11(), in.q12(), in.q22()) * in.ntk12();
        return new PairKernel(q11, q12, q22, t11, t12, t22, false);
    }

    @Override
    public void applyOffDiagonal(double q11, double q22, double ntk11, double ntk22, double[] offDiagonal) {
        double ntk12 = offDiagonal[1];
        activation.tAndTDot(q11, offDiagonal[0], q22, offDiagonal);
        offDiagonal[1] *= ntk12;
    }
}
