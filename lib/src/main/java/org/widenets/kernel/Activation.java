package org.widenets.kernel;

/**
 * An elementwise nonlinearity φ together with its Gaussian kernel maps.
 *
 * <p>For a centred Gaussian pair (u, v) with covariance [[q11, q12], [q12, q22]]:
 * <pre>
 *   T(q11, q12, q22)  = E[φ(u) φ(v)]        (NNGP map)
 *   Ṫ(q11, q12, q22)  = E[φ′(u) φ′(v)]      (NTK factor; by Price's theorem ∂T/∂q12 = Ṫ)
 *   diag(q)           = E[φ(u)²],  u ~ N(0, q)
 *   diagDot(q)        = E[φ′(u)²], u ~ N(0, q)
 * </pre>
 * The diagonal has its own entry points because the off-diagonal formulas are singular at ρ = ±1
 * (shared/papers/kernel-formulas.md §6.3).
 *
 * <p>Implementations are immutable and thread-safe. Closed forms live in one record per activation;
 * activations without one ({@link QuadratureActivation}: Tanh, Sigmoid, Softplus, SiLU, Mish,
 * {@link CustomActivation}) are evaluated by kink-aware quadrature of the defining expectation
 * ({@link GaussianQuadrature}), which is also the oracle every closed form is tested against.
 * {@link Activations#byName(String)} finds the built-ins by name.
 *
 * <p>Conventions: where φ jumps (Step, Sign, RectifiedMonomial(0)) φ′ has a Dirac mass that Ṫ ignores,
 * so Ṫ is E over the smooth part of φ′ only (0 for Step and Sign), as in neural-tangents. The maps
 * validate their arguments (IllegalArgumentException naming q11, q12, q22 or q); a result that leaves
 * the double range (e.g. Exp at large variance) comes back as +∞ from the map itself and is turned
 * into an ArithmeticException by {@link Nonlinearity} — callers that use the maps directly must check
 * with {@link Checks#representable}.
 */
public interface Activation {

    /** Short name used in tables and legends, e.g. {@code "ReLU"} or {@code "ELU(1.0)"}. */
    String name();

    /** φ(x). */
    double phi(double x);

    /** φ′(x), where it exists; at a kink any one-sided value (a null set for the expectations). */
    double dphi(double x);

    /**
     * Points where φ or φ′ is not smooth (kinks, jumps), sorted; empty for smooth φ.
     * Quadrature splits its panels there.
     */
    default double[] kinks() {
        return new double[0];
    }

    /** T = E[φ(u)φ(v)] for (u, v) ~ N(0, [[q11, q12], [q12, q22]]). */
    double t(double q11, double q12, double q22);

    /** Ṫ = E[φ′(u)φ′(v)]. */
    double tDot(double q11, double q12, double q22);

    /** E[φ(u)²], u ~ N(0, q). */
    double diag(double q);

    /** E[φ′(u)²], u ~ N(0, q). */
    double diagDot(double q);

    /**
     * T and Ṫ of one pair at once, written to {@code out[0]} and {@code out[1]}: the inner loop of kernel
     * matrices. The default calls {@link #t} and {@link #tDot}; activations whose two maps share work
     * (the angle θ, a quadrature grid) override it. Must equal the two calls to rounding.
     */
    default void tAndTDot(double q11, double q12, double q22, double[] out) {
        double t = t(q11, q12, q22);
        out[1] = tDot(q11, q12, q22);
        out[0] = t;
    }

    /**
     * One layer of kernel matrices for one input x against a block of inputs x′_k, k &lt; count:
     * q12[k] ← T(q11, q12[k], q22[from + k]) and ntk12[k] ← Ṫ(q11, q12[k], q22[from + k])·ntk12[k]
     * (the NTK recursion Θ′ = Ṫ·Θ), both with q12[k] before the update. Each entry must equal
     * {@link #tAndTDot(double, double, double, double[])} to rounding and throw what it throws.
     * The default loops over it; activations override this to vectorise (see {@link AbRelu}).
     */
    default void tAndTDot(double q11, double[] q22, int from, double[] q12, double[] ntk12, int count) {
        double[] maps = new double[2];
        for (int k = 0; k < count; k++) {
            tAndTDot(q11, q12[k], q22[from + k], maps);
            q12[k] = maps[0];
            ntk12[k] *= maps[1];
        }
    }

    /** True where T, Ṫ and the diagonals are exact formulas rather than numerical quadrature. */
    default boolean closedForm() {
        return true;
    }
}
