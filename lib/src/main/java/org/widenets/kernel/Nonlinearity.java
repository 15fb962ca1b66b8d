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

    /**
     * {@inheritDoc}
     *
     * @throws ArithmeticException when a map leaves the double range (e.g. E[φ(u)²] of an Exp
     *                             activation past e^{709}); the message names the quantity
     */
    @Override
    public PairKernel apply(PairKernel in) {
        Activation f = activation;
        double q11 = Checks.representable("K(x,x) = E[φ(u)²]", f.diag(in.q11()), this);
        double q22 = Checks.representable("K(x′,x′) = E[φ(v)²]", f.diag(in.q22()), this);
        double t11 = Checks.representable("Θ(x,x) = E[φ′(u)²]·Θ", f.diagDot(in.q11()) * in.ntk11(), this);
        double t22 = Checks.representable("Θ(x′,x′) = E[φ′(v)²]·Θ", f.diagDot(in.q22()) * in.ntk22(), this);
        if (in.same()) {
            return new PairKernel(q11, q11, q22, t11, t11, t22, true);
        }
        double q12 = Checks.representable("K(x,x′) = T", f.t(in.q11(), in.q12(), in.q22()), this);
        double t12 = Checks.representable("Θ(x,x′) = Ṫ·Θ", f.tDot(in.q11(), in.q12(), in.q22()) * in.ntk12(), this);
        return new PairKernel(q11, q12, q22, t11, t12, t22, false);
    }

    @Override
    public void applyOffDiagonal(double q11, double q22, double ntk11, double ntk22, double[] offDiagonal) {
        double ntk12 = offDiagonal[1];
        activation.tAndTDot(q11, offDiagonal[0], q22, offDiagonal);
        offDiagonal[1] *= ntk12;
    }

    @Override
    public void applyOffDiagonal(double q11, double ntk11, double[] q22, double[] ntk22, int from,
                                 double[] q12, double[] ntk12, int count) {
        activation.tAndTDot(q11, q22, from, q12, ntk12, count);
    }
}
