package org.widenets.notebook;

import java.util.Locale;

/**
 * How much work a notebook does: {@link #QUICK} for tests and CI (minutes on two cores),
 * {@link #FULL} to reproduce a paper's figures with its exact parameters.
 *
 * <p>Read once from the environment variable {@code WIDENETS_MODE} ({@code quick} or {@code full};
 * unset means quick). Notebooks call {@link #current()} and never parse the variable themselves.
 */
public enum Mode {
    QUICK,
    FULL;

    /** Name of the environment variable holding the mode. */
    public static final String VARIABLE = "WIDENETS_MODE";

    /** The mode of this process, from {@code WIDENETS_MODE}. */
    public static Mode current() {
        return parse(System.getenv(VARIABLE));
    }

    /** Parses {@code quick} or {@code full} (case-insensitive); null or blank means quick. */
    public static Mode parse(String value) {
        if (value == null || value.isBlank()) return QUICK;
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "quick":
                return QUICK;
            case "full":
                return FULL;
            default:
                throw new IllegalArgumentException(VARIABLE + " must be 'quick' or 'full', got '" + value + "'");
        }
    }

    /** The quick value in quick mode, the full value in full mode. */
    public <T> T pick(T quick, T full) {
        return this == QUICK ? quick : full;
    }

    /** The quick value in quick mode, the full value in full mode. */
    public int pick(int quick, int full) {
        return this == QUICK ? quick : full;
    }

    /** The quick value in quick mode, the full value in full mode. */
    public double pick(double quick, double full) {
        return this == QUICK ? quick : full;
    }

    public boolean isQuick() {
        return this == QUICK;
    }
}
