package org.widenets.kernel;

import java.util.Arrays;

/**
 * The {@link HermiteExpansion}s of one block of kernel-matrix columns — the variances q22 of the inputs
 * x′ⱼ at one layer — packed side by side for the rows that run against that block
 * ({@link HermiteCache#block}): column t's ½-log remainders and its first coefficients in one stretch of
 * four flat arrays, with only the coefficients of the columns' common parity (tanh: the odd cₖ and the
 * even dₖ).
 *
 * <p>Why: an entry of a kernel matrix of a smooth activation costs a few dozen multiply–adds, and
 * fetching the column's expansion cost far more. Looked up per entry in the memo of
 * {@link HermiteCache}, every entry of a row chased pointers into a different expansion, and a row of an
 * N = 2000 matrix touches 20 000 of them (≈ 20 MB): 70% of Tanh's time went to waiting for memory in
 * the truncation search. Packed once per block and layer and used by the 32 rows of a
 * {@link FusedKernelMatrices} tile, the columns stay in the processor's cache.
 *
 * <p>Same numbers: {@link #series} evaluates the same truncation search and the same Horner chains over
 * the same values as {@link HermiteCache}'s per-pair path (the packed arrays are copies), so an entry
 * does not depend on whether it went through a panel. A column packs at most {@link #MAX_DEGREE}
 * degrees; a pair whose truncation lies beyond the packed prefix (or whose parities the packing does not
 * cover) is left to that path, and {@link #refresh} packs more of a column once its expansion has grown.
 *
 * <p>Mutable scratch confined to one thread (HermiteCache keeps a few per thread and refills them).
 */
final class HermitePanel {

    /** The most degrees packed per column: the truncation of pairs in general position is far lower. */
    static final int MAX_DEGREE = 64;

    private int count, lastOffset;
    /** The block's q22 values, bit for bit: what {@link #find} matches requests against. */
    private double[] key = new double[0];
    /** The expansions packed, as the memo held them (or longer ones since: {@link #refresh}). */
    private HermiteExpansion[] expansions = new HermiteExpansion[0];
    private double[] sqrtQ = new double[0];
    /** Packed degree and the parities of φ and φ′ per column. */
    private int[] degree = new int[0], parity = new int[0], parityDot = new int[0];
    /** Degrees packed at most (the longest column, capped), and the strides of the arrays. */
    private int width, stride, cStride, dStride;
    /** If nonzero, every column has this parity and only the coefficients of that parity are stored. */
    private int commonParity, commonParityDot;
    private double[] c = new double[0], d = new double[0];
    private float[] lc = new float[0], ld = new float[0];

    /**
     * Packs the expansions of q22[from, from + count) from the cache's memo (so the panel holds what the
     * memo holds, grown or not). The variances must be valid (the caller has checked the covariances).
     */
    void fill(HermiteCache cache, Activation f, double[] q22, int from, int count) {
        this.count = count;
        key = Arrays.copyOfRange(q22, from, from + count);
        if (sqrtQ.length < count) {
            sqrtQ = new double[count];
            degree = new int[count];
            parity = new int[count];
            parityDot = new int[count];
        }
        expansions = new HermiteExpansion[count];
        int longest = 0;
        for (int t = 0; t < count; t++) {
            expansions[t] = cache.get(f, key[t], 0, HermiteCache.INITIAL_DEGREE);
            sqrtQ[t] = Math.sqrt(key[t]);
            parity[t] = expansions[t].parity();
            parityDot[t] = expansions[t].parityDot();
            longest = Math.max(longest, expansions[t].degree());
        }
        commonParity = common(parity, count);
        commonParityDot = common(parityDot, count);
        layout(Math.min(MAX_DEGREE, longest));
    }

    /** Packs every column anew at the given width. */
    private void layout(int width) {
        this.width = width;
        stride = width + 1;
        cStride = commonParity == 0 ? stride : HermiteExpansion.terms(first(commonParity), 2, width);
        dStride = commonParityDot == 0 ? stride : HermiteExpansion.terms(first(commonParityDot), 2, width);
        if (lc.length < count * stride) {
            lc = new float[count * stride];
            ld = new float[count * stride];
        }
        if (c.length < count * cStride) {
            c = new double[count * cStride];
        }
        if (d.length < count * dStride) {
            d = new double[count * dStride];
        }
        for (int t = 0; t < count; t++) {
            degree[t] = -1;
            pack(t, expansions[t]);
        }
    }

    /** The parity shared by all columns, else 0. */
    private static int common(int[] parities, int count) {
        int p = count > 0 ? parities[0] : 0;
        for (int t = 1; t < count && p != 0; t++) {
            if (parities[t] != p) {
                p = 0;
            }
        }
        return p;
    }

    /** The first degree of a parity: 1 for {@link HermiteExpansion#ODD}, 0 for EVEN. */
    private static int first(int parity) {
        return parity == HermiteExpansion.ODD ? 1 : 0;
    }

    /** Copies the first min(degree, width) degrees of e into column t. */
    private void pack(int t, HermiteExpansion e) {
        int k = Math.min(width, e.degree());
        if (k <= degree[t]) {
            return;
        }
        degree[t] = k;
        System.arraycopy(e.halfLogRemainders(), 0, lc, t * stride, k + 1);
        System.arraycopy(e.halfLogRemaindersDot(), 0, ld, t * stride, k + 1);
        packCoefficients(e.coefficients(), commonParity, c, t * cStride, k);
        packCoefficients(e.derivativeCoefficients(), commonParityDot, d, t * dStride, k);
    }

