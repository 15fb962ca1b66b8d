package org.widenets.gp;

import org.widenets.kernel.Checks;

/**
 * Bounded jitter escalation for a Cholesky factorisation that fails (duplicated inputs at zero noise,
 * kernels of rank below n): first no jitter, then {@code initial}·mean(diag) added to the diagonal,
 * multiplied by {@code factor} per retry while it stays ≤ {@code maximum}·mean(diag)
 * (shared/papers/kernel-formulas.md §7, shared/notes/notebook-stack.md §9.3).
 *
 * @param initial first jitter relative to the mean diagonal, &gt; 0 (default 1e-10)
 * @param factor  growth per retry, &gt; 1 (default 10)
 * @param maximum largest jitter relative to the mean diagonal (default 1e-4)
 */
public record JitterPolicy(double initial, double factor, double maximum) {

    /** 1e-10·mean diag, ×10 per retry, at most 1e-4·mean diag (seven retries). */
    public static final JitterPolicy DEFAULT = new JitterPolicy(1e-10, 10, 1e-4);
    /** Never add jitter: fail at once if the matrix is not positive definite. */
    public static final JitterPolicy NONE = new JitterPolicy(1, 10, 0);

    public JitterPolicy {
        Checks.positive("initial jitter", initial);
        if (!(factor > 1) || !Double.isFinite(factor)) {
            throw new IllegalArgumentException("jitter factor must be finite and > 1, got " + factor);
        }
        Checks.variance("maximum jitter", maximum);
    }
}
