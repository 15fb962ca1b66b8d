package org.widenets.gp;

/**
 * A kernel matrix (plus noise and the largest allowed jitter) is still not numerically positive
 * definite, so no Cholesky factor exists.
 */
public class NotPositiveDefiniteException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final double largestJitter;

    public NotPositiveDefiniteException(String message, double largestJitter) {
        super(message);
        this.largestJitter = largestJitter;
    }

    /** The largest jitter added to the diagonal before giving up. */
    public double largestJitter() {
        return largestJitter;
    }
}