    private static void packCoefficients(double[] from, int parity, double[] to, int at, int k) {
        if (parity == 0) {
            System.arraycopy(from, 0, to, at, k + 1);
        } else {
            for (int i = first(parity), j = at; i <= k; i += 2, j++) {
                to[j] = from[i];
            }
        }
    }

    /**
     * After column t's expansion grew (e is the longer one): packs more of it, widening the panel (all
     * columns, once) up to {@link #MAX_DEGREE} if e reaches further than the panel's width.
     */
    void refresh(int t, HermiteExpansion e) {
        if (e.degree() <= expansions[t].degree()) {
            return;
        }
        expansions[t] = e;
        if (e.degree() > width && width < MAX_DEGREE) {
            layout(Math.min(MAX_DEGREE, Math.max(e.degree(), 2 * width)));
        } else {
            pack(t, e);
        }
    }

    /**
     * Whether the columns q22[from, from + count) of a request are in this panel, bit for bit: its last
     * {@code count} columns (the rows of a symmetric tile start ever later in the block) or its first ones;
     * then {@link #lastOffset} is where they start. Matching values rather than arrays keeps a panel valid
     * whoever wrote the caller's array and whenever.
     */
    boolean find(double[] q22, int from, int count) {
        if (count > this.count) {
            return false;
        }
        int suffix = this.count - count;
        if (matches(q22, from, count, suffix)) {
            lastOffset = suffix;
            return true;
        }
        if (suffix != 0 && matches(q22, from, count, 0)) {
            lastOffset = 0;
            return true;
        }
        return false;
    }

    /** The column where the request last {@link #find found} starts. */
    int lastOffset() {
        return lastOffset;
    }

    private boolean matches(double[] q22, int from, int count, int at) {
        for (int k = 0; k < count; k++) {
            if (Double.doubleToLongBits(q22[from + k]) != Double.doubleToLongBits(key[at + k])) {
                return false;
            }
        }
        return true;
    }

    /** The variance of column t. */
    double variance(int t) {
        return key[t];
    }

    /** Buckets of |ρ| for the guesses of the truncation degrees: the degree is mostly a function of |ρ|. */
    static final int GUESS_BUCKETS = 64;

    /**
     * T and Ṫ of the pair (q11, q12, column t) into out[0], out[1] by the series, given the expansion a of
     * q11 and √q11 — the path and the numbers of HermiteCache's per-pair series — or false, with out
     * untouched, when column t's packed prefix does not reach both truncation degrees or the packing
     * dropped coefficients that a's parity needs. Not for u = v (q12 = q11 = q22), which takes the
     * diagonals. {@code guesses} holds per bucket of |ρ| the last truncation degrees of T (even indices)
     * and Ṫ (odd), or −1, for the row's earlier pairs; they shorten the search, never change its answer.
     */
    boolean series(HermiteExpansion a, double q11, double sqrtQ11, double q12, int t, double[] out, int[] guesses) {
        double q22 = key[t];
        double rho = q11 == 0 || q22 == 0 ? 0 : Math.max(-1, Math.min(1, q12 / (sqrtQ11 * sqrtQ[t])));
        double abs = Math.abs(rho), logRho = Math.log(abs);
        int bucket = 2 * (int) (abs * (GUESS_BUCKETS - 1));
        int kT = HermiteExpansion.truncation(a.halfLogRemainders(), lc, t * stride, degree[t] + 1, logRho,
                guesses[bucket]);
        if (kT < 0) {
            return false;
        }
        int kD = HermiteExpansion.truncation(a.halfLogRemaindersDot(), ld, t * stride, degree[t] + 1, logRho,
                guesses[bucket + 1]);
        if (kD < 0) {
            return false;
        }
        int pa = a.parity(), pb = parity[t], paDot = a.parityDot(), pbDot = parityDot[t];
        // the full (stride-1) sum needs every coefficient, which a panel of one parity did not keep
        if ((commonParity != 0 && !(pa != 0 && pa == pb)) || (commonParityDot != 0 && !(paDot != 0 && paDot == pbDot))) {
            return false;
        }
        guesses[bucket] = kT;
        guesses[bucket + 1] = kD;
        out[0] = sum(a.coefficients(), pa, pb, c, t * cStride, commonParity != 0, rho, kT);
        out[1] = sum(a.derivativeCoefficients(), paDot, pbDot, d, t * dStride, commonParityDot != 0, rho, kD);
        return true;
    }

    /** {@link HermiteExpansion#sum} with column t's coefficients y from {@code at}, compact or not. */
    private static double sum(double[] x, int pa, int pb, double[] y, int at, boolean compact, double rho, int degree) {
        if (pa != 0 && pa == pb) {
            int first = first(pa);
            double s = compact
                    ? HermiteExpansion.series(x, first, 2, y, at, 1, HermiteExpansion.terms(first, 2, degree), rho * rho)
                    : HermiteExpansion.series(x, first, 2, y, at + first, 2, HermiteExpansion.terms(first, 2, degree),
                    rho * rho);
            return pa == HermiteExpansion.ODD ? s * rho : s;
        }
        return HermiteExpansion.series(x, 0, 1, y, at, 1, degree + 1, rho);
    }
}
