package org.widenets.kernel;

import java.lang.ref.Cleaner;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The series path of {@link QuadratureActivation} for smooth activations, with the memo of their
 * {@link HermiteExpansion}s: T and Ṫ of a pair are one pass over the coefficients of the two variances,
 * and kernel matrices ask for the same diagonal variance of each input N times per layer. Rows of kernel
 * matrices ({@link #block}) read the columns' expansions from {@link HermitePanel}s, packed once per
 * column array and kept (weakly, by the array's identity) while the array lives.
 *
 * <p>Implementation detail, invisible in results: per activation (by {@code equals}, so every
 * {@code new Tanh()} shares one) a lock-free open-addressing table of 2¹⁸ slots (linear probing over at
 * most 32) keyed by the exact bits of q; it is emptied when half full or past a memory budget (a quarter
 * of the heap, at most 256 MB), so probes stay short and stale variances of earlier matrices go. A lost
 * entry is recomputed, so eviction costs time, never accuracy; racing writers store equal values. At most
 * {@link #MAX_ACTIVATIONS} activations keep a table.
 *
 * <p>Why not the two-way set-associative table this used to be: a kernel matrix asks for each of its N·L
 * expansions N times while all of them are live, and the few sets that three live variances hash to
 * (about 20 at N = 500) evicted each other on every request — 3600 of 5000 expansions were recomputed,
 * several times, per Tanh matrix. Open addressing at ≤ ½ load keeps every live key.
 */
final class HermiteCache {

    static final int MAX_ACTIVATIONS = 16;
    /**
     * The degree of a first expansion: enough for the pairs of a kernel matrix of inputs in general
     * position (depth 10, d = 8: most need ≤ 40 terms; d = 784: ≤ 30; half of the d = 8 expansions
     * still grow to 128, for their partners near |ρ| = 1). φ at the rule's nodes is much of a build
     * (tanh: degree 0 ≈ 60% of degree 64, degree 384 ≈ 3×), so 64 rather than 32 costs about a
     * quarter more per build and spares a rebuild of most expansions at d = 8.
     */
    static final int INITIAL_DEGREE = 64;
    private static final int BITS = 18, SLOTS = 1 << BITS, PROBES = 32;
    private static final long BUDGET = Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 4);
    private static final ConcurrentHashMap<Activation, HermiteCache> TABLES = new ConcurrentHashMap<>();

    private final AtomicReferenceArray<HermiteExpansion> slots = new AtomicReferenceArray<>(SLOTS);
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong entries = new AtomicLong();
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
     * <p>Expansions start at degree {@link #INITIAL_DEGREE} and grow (doubling) only as far as the pairs
     * that use them need: |ρ|^{K+1} does most of the truncation away from ρ = ±1, so a kernel matrix of
     * inputs in general position rarely needs the (up to 6× longer) expansion that ρ = 1 would.
     */
    int tAndTDot(Activation f, double q11, double q12, double q22, double[] out, boolean wantT, boolean wantTDot) {
        if (!smooth) {
            return 0;
        }
        return series(f, get(f, q11, 0, INITIAL_DEGREE), q11, q12, q22, out, wantT, wantTDot);
    }

    /**
     * One row of kernel matrices: {@link QuadratureActivation#tAndTDot(double, double[], int, double[],
     * double[], int)} with the expansion of q11 looked up once and the columns swept together from the
     * {@link HermitePanel}s of the caller's q22 array. Per entry the numbers of {@link #tAndTDot}; maps
     * the series cannot bound by 2-D quadrature. All covariances are checked before any entry is written.
     */
    void block(Activation f, double q11, double[] q22, int from, double[] q12, double[] ntk12, int count) {
        for (int k = 0; k < count; k++) {
            Checks.covariance(q11, q12[k], q22[from + k]);
        }
        HermiteExpansion a = get(f, q11, 0, INITIAL_DEGREE);
        double[] out = new double[2];
        if (q11 == 0 || count == 0) {
            for (int k = 0; k < count; k++) {
                seriesOrQuadrature(f, a, q11, q12[k], q22[from + k], out);
                q12[k] = out[0];
                ntk12[k] *= out[1];
            }
            return;
        }
        double sqrtQ11 = Math.sqrt(q11);
        AtomicReferenceArray<HermitePanel> store = panels(q22);
        HermitePanel.Scratch scratch = SCRATCH.get();
        for (int k0 = 0; k0 < count; ) {
            // the part of the row in one panel: columns [t0, t0 + n) of panel m
            int index = from + k0, m = index / HermitePanel.COLUMNS, t0 = index % HermitePanel.COLUMNS;
            int n = Math.min(count - k0, HermitePanel.COLUMNS - t0);
            HermitePanel panel = panel(f, store, q22, m, t0, n);
            if (!panel.serves(a)) {
                // a row of another parity than the panel's columns: every entry by the per-pair path
                for (int j = 0; j < n; j++) {
                    seriesOrQuadrature(f, a, q11, q12[k0 + j], q22[index + j], out);
                    q12[k0 + j] = out[0];
                    ntk12[k0 + j] *= out[1];
                }
                k0 += n;
                continue;
            }
            double[] q = scratch.q, ntk = scratch.ntk, prod = scratch.prod, d = scratch.d;
            System.arraycopy(q12, k0, q, t0, n);
            System.arraycopy(ntk12, k0, ntk, t0, n);
            panel.row(a, sqrtQ11, t0, n, scratch);
            for (int t = t0; t < t0 + n; t++) {
                prod[t] = ntk[t] * d[t];
            }
            System.arraycopy(scratch.t, t0, q12, k0, n);
            System.arraycopy(prod, t0, ntk12, k0, n);
            // the entries the sweep did not finish, and u = v
            for (int j = 0; j < n; j++) {
                int t = t0 + j;
                double p12 = q[t], p22 = q22[index + j];
                boolean same = p12 == q11 && p22 == q11;
                if (!same && !scratch.pending[t]) {
                    continue;
                }
                if (same) {
                    // u = v: the diagonals, as series() gives them
                    out[0] = a.diag();
                    out[1] = a.diagDot();
                } else {
                    // beyond the packed degrees (or a column of another parity): the per-pair path, which
                    // grows the expansions in the memo; enough of these and the panel is packed anew
                    seriesOrQuadrature(f, a, q11, p12, p22, out);
                    if (!panel.unserved(t) && panel.slowEntries() == REPACK_AFTER && panel.generation() < REPACKS) {
                        store.compareAndSet(m, panel, new HermitePanel(this, f, q22, m * HermitePanel.COLUMNS,
                                panel.count(), panel.lo(), panel.hi(), panel.generation() + 1));
                    }
                }
                q12[k0 + j] = out[0];
                ntk12[k0 + j] = ntk[t] * out[1];
            }
            k0 += n;
        }
    }

    /** Entries left to the per-pair path before a panel is packed anew from the (grown) expansions. */
    private static final int REPACK_AFTER = 64;
    /** The most times a panel is packed anew: a pair beyond {@link HermitePanel#MAX_WIDTH} never fits. */
    private static final int REPACKS = 2;
    private static final ThreadLocal<HermitePanel.Scratch> SCRATCH = ThreadLocal.withInitial(HermitePanel.Scratch::new);

    /**
     * The panels of each column array in use, by identity and held weakly: a kernel matrix's trajectories
     * (all layers' q22 of all inputs) get their panels packed once, shared by all rows and threads, and
     * dropped with the array — at the first collection after it, by a cleaner, not only at the next lookup
     * (the panels of an N = 4000 matrix hold 40–80 MB).
     */
    private final Map<double[], Long> panelIds = new WeakHashMap<>();
    private final Map<Long, AtomicReferenceArray<HermitePanel>> panelStores = new HashMap<>();
    private long nextPanelId;
    private static final Cleaner CLEANER = Cleaner.create();

    /** The panels of column array q22 (created empty on first use). */
    AtomicReferenceArray<HermitePanel> panels(double[] q22) {
        synchronized (panelStores) {
            Long id = panelIds.get(q22);
            if (id != null) {
                return panelStores.get(id);
            }
            long fresh = nextPanelId++;
            AtomicReferenceArray<HermitePanel> store =
                    new AtomicReferenceArray<>((q22.length + HermitePanel.COLUMNS - 1) / HermitePanel.COLUMNS);
            panelIds.put(q22, fresh);
            panelStores.put(fresh, store);
            // the action holds the id, not the array; it drops the store itself, because a WeakHashMap value
            // would stay until the map's own reference queue is polled, which the cleaner may run before
            CLEANER.register(q22, () -> dropPanels(fresh));
            return store;
        }
    }

    private void dropPanels(long id) {
        synchronized (panelStores) {
            panelStores.remove(id);
        }
    }


    /**
     * Panel m of the column array, holding q22[m·COLUMNS + t0, … + n) as they are now: packed if absent,
     * if the caller has since rewritten those values, or with its range widened to them.
     */
    private HermitePanel panel(Activation f, AtomicReferenceArray<HermitePanel> store, double[] q22, int m, int t0,
                               int n) {
        HermitePanel panel = store.get(m);
        int start = m * HermitePanel.COLUMNS, count = Math.min(HermitePanel.COLUMNS, q22.length - start);
        if (panel == null || !panel.holds(q22, start + t0, t0, n)) {
            panel = new HermitePanel(this, f, q22, start, count, t0, t0 + n, 0);
            store.set(m, panel);
        } else if (!panel.covers(t0, n)) {
            panel = new HermitePanel(this, f, q22, start, count, Math.min(panel.lo(), t0),
                    Math.max(panel.hi(), t0 + n), panel.generation());
            store.set(m, panel);
        }
        return panel;
    }

    /**
     * T and Ṫ of a smooth φ into out[0], out[1], given the expansion a of q11: each map by the series where
     * its bound holds within {@link HermiteExpansion#MAX_DEGREE} terms, else by 2-D quadrature.
     * The one place where that choice is made, for single pairs and for rows alike.
     */
    void seriesOrQuadrature(Activation f, HermiteExpansion a, double q11, double q12, double q22, double[] out) {
        int done = series(f, a, q11, q12, q22, out, true, true);
        if ((done & T) == 0) {
            out[0] = GaussianQuadrature.activations().t(f, q11, q12, q22);
        }
        if ((done & T_DOT) == 0) {
            out[1] = GaussianQuadrature.activations().tDot(f, q11, q12, q22);
        }
    }

    /** {@link #tAndTDot} given the (initial) expansion a of q11. */
    private int series(Activation f, HermiteExpansion a, double q11, double q12, double q22, double[] out,
                       boolean wantT, boolean wantTDot) {
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
            // NaN: the bound is not met within the degrees both expansions reach
            double t = wantT ? HermiteExpansion.series(a, b, rho, false) : 0;
            double tDot = wantTDot ? HermiteExpansion.series(a, b, rho, true) : 0;
            int reach = Math.min(a.degree(), b.degree());
            if ((!Double.isNaN(t) && !Double.isNaN(tDot)) || reach >= HermiteExpansion.MAX_DEGREE) {
                int done = 0;
                if (wantT && !Double.isNaN(t)) {
                    out[0] = t;
                    done |= T;
                }
                if (wantTDot && !Double.isNaN(tDot)) {
                    out[1] = tDot;
                    done |= T_DOT;
                }
                return done;
            }
            // not within the degrees both expansions reach: lengthen the shorter one(s). Two complete
            // expansions of different degrees meet the bound at any ρ once the shorter reaches the longer
            // (both remainders are then ≤ TARGET at one degree): grow it exactly that far. Otherwise double
            // the reach (up to the cap). Growing an incomplete expansion straight to its completion, as this
            // once did, cost more than it saved: in a kernel matrix of d = 8 inputs nearly every input has a
            // partner beyond degree 32 at layer 0, needing 40–90 terms, and completion meant degree 100–384
            // for all of them (builds were a quarter of Tanh's time); doubling costs at most twice the final
            // build where a pair near ρ = ±1 does need the complete one. The coefficients come from one rule,
            // so a longer expansion extends a shorter one bit for bit and results do not depend on how it grew.
            int next = a.complete() && b.complete() && a.degree() != b.degree()
                    ? Math.max(a.degree(), b.degree())
                    : Math.min(HermiteExpansion.MAX_DEGREE, Math.max(2 * reach, INITIAL_DEGREE));
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
        int home = (int) ((key * 0x9E3779B97F4A7C15L) >>> (64 - BITS));
        // linear probing: a key lives in the first PROBES slots from its home; entries are replaced, never
        // removed singly, so an empty slot ends the search
        int same = -1, empty = -1;
        for (int p = 0; p < PROBES; p++) {
            int j = (home + p) & (SLOTS - 1);
            HermiteExpansion e = slots.get(j);
            if (e == null) {
                empty = j;
                break;
            }
            if (Double.doubleToLongBits(e.variance()) == key) {
                if (e.degree() >= maxDegree || (e.complete() && e.degree() >= minDegree)) {
                    return e;
                }
                same = j;
                break;
            }
        }
        HermiteExpansion e = HermiteExpansion.of(f, q, minDegree, maxDegree);
        if (bytes.addAndGet(e.bytes()) > BUDGET || (same < 0 && entries.incrementAndGet() > SLOTS / 2)) {
            for (int j = 0; j < slots.length(); j++) {
                slots.set(j, null);
            }
            bytes.set(e.bytes());
            entries.set(1);
            same = -1;
            empty = home;
        }
        // over a shorter expansion of the same q, else into the empty slot, else (PROBES live neighbours,
        // which a table this sparse practically never has) over the home slot
        int way = same >= 0 ? same : empty >= 0 ? empty : home;
        HermiteExpansion old = slots.getAndSet(way, e);
        if (old != null) {
            bytes.addAndGet(-old.bytes());
        }
        return e;
    }
}
