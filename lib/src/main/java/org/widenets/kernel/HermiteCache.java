package org.widenets.kernel;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The series path of {@link QuadratureActivation} for smooth activations, with the memo of their
 * {@link HermiteExpansion}s: T and Ṫ of a pair are a Horner pass over the coefficients of the two
 * variances, and kernel matrices ask for the same diagonal variance of each input N times per layer.
 *
 * <p>Implementation detail, invisible in results: per activation (by {@code equals}, so every
 * {@code new Tanh()} shares one) a lock-free two-way set-associative table of 2¹⁶ expansions keyed by the
 * exact bits of q; a colliding entry is overwritten, and past a memory budget (a quarter of the heap,
 * at most 256 MB) the table is emptied. A lost entry is recomputed, so eviction costs time, never
 * accuracy; racing writers store equal values. At most {@link #MAX_ACTIVATIONS} activations keep a table.
 */
final class HermiteCache {

    static final int MAX_ACTIVATIONS = 16;
    static final int INITIAL_DEGREE = 32;
    private static final int BITS = 16;
    private static final long BUDGET = Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 4);
    private static final ConcurrentHashMap<Activation, HermiteCache> TABLES = new ConcurrentHashMap<>();

    private final AtomicReferenceArray<HermiteExpansion> slots = new AtomicReferenceArray<>(1 << BITS);
    private final AtomicLong bytes = new AtomicLong();
    private final boolean smooth;

    private HermiteCache(boolean smooth) {
        this.smooth = smooth;
    }

    /** The last activation served and its table: kernel matrices ask for the same one ~10⁷ times. */
    private record Last(Activation activation, HermiteCache cache) {
    }

    private static volatile Last last = new Last(null, null);

    static HermiteCache of(Activation f) {
        Last l = last;
        if (l.activation == f) {
            return l.cache;
        }
        HermiteCache cache = TABLES.get(f);
        if (cache == null) {
            if (TABLES.size() >= MAX_ACTIVATIONS) {
                TABLES.clear();
            }
            cache = TABLES.computeIfAbsent(f, a -> new HermiteCache(a.kinks().length == 0));
        }
        last = new Last(f, cache);
        return cache;
    }

    /** True for φ without kinks: the maps take the series. */
    boolean smooth() {
        return smooth;
    }

    /** Bits of the {@link #tAndTDot} result: which of T and Ṫ the series delivered. */
    static final int T = 1, T_DOT = 2;

    /**
     * T and Ṫ by the series into out[0], out[1], as far as possible: the result has bit {@link #T} set when
     * out[0] holds T, {@link #T_DOT} when out[1] holds Ṫ. A map is missing when the activation has kinks or
     * when its truncation bound needs more than {@link HermiteExpansion#MAX_DEGREE} terms; the caller then
     * uses 2-D quadrature for it. Each map's path depends on (q11, q12, q22) alone, so T from
     * {@code tAndTDot} equals T from {@code t} bit for bit. Arguments must already be a valid covariance.
     *
     * <p>Expansions start at degree {@link #INITIAL_DEGREE} and grow only as far as the pairs that use
     * them need: |ρ|^{K+1} does most of the truncation away from ρ = ±1, so a kernel matrix of inputs in
     * general position rarely needs the (up to 10× longer) expansion that ρ = 1 would.
     */
    int tAndTDot(Activation f, double q11, double q12, double q22, double[] out, boolean wantT, boolean wantTDot) {
        if (!smooth) {
            return 0;
        }
        HermiteExpansion a = get(f, q11, 0, INITIAL_DEGREE);
        if (q12 == q11 && q22 == q11) {
            // u = v: T and Ṫ are the diagonals, the same numbers QuadratureActivation.diag gives (kernel
            // matrices run x = x′ as ρ = 1 alongside the exact diagonal, and must stay on it bit for bit)
            out[0] = a.diag();
            out[1] = a.diagDot();
            return T | T_DOT;
        }
        HermiteExpansion b = get(f, q22, 0, INITIAL_DEGREE);
        // a zero variance has only the constant term, so any ρ gives the same (exact) result
        double rho = q11 == 0 || q22 == 0 ? 0 : Math.max(-1, Math.min(1, q12 / (Math.sqrt(q11) * Math.sqrt(q22))));
        while (true) {
            int kT = wantT ? HermiteExpansion.truncation(a, b, rho, false) : 0;
            int kD = wantTDot ? HermiteExpansion.truncation(a, b, rho, true) : 0;
            int reach = Math.min(a.degree(), b.degree());
            if ((kT >= 0 && kD >= 0) || reach >= HermiteExpansion.MAX_DEGREE) {
                int done = 0;
                if (wantT && kT >= 0) {
                    out[0] = HermiteExpansion.sum(a, b, rho, false, kT);
                    done |= T;
                }
                if (wantTDot && kD >= 0) {
                    out[1] = HermiteExpansion.sum(a, b, rho, true, kD);
                    done |= T_DOT;
                }
                return done;
            }
            // not within the degrees both expansions reach: lengthen the shorter one(s), up to the cap
            int next = Math.min(HermiteExpansion.MAX_DEGREE, Math.max(2 * reach, INITIAL_DEGREE));
            if (a.degree() < next) {
                a = get(f, q11, next, next);
            }
            if (b.degree() < next) {
                b = get(f, q22, next, next);
            }
        }
    }

    /**
     * The memoised expansion of f at q: a stored one that is complete or reaches maxDegree, else
     * {@link HermiteExpansion#of(Activation, double, int, int)}, which replaces it.
     */
    HermiteExpansion get(Activation f, double q, int minDegree, int maxDegree) {
        long key = Double.doubleToLongBits(q);
        int i = (int) ((key * 0x9E3779B97F4A7C15L) >>> (64 - BITS)) & ~1;
        for (int j = i; j <= i + 1; j++) {
            HermiteExpansion e = slots.get(j);
            if (e != null && Double.doubleToLongBits(e.variance()) == key
                    && (e.degree() >= maxDegree || (e.complete() && e.degree() >= minDegree))) {
                return e;
            }
        }
        HermiteExpansion e = HermiteExpansion.of(f, q, minDegree, maxDegree);
        if (bytes.addAndGet(e.bytes()) > BUDGET) {
            for (int j = 0; j < slots.length(); j++) {
                slots.set(j, null);
            }
            bytes.set(e.bytes());
        }
        // the way holding the same q (a shorter expansion), else an empty way, else the first
        int way = i;
        HermiteExpansion first = slots.get(i), second = slots.get(i + 1);
        boolean firstSame = first != null && Double.doubleToLongBits(first.variance()) == key;
        boolean secondSame = second != null && Double.doubleToLongBits(second.variance()) == key;
        if (!firstSame && (secondSame || (first != null && second == null))) {
            way = i + 1;
        }
        HermiteExpansion old = slots.getAndSet(way, e);
        if (old != null) {
            bytes.addAndGet(-old.bytes());
        }
        return e;
    }
}
