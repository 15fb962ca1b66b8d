package org.widenets.kernel;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@link HermiteExpansion}s of {@link #COLUMNS} consecutive variances q22 of a kernel-matrix column
 * array (one per input x′ⱼ and layer), packed coefficient-major — row i holds the i-th nonzero coefficient
 * of every column, and the square roots of their remainders — so that a row of the kernel matrix evaluates
 * the truncated Mehler series of all its entries at once, in loops over the columns that the JIT compiles
 * to SIMD instructions ({@link #row}).
 *
 * <p>Why: an entry costs a few dozen multiply–adds. Looked up per entry in {@link HermiteCache}'s memo,
 * every entry of a row chased pointers into a different expansion (a row of an N = 2000 matrix touches
 * 20 000 of them), and 70% of Tanh's time went to waiting for memory in a branchy truncation search.
 * A panel is packed once per matrix (kept by HermiteCache for as long as the caller's array lives) and
 * read by every row.
 *
 * <p>Same numbers: {@link #row} performs, lane by lane, the operations of
 * {@link HermiteExpansion#series(double[], double[], double[], double[], int, int, int, double)} in the
 * same order on copies of the same values, so an entry does not depend on whether it went through a
 * panel. Entries it cannot finish — the bound not met within the packed degrees (at most
 * {@link #MAX_WIDTH}) or the row's expansion, a column of another parity or of variance 0 — are left to
 * that per-pair path, which grows the expansions; after {@link #slowEntries} of them the cache packs the
 * panel anew from the grown ones.
 *
 * <p>Immutable once built (apart from the counter), so threads share it.
 */
final class HermitePanel {

    /** Columns per panel: a tile's rows sweep ≈ 2 panels per layer, which stay in the processor's cache. */
    static final int COLUMNS = 256;

    /** The most degrees packed per column (a longer expansion is packed to this degree). */
    static final int MAX_WIDTH = 128;

    /** Scales a positive ln-free bound excess (≥ 2e-28 above TARGET) to ≥ 1: see {@link #sweep}. */
    private static final double HUGE = 1e30;

    /** A remainder factor beyond a column's degree: any live pair fails the bound there and stays pending. */
    private static final double BEYOND = 1e300;

    /** Stands in for a column whose value is not a variance (outside the caller's range). */
    private static final HermiteExpansion CONSTANT = HermiteExpansion.of(new Linear(), 0);

    private final int count, lo, hi;
    /** The columns' q22 values, bit for bit: requests are matched against them. */
    private final double[] key;
    /** √q22, or +∞ for a column the panel does not serve (its lanes then compute ρ = 0, discarded). */
    private final double[] sqrtQ;
    /** Columns left to the per-pair path: a parity other than the panel's, or variance 0. */
    private final boolean[] unserved;
    private final int parity, parityDot;
    /** Per map (T, Ṫ): first degree, step and number of packed terms; coefficients and remainder factors. */
    private final int firstT, stepT, termsT, firstD, stepD, termsD;
    private final double[][] cT, rT, cD, rD;
    private final AtomicInteger slow = new AtomicInteger();
    private final int generation;

    /**
     * Packs the memoised expansions of q22[from + lo, from + hi) into columns [lo, hi) of a panel of
     * count ≤ {@link #COLUMNS} columns starting at q22[from]; generation counts how often this range was
     * packed before. Only the range callers asked for is packed: a panel of a kernel matrix's trajectories
     * straddles the boundary to values that are no activation's input (the next layer's), and packing
     * those added a quarter to the expansions built at N = 2000.
     */
    HermitePanel(HermiteCache cache, Activation f, double[] q22, int from, int count, int lo, int hi,
                 int generation) {
        this.count = count;
        this.lo = lo;
        this.hi = hi;
        this.generation = generation;
        key = new double[count];
        sqrtQ = new double[count];
        unserved = new boolean[count];
        HermiteExpansion[] e = new HermiteExpansion[count];
        int width = 0, p = 0, pDot = 0;
        boolean found = false;
        for (int t = 0; t < count; t++) {
            key[t] = q22[from + t];
            // outside the caller's range the array may hold anything: such a column is simply not served
            e[t] = t >= lo && t < hi && key[t] >= 0 && key[t] < Double.POSITIVE_INFINITY
                    ? cache.get(f, key[t], 0, HermiteCache.INITIAL_DEGREE) : CONSTANT;
            width = Math.max(width, Math.min(MAX_WIDTH, e[t].degree()));
            if (!found && key[t] > 0 && e[t] != CONSTANT) {
                // the panel's parity: that of its first column of positive variance (all of them, for
                // tanh; a zero variance has the constant expansion, of no parity)
                p = e[t].parity();
                pDot = e[t].parityDot();
                found = true;
            }
        }
        parity = p;
        parityDot = pDot;
        for (int t = 0; t < count; t++) {
            unserved[t] = !(key[t] > 0) || e[t] == CONSTANT || e[t].parity() != p || e[t].parityDot() != pDot;
            sqrtQ[t] = unserved[t] ? Double.POSITIVE_INFINITY : Math.sqrt(key[t]);
        }
        stepT = HermiteExpansion.step(p, p);
        firstT = HermiteExpansion.first(p, p);
        termsT = terms(firstT, stepT, width);
        stepD = HermiteExpansion.step(pDot, pDot);
        firstD = HermiteExpansion.first(pDot, pDot);
        termsD = terms(firstD, stepD, width);
        cT = new double[termsT][count];
        rT = new double[termsT][count];
        cD = new double[termsD][count];
        rD = new double[termsD][count];
        for (int t = 0; t < count; t++) {
            pack(e[t].coefficients(), e[t].rootRemainders(), firstT, stepT, termsT, cT, rT, t);
            pack(e[t].derivativeCoefficients(), e[t].rootRemaindersDot(), firstD, stepD, termsD, cD, rD, t);
        }
    }

    /** The number of degrees first, first + step, … that are ≤ last. */
    private static int terms(int first, int step, int last) {
        return last < first ? 0 : (last - first) / step + 1;
    }

    /** Column t of one map: its coefficients and remainder factors, then 0 and {@link #BEYOND}. */
    private static void pack(double[] c, double[] r, int first, int step, int terms, double[][] cs, double[][] rs,
                             int t) {
        for (int i = 0, k = first; i < terms; i++, k += step) {
            boolean known = k < c.length;
            cs[i][t] = known ? c[k] : 0;
            rs[i][t] = known ? r[k] : BEYOND;
        }
    }

    int count() {
        return count;
    }

    /** Whether columns [t0, t0 + n) are within the packed range. */
    boolean covers(int t0, int n) {
        return t0 >= lo && t0 + n <= hi;
    }

    /** The packed range [lo, hi) of columns. */
    int lo() {
        return lo;
    }

    int hi() {
        return hi;
    }

    /** How often this range was packed before (the cache repacks a panel a bounded number of times). */
    int generation() {
        return generation;
    }

    /** Counts an entry left to the per-pair path that a repacking could serve; returns the new count. */
    int slowEntries() {
        return slow.incrementAndGet();
    }

    /** Whether q22[from, from + n) are this panel's columns [t0, t0 + n), bit for bit. */
    boolean holds(double[] q22, int from, int t0, int n) {
        for (int j = 0; j < n; j++) {
            if (Double.doubleToLongBits(q22[from + j]) != Double.doubleToLongBits(key[t0 + j])) {
                return false;
            }
        }
        return true;
    }

    /** Whether the per-pair path must take column t whatever the row (parity, or variance 0). */
    boolean unserved(int t) {
        return unserved[t];
    }

    /** Whether a row's expansion can be swept against this panel (same parities: same packed halves). */
    boolean serves(HermiteExpansion a) {
        return a.parity() == parity && a.parityDot() == parityDot;
    }

    /**
     * One row against columns [t0, t0 + n): for q12 = q12s[t] (ρ from √q11 and the columns' √q22) the
     * truncated series T (into s.t[t]) and Ṫ (into s.d[t]) by {@link #sweep}, and s.pending[t] set where
     * a map did not meet its bound within the packed degrees (or the column is {@link #unserved}): those
     * entries are for the per-pair path. The row's expansion a must be {@link #serves served}, q11 &gt; 0.
     */
    void row(HermiteExpansion a, double sqrtQ11, int t0, int n, Scratch s) {
        int t1 = t0 + n;
        double[] rho = s.rho, q = s.q;
        for (int t = t0; t < t1; t++) {
            rho[t] = Math.max(-1, Math.min(1, q[t] / (sqrtQ11 * sqrtQ[t])));
        }
        int aT = terms(firstT, stepT, a.degree()), aD = terms(firstD, stepD, a.degree());
        sweep(a.coefficients(), a.rootRemainders(), firstT, stepT, Math.min(termsT, aT), cT, rT, t0, t1, s, s.t);
        for (int t = t0; t < t1; t++) {
            s.pending[t] = s.w[t] != 0 || unserved[t];
        }
        sweep(a.derivativeCoefficients(), a.rootRemaindersDot(), firstD, stepD, Math.min(termsD, aD), cD, rD, t0,
                t1, s, s.d);
        for (int t = t0; t < t1; t++) {
            s.pending[t] |= s.w[t] != 0;
        }
    }

    /**
     * The loop of {@link HermiteExpansion#series(double[], double[], double[], double[], int, int, int,
     * double)} for every lane t at once, term by term: out[t] ← the series, w[t] ≠ 0 after the sweep where
     * the bound was not met. A lane stops by its power w dropping to 0: the bound test becomes the factor
     * min(1, max(0, (bound − TARGET)·10³⁰)), exactly 0 where bound ≤ TARGET and exactly 1 where it exceeds
     * it (by at least an ulp of TARGET, 2e-28, and 10³⁰ lifts that above 1), so a finished lane adds
     * x·y·0 = 0 from then on. A live lane's |w| stays above 1e-12, so no power underflows early. Arrays
     * indexed alike (all by t) and loop bodies this small are what C2 vectorises.
     */
    private static void sweep(double[] x, double[] ra, int first, int step, int terms, double[][] cs, double[][] rs,
                              int t0, int t1, Scratch s, double[] out) {
        double[] rho = s.rho, r = s.r, p0 = s.p0, w = s.w, sum = s.sum;
        if (step == 2) {
            for (int t = t0; t < t1; t++) {
                r[t] = rho[t] * rho[t];
            }
        } else {
            System.arraycopy(rho, t0, r, t0, t1 - t0);
        }
        if (first == 0) {
            for (int t = t0; t < t1; t++) {
                p0[t] = Math.abs(rho[t]);
            }
        } else {
            for (int t = t0; t < t1; t++) {
                p0[t] = Math.abs(rho[t]) * Math.abs(rho[t]);
            }
        }
        for (int t = t0; t < t1; t++) {
            w[t] = 1;
            sum[t] = 0;
        }
        for (int i = 0, k = first; i < terms; i++, k += step) {
            double xk = x[k], rk = ra[k];
            double[] c = cs[i], rb = rs[i];
            for (int t = t0; t < t1; t++) {
                double wt = w[t];
                sum[t] += xk * c[t] * wt;
                w[t] = wt * r[t] * Math.min(1.0, Math.max(0.0, (p0[t] * Math.abs(wt) * rk * rb[t] - HermiteExpansion.TARGET) * HUGE));
            }
            if ((i & 7) == 7 && done(w, t0, t1)) {
                break;
            }
        }
        if (first == 0) {
            System.arraycopy(sum, t0, out, t0, t1 - t0);
        } else {
            for (int t = t0; t < t1; t++) {
                out[t] = rho[t] * sum[t];
            }
        }
    }

    private static boolean done(double[] w, int t0, int t1) {
        for (int t = t0; t < t1; t++) {
            if (w[t] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Per-thread work arrays of a row sweep, indexed by panel column like the panel's own rows. */
    static final class Scratch {
        final double[] q = new double[COLUMNS], rho = new double[COLUMNS], r = new double[COLUMNS],
                p0 = new double[COLUMNS], w = new double[COLUMNS], sum = new double[COLUMNS], t = new double[COLUMNS],
                d = new double[COLUMNS], ntk = new double[COLUMNS], prod = new double[COLUMNS];
        final boolean[] pending = new boolean[COLUMNS];
    }
}
