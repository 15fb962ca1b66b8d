package org.widenets.fixedpoint;

import java.util.Locale;
import java.util.Objects;
import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.FiniteDifferencesDifferentiator;
import org.widenets.kernel.Activation;
import org.widenets.kernel.Checks;
import org.widenets.kernel.Dense;
import org.widenets.kernel.Nonlinearity;
import org.widenets.kernel.PairKernel;

/**
 * The map one hidden layer applies to the pre-activation covariance of a pair of inputs,
 * M = Dense(σ_w², σ_b²) ∘ φ (shared/papers/elu-gelu-kernels.md §4.1):
 * <pre>
 *   M(q11, q12, q22) = ( V(q11),  σ_w² T(q11, q12, q22) + σ_b²,  V(q22) )
 *   V(q)     = σ_w² E[φ(u)²] + σ_b²,  u ~ N(0, q)                        variance (length) map
 *   C_q(ρ)   = ( σ_w² T(q, ρq, q) + σ_b² ) / V(q)                          correlation map at variance q
 *   C_q′(ρ)  = σ_w² q Ṫ(q, ρq, q) / V(q)                                   Price's theorem ∂T/∂q12 = Ṫ
 *   χ₁(q)    = C_q′(1) = σ_w² q E[φ′(u)²] / V(q)
 * </pre>
 * At a variance fixed point V(q*) = q* these are the correlation map and slopes of Poole et al. (2016)
 * and Tsuchida et al. (2021). Slopes in ρ are exact (Price's theorem with the activation's Ṫ and
 * diagonal Ṫ); V′(q) and the q11/q22 columns of the Jacobian need ∂T/∂q11, which the
 * {@link Activation} interface does not offer, and come from Hipparchus finite differences (≈1e-10).
 *
 * <p>Iterating M through {@link #apply(PairKernel)} uses the kernel engine's own layer rules
 * ({@link Dense}, {@link Nonlinearity}), so trajectories here agree with {@code kernel.Mlp} by
 * construction; the scalar maps V and C are the same rules restricted to the diagonal and to ρ.
 *
 * @param activation     φ (closed form or quadrature)
 * @param weightVariance σ_w² ≥ 0
 * @param biasVariance   σ_b² ≥ 0
 */
public record KernelMap(Activation activation, double weightVariance, double biasVariance) {

    /** Relative step of the finite differences in q (7-point stencil, one-sided near q = 0). */
    private static final double RELATIVE_STEP = 1e-3;
    private static final int STENCIL_POINTS = 7;
    private static final DSFactory FIRST_ORDER = new DSFactory(1, 1);

    public KernelMap {
        Objects.requireNonNull(activation, "activation");
        Checks.variance("weightVariance σ_w²", weightVariance);
        Checks.variance("biasVariance σ_b²", biasVariance);
    }

    /** The map of φ with weight variance σ_w² and bias variance σ_b². */
    public static KernelMap of(Activation activation, double weightVariance, double biasVariance) {
        return new KernelMap(activation, weightVariance, biasVariance);
    }

    /** V(q) = σ_w² E[φ(u)²] + σ_b², u ~ N(0, q). */
    public double variance(double q) {
        Checks.variance("q", q);
        return weightVariance * activation.diag(q) + biasVariance;
    }

    /** V′(q) = σ_w² d/dq E[φ(√q Z)²], by a 7-point finite difference of the exact diagonal. */
    public double varianceSlope(double q) {
        Checks.variance("q", q);
        return weightVariance * derivative(activation::diag, q);
    }

    /**
     * C_q(ρ) = (σ_w² T(q, ρq, q) + σ_b²)/V(q): the correlation after one layer of two inputs whose
     * pre-activations both have variance q and correlation ρ. C_q(1) = 1 exactly.
     */
    public double correlation(double rho, double q) {
        double v = positiveVariance(q);
        checkCorrelation(rho);
        if (rho == 1) return 1.0;
        return (weightVariance * activation.t(q, rho * q, q) + biasVariance) / v;
    }

    /** C_q′(ρ) = σ_w² q Ṫ(q, ρq, q)/V(q) (Price's theorem); at ρ = 1 the exact diagonal Ṫ is used. */
    public double correlationSlope(double rho, double q) {
        double v = positiveVariance(q);
        checkCorrelation(rho);
        double tDot = rho == 1 ? activation.diagDot(q) : activation.tDot(q, rho * q, q);
        return weightVariance * q * tDot / v;
    }

    /** χ₁(q) = C_q′(1) = σ_w² q E[φ′(u)²]/V(q): ρ = 1 attracts iff χ₁ &lt; 1. */
    public double chi1(double q) {
        return correlationSlope(1.0, q);
    }

    /**
     * One layer of the full map on (q11, q12, q22), NTK carried along: Dense ∘ φ from the kernel
     * engine, so that {@code in} is a pre-activation state and the result is the next one.
     */
    public PairKernel apply(PairKernel in) {
        Objects.requireNonNull(in, "in");
        return Dense.of(weightVariance, biasVariance).apply(new Nonlinearity(activation).apply(in));
    }

    /**
     * The Jacobian of M at (q11, q12, q22), q11, q22 &gt; 0, and its eigenvalues. The q12 column is
     * σ_w² Ṫ exactly; ∂T/∂q11 comes from a finite difference along the path of fixed ρ (which never
     * leaves the set of covariances) minus the Price term: d/dq11 T(q11, ρ√(q11q22), q22) =
     * ∂T/∂q11 + Ṫ·q12/(2q11).
     */
    public MapJacobian jacobian(double q11, double q12, double q22) {
        Checks.covariance(q11, q12, q22);
        Checks.positive("q11", q11);
        Checks.positive("q22", q22);
        double rho = Math.max(-1, Math.min(1, q12 / Math.sqrt(q11 * q22)));
        boolean diagonal = q11 == q22 && q12 == q11;
        double tDot = diagonal ? activation.diagDot(q11) : activation.tDot(q11, q12, q22);
        double d11 = derivative(s -> activation.t(s, rho * Math.sqrt(s * q22), q22), q11) - tDot * q12 / (2 * q11);
        double d22 = derivative(s -> activation.t(q11, rho * Math.sqrt(q11 * s), s), q22) - tDot * q12 / (2 * q22);
        double w = weightVariance;
        return new MapJacobian(q11, q12, q22, new double[][] {
                {varianceSlope(q11), 0, 0},
                {w * d11, w * tDot, w * d22},
                {0, 0, varianceSlope(q22)}});
    }

    private double positiveVariance(double q) {
        double v = variance(q);
        if (!(v > 0)) {
            throw new IllegalArgumentException("the correlation map needs V(q) > 0, got V(" + q + ") = " + v
                    + " for " + this);
        }
        return v;
    }

    private static void checkCorrelation(double rho) {
        if (!(rho >= -1 && rho <= 1)) {
            throw new IllegalArgumentException("rho must lie in [-1, 1], got " + rho);
        }
    }

    /** Hipparchus 7-point finite difference with step relative to x, never stepping below 0. */
    private static double derivative(UnivariateFunction f, double x) {
        double h = x > 0 ? RELATIVE_STEP * x : 1e-9;
        var differentiator = new FiniteDifferencesDifferentiator(STENCIL_POINTS, h, 0, Double.POSITIVE_INFINITY);
        return differentiator.differentiate(f).value(FIRST_ORDER.variable(0, x)).getPartialDerivative(1);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s layer map (σ_w² = %.6g, σ_b² = %.6g)",
                activation.name(), weightVariance, biasVariance);
    }
}
