package org.widenets.scaling;

/**
 * The limit models of the symmetric (q_σ, q̃) plane (shared/papers/width-scalings.md §3): 13 dynamically
 * stable regions (3 points, 7 segments or half-lines, 3 open areas; labels follow the official code) and
 * the two unstable sides of the band −1/2 ≤ δ ≤ 0. Each stable model is described by the behaviour of
 * the initial logits and kernels as d → ∞, whether the kernels evolve (δ = 0) and whether the initial
 * logits survive the rescaling of the limit (δ = −1/2).
 */
public enum LimitModel {
    POST_MF(1, "post-MF", 1, Growth.VANISH, Growth.VANISH, true, false),
    MF(2, "MF", 0, Growth.VANISH, Growth.FINITE, true, false),
    SYM_DEFAULT_MF(3, "sym-default–MF", 1, Growth.VANISH, Growth.DIVERGE, true, false),
    SYM_DEFAULT(4, "sym-default", 0, Growth.FINITE, Growth.DIVERGE, true, false),
    PRE_SYM_DEFAULT(5, "pre-sym-default", 1, Growth.DIVERGE, Growth.DIVERGE, true, false),
    POST_MF_NTK(6, "post-MF–NTK", 2, Growth.VANISH, Growth.VANISH, false, false),
    MF_NTK(7, "MF–NTK", 1, Growth.VANISH, Growth.FINITE, false, false),
    TRIANGLE(8, "MF/NTK/sym-default triangle", 2, Growth.VANISH, Growth.DIVERGE, false, false),
    NTK_SYM_DEFAULT(9, "NTK–sym-default", 1, Growth.FINITE, Growth.DIVERGE, false, false),
    PRE_NTK_SYM_DEFAULT(10, "pre-NTK–sym-default", 2, Growth.DIVERGE, Growth.DIVERGE, false, false),
    POST_NTK(11, "post-NTK", 1, Growth.VANISH, Growth.VANISH, false, true),
    NTK(12, "NTK", 0, Growth.FINITE, Growth.FINITE, false, true),
    PRE_NTK(13, "pre-NTK", 1, Growth.DIVERGE, Growth.DIVERGE, false, true),
    /** δ &gt; 0: normalised weights move without bound per step (the code's "diverge"). */
    DIVERGES(0, "ill-defined: diverges", -1, null, null, false, false),
    /** δ &lt; −1/2: logit increments vanish against the initial logits (the code's "stagnate"). */
    STAGNATES(0, "ill-defined: stagnates", -1, null, null, false, false);

    private final int number;
    private final String label;
    private final int dimension;
    private final Growth initLogits;
    private final Growth initKernels;
    private final boolean kernelsEvolve;
    private final boolean initLogitsKept;

    LimitModel(int number, String label, int dimension, Growth initLogits, Growth initKernels,
            boolean kernelsEvolve, boolean initLogitsKept) {
        this.number = number;
        this.label = label;
        this.dimension = dimension;
        this.initLogits = initLogits;
        this.initKernels = initKernels;
        this.kernelsEvolve = kernelsEvolve;
        this.initLogitsKept = initLogitsKept;
    }

    /** Row number 1–13 of the note's table; 0 for the unstable outcomes. */
    public int number() {
        return number;
    }

    public String label() {
        return label;
    }

    /** Dimension of the region in the plane (0 point, 1 line, 2 area); −1 for the unstable outcomes. */
    public int dimension() {
        return dimension;
    }

    /** True for the 13 dynamically stable limit models. */
    public boolean stable() {
        return number > 0;
    }

    /** Initial logits as d → ∞ (null when unstable). */
    public Growth initLogits() {
        return initLogits;
    }

    /** Initial tangent kernels as d → ∞ (null when unstable). */
    public Growth initKernels() {
        return initKernels;
    }

    /** True when the kernels evolve in the limit (δ = 0); false when they are stationary. */
    public boolean kernelsEvolve() {
        return kernelsEvolve;
    }

    /** True when the initial logits survive in the rescaled limit (δ = −1/2). */
    public boolean initLogitsKept() {
        return initLogitsKept;
    }

    @Override
    public String toString() {
        return stable() ? number + ": " + label : label;
    }
}
