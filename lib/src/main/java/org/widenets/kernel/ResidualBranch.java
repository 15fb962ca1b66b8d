package org.widenets.kernel;

/**
 * The residual branch of a block acting on the stream h (shared/papers/residual-kernels.md §2; NTK
 * parametrisation, c = branch weight variance):
 * <pre>
 *   R1 (ONE_LAYER):  h ← h + α·√(c/n)·W φ(h)
 *   R2 (TWO_LAYER):  h ← h + α·√(c/n)·V φ(W h/√n)
 * </pre>
 */
public enum ResidualBranch {
    ONE_LAYER("R1"),
    TWO_LAYER("R2");

    private final String label;

    ResidualBranch(String label) {
        this.label = label;
    }

    /** Weight matrices per block. */
    public int matrices() {
        return this == ONE_LAYER ? 1 : 2;
    }

    @Override
    public String toString() {
        return label;
    }
}
