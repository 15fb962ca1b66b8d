package org.widenets.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * ELU's T and Ṫ on the Φ₂ route ({@link Elu}: moderate variances, any ρ strictly inside (−1, 1)) over
 * vector lanes, one lane per entry: the block method of kernel matrices and, with one lane, the pair
 * methods, so both give the same bits (a lane's value never depends on the other lanes).
 *
 * <p>The expressions are those of {@link Elu.Pieces#bvn} with the ReLU part of {@link AbRelu}: per entry
 * D = E[(e^u − 1)(e^v − 1)·1[u &lt; 0, v &lt; 0]] by {@link EluMehlerSeries} where |ρ| &lt; 0.7
 * (Σₙ ρⁿgₙ(q11)gₙ(q22): 13 to 77 terms, one multiplication and one fma each) and A = D + B₁ + B₂ − (π − θ)/(2π),
 * else A as e^{(q11 + 2q12 + q22)/2}·Φ₂ ({@link VectorBivariateNormal#scaledUpper}, whose e^{…} enters its
 * exponents) and D = A − B₁ − B₂ + (π − θ)/(2π); two erfcx
 * ({@link VectorNormal}), the angle θ by {@link Angles#angleCore}'s steps, and B₁, B₂ by
 * {@link EluOrthantSeries}: b(q, ρ) = ¼erfcx(√q/√2) + P_q(asin ρ) with P_q a Chebyshev series whose
 * coefficients depend on q alone. Why series: Φ₂ costs an exponential per node, a few dozen fma cost
 * less, and the series are more accurate (e^{q/2} scales Φ₂'s absolute error, not the series'). The row's
 * coefficients (B₁'s series, erfcx(s₁/√2), D's gₙ(q11)) are built once per call and kept for the last q11;
 * the column's on the column only: packed coefficient-major per column array and kept
 * ({@link #columnSeries}), so that a vector of consecutive columns loads each coefficient at once.
 *
 * <p>Passes over a block, as stages over arrays ({@link VectorNormal} says why): the covariance's s₂, ρ,
 * √(1 − ρ²), A's route and series length, θ, asin ρ and the erfcx in column order over all entries; A's
 * series over all entries ({@link #mehler}); A's Φ₂ over the entries with |ρ| ≥ 0.7, grouped by its rule
 * ({@link #rule}: 14 to 20 points by |ρ|, or the expansion) so that each vector runs one, gathered and
 * scattered by index; B's series; then the assembly, in column order again. The block's other entries go
 * through {@link Elu}'s pair method one by one: those
 * off the Φ₂ route (a variance outside [0.01, 24], the rows of deep or high-σ_w² networks) on the
 * conditional-integral route over vector lanes ({@link VectorEluIntegrals}, whose lanes are one entry's
 * quadrature nodes, so nothing is gained by grouping them), the rest (ρ = ±1, x = x′, zero variance) on the
 * scalar code. Their lanes in the passes hold whatever their arguments give (NaN at worst) and are not used.
 * Only loaded when {@link VectorModule#PRESENT}.
 */
final class EluBlock {

    private static final VectorSpecies<Double> SPECIES = VectorNormal.SPECIES;
    private static final int LANES = VectorNormal.LANES;
    private static final int RULES = VectorBivariateNormal.EXPANSION + 1;
    /** {@link VectorBivariateNormal}'s rules of 14, 16, 20 points (consecutive indices). */
    private static final int PLACKETT_14 = 2, PLACKETT_16 = 3, PLACKETT_20 = 4;
    private static final double INVERSE_TWO_PI = (0.0 - 1) * (0.0 - 1) / (2 * Math.PI); // AbRelu's c for ReLU
    // multiplications instead of Pieces.bvn's divisions by constants (vector division is slow)
    private static final double INVERSE_SQRT_2 = 1 / StandardNormal.SQRT_2, INVERSE_SQRT_2PI = 1 / StandardNormal.SQRT_2PI;
    private static final double TWO_OVER_PI = 2 / Math.PI; // EluOrthantSeries' x = 2θ/π
    /**
     * Columns whose coefficients a thread keeps ({@link #columnSeries}; 101 doubles each — B's series, D's
     * gₙ, erfcx, key: ≈ 105 MB).
     */
    private static final int MAX_KEPT = 1 << 17;
    /** The longest column array a thread keeps a store for on its own (≈ 210 MB). */
    private static final int MAX_LONG = 1 << 18;

    private EluBlock() {
    }

    /** T and Ṫ of one entry that takes {@link Elu#vectorRoute}, into out[0], out[1]. */
    static void pair(double alpha, double q11, double q12, double q22, double[] out) {
        Work w = WORK.get();
        for (int e = 0; e < LANES; e++) {
            w.q12[e] = q12;
            w.q22[e] = q22;
        }
        w.route[0] = true;
        run(alpha, q11, pairStore(q22, w), 0, 1, w);
        out[0] = w.t[0];
        out[1] = w.tDot[0];
    }

    /**
     * {@link Activation#tAndTDot(double, double[], int, double[], double[], int)} for {@link Elu}: entries
     * off the Φ₂ vector route (variances outside [0.01, 24], ρ = ±1, x = x′, bad input) go through the
     * pair method (which takes {@link VectorEluIntegrals} for the valid ones off the Φ₂ route, and
     * validates), the others through {@link #run}.
     */
    static void block(Elu elu, double q11, double[] q22, int from, double[] q12, double[] ntk12, int count) {
        Work w = WORK.get();
        w.ensure(count);
        int cp = VectorNormal.padded(count);
        for (int b = 0; b < cp; b++) { // before the loop below overwrites q12 in place
            int c = Math.min(b, count - 1); // the tail repeats the last entry
            w.q12[b] = q12[c];
            w.q22[b] = q22[from + c];
        }
        double[] maps = new double[2];
        boolean any = false;
        for (int b = 0; b < count; b++) {
            double x = q12[b], q = q22[from + b];
            boolean route = Elu.vectorRoute(q11, x, q);
            w.route[b] = route;
            if (route) {
                any = true;
            } else {
                elu.tAndTDot(q11, x, q, maps);
                q12[b] = maps[0];
                ntk12[b] *= maps[1];
            }
        }
        if (!any) { // a row off the route (q11 outside [0.01, 24]) or nothing but x = x′
            return;
        }
        ColumnStore store = columnSeries(q22, from, count, w);
        run(elu.alpha(), q11, store, from - store.base, count, w);
        for (int b = 0; b < count; b++) {
            if (w.route[b]) {
                q12[b] = w.t[b];
                ntk12[b] *= w.tDot[b];
            }
        }
    }

    /**
     * The Plackett rule for A's Φ₂ where |ρ| ≥ 0.7 ({@link VectorBivariateNormal#PLACKETT_POINTS}): 14, 16, 20
     * points for |ρ| below 0.85, 0.9, 0.925 (one rule finer where a variance exceeds 12, as the integrand
     * steepens with the variances), else the expansion branch, compared as ρ² = q12²/(q11q22) without square
     * roots or division; rounding can move an entry across a threshold, where both neighbouring rules are
     * accurate. Below 0.7, A comes from D by {@link EluMehlerSeries}.
     *
     * <p>Why not Genz's bands: A = e^{(q11 + 2q12 + q22)/2}·Φ₂ needs Φ₂ to a relative, not an absolute,
     * accuracy, and its Plackett integrand (times that factor) grows from e^{−(ρ²(q11 + q22) + 2ρs₁s₂)/2} to 1
     * along the path, so the points needed depend on |ρ| more finely than Genz's bands resolve. Measured
     * against A to 25 digits (mpmath: A as a 1-D integral, 3 000 random entries with variances in [0.01, 12]),
     * worst relative error per band with these rules: 2.3e-14, 1.4e-14, 1.4e-14 — the rounding floor of the
     * exponent arguments (≈ 1e-14 at q = 12); Genz's 12 points left 8e-14 at |ρ| = 0.7–0.75. EluBlockTest
     * checks T and Ṫ against an independent quadrature of A.
     */
    static int rule(double q11, double q12, double q22) {
        double square = q12 * q12, p = q11 * q22;
        int rule = square < 0.7225 * p ? PLACKETT_14 : square < 0.81 * p ? PLACKETT_16
                : square < 0.855625 * p ? PLACKETT_20 : VectorBivariateNormal.EXPANSION;
        // above 12 (the Φ₂ route reaches 24 on lanes, Elu.useBvn) one rule finer
        return rule < PLACKETT_20 && Math.max(q11, q22) > 12 ? rule + 1 : rule;
    }

    /**
     * T and Ṫ of the entries b &lt; count with covariance (q11, w.q12[b], w.q22[b]) (and the padding up to
     * whole vectors, which repeats the last entry) into w.t, w.tDot; only the entries with w.route[b] are
     * computed, the others' lanes are not used. B₂'s coefficients and erfcx(s₂/√2) of entry
     * b at index at + b of the store.
     */
    private static void run(double alpha, double q11, ColumnStore store, int at, int count, Work w) {
        int cp = VectorNormal.padded(count);
        // B₁'s series and erfcx(s₁/√2) depend on the row only (q11 is the same in every lane of a call, block
        // or pair): built as a column's are (build) and kept per thread for the last q11, a function of q11
        // alone, so pairs and blocks get the same bits
        if (w.seriesVariance != q11) {
            w.buildVariances[0] = q11;
            build(w.buildVariances, 1, w);
            for (int i = 0; i < EluOrthantSeries.TERMS; i++) {
                w.series[i] = w.buildCoefficients[i][0];
            }
            w.rowErfcx = w.buildErfcx[0];
            EluMehlerSeries.coefficients(q11, w.rowErfcx, w.rowMehler, 0);
            w.seriesVariance = q11;
        }
        prepare(q11, cp, w);
        VectorBivariateNormal.angles(w.sin, w.q12, w.theta, w.asin, cp);
        VectorNormal.erfcx(w.erfcx, 0, 2 * cp);
        mehler(store, at, cp, w);
        plackett(count, w);
        oddParts(store, at, cp, w);
        assemble(alpha, store, at, cp, w);
    }

    /**
     * Per entry: √q22, √(q11q22 − q12²), ρ, r = √(1 − ρ²), A's Φ₂ upper limits (s₁ + ρs₂, ρs₁ + s₂), the
     * logarithm of its factor, (q11 + 2q12 + q22)/2, and the arguments of erfcx(r·s₂/√2), erfcx(r·s₁/√2).
     */
    private static void prepare(double q11, int cp, Work w) {
        int[] ends = EluMehlerSeries.BAND_TERMS;
        double[] bands = EluMehlerSeries.BAND_RHO_SQUARE;
        w.q11 = q11;
        DoubleVector x11 = DoubleVector.broadcast(SPECIES, q11), s1 = x11.sqrt();
        for (int o = 0; o < cp; o += LANES) {
            DoubleVector q12 = DoubleVector.fromArray(SPECIES, w.q12, o);
            DoubleVector q22 = DoubleVector.fromArray(SPECIES, w.q22, o);
            DoubleVector s2 = q22.sqrt(), p = s1.mul(s2);
            // Angles.sinTheta below 2⁵⁰⁰: q11q22 − q12² with both products rounded once
            DoubleVector square = q12.mul(q12);
            DoubleVector sin = x11.fma(q22, square.neg()).sub(q12.fma(q12, square.neg())).max(0.0).sqrt();
            DoubleVector rho = q12.div(p).min(1).max(-1);
            DoubleVector r = sin.div(p).min(1);
            rho.intoArray(w.rho, o);
            r.intoArray(w.r, o);
            sin.intoArray(w.sin, o);
            s2.intoArray(w.s2, o);
            rho.mul(s2).add(s1).intoArray(w.h, o);
            rho.mul(s1).add(s2).intoArray(w.k, o);
            x11.add(q12.mul(2)).add(q22).mul(0.5).intoArray(w.logScale, o);
            // D's route as EluMehlerSeries.terms compares: the series' last term by q12² against
            // band·q11q22, 0 for a Plackett rule (|ρ| ≥ 0.7); written out, as a vector carried through a
            // loop here lost its exact class in C2 (see mehler)
            DoubleVector p2 = x11.mul(q22);
            DoubleVector.broadcast(SPECIES, ends[0])
                    .blend(ends[1], square.compare(VectorOperators.GE, p2.mul(bands[0])))
                    .blend(ends[2], square.compare(VectorOperators.GE, p2.mul(bands[1])))
                    .blend(ends[3], square.compare(VectorOperators.GE, p2.mul(bands[2])))
                    .blend(ends[4], square.compare(VectorOperators.GE, p2.mul(bands[3])))
                    .blend(ends[5], square.compare(VectorOperators.GE, p2.mul(bands[4])))
                    .blend(ends[6], square.compare(VectorOperators.GE, p2.mul(bands[5])))
                    .blend(ends[7], square.compare(VectorOperators.GE, p2.mul(bands[6])))
                    .blend(ends[8], square.compare(VectorOperators.GE, p2.mul(bands[7])))
                    .blend(0, square.compare(VectorOperators.GE, p2.mul(bands[8]))).intoArray(w.terms, o);
            r.mul(s2).mul(INVERSE_SQRT_2).intoArray(w.erfcx, o);
            r.mul(s1).mul(INVERSE_SQRT_2).intoArray(w.erfcx, cp + o);
        }
    }

    /**
     * A of the entries on the route into w.a (column order), by rule: gathered into whole vectors of
     * one rule (the tail repeats the rule's last entry: valid arguments),
     * {@link VectorBivariateNormal#scaledUpper}, scattered back.
     */
    private static void plackett(int count, Work w) {
        int[] sizes = w.sizes;
        java.util.Arrays.fill(sizes, 0);
        for (int b = 0; b < count; b++) {
            if (w.route[b] && w.terms[b] == 0) {
                int rule = rule(w.q11, w.q12[b], w.q22[b]);
                w.index[rule][sizes[rule]++] = b;
            }
        }
        for (int rule = 0; rule < RULES; rule++) {
            int n = sizes[rule];
            if (n == 0) {
                continue;
            }
            int[] index = w.index[rule];
            int np = VectorNormal.padded(n);
            for (int e = 0; e < np; e++) {
                int b = index[Math.min(e, n - 1)];
                w.groupH[e] = w.h[b];
                w.groupK[e] = w.k[b];
                w.groupRho[e] = w.rho[b];
                w.groupR[e] = w.r[b];
                w.groupAsin[e] = w.asin[b];
                w.groupScale[e] = w.logScale[b];
            }
            VectorBivariateNormal.scaledUpper(rule, n, w.groupH, w.groupK, w.groupRho, w.groupR, w.groupAsin,
                    w.groupScale, w.groupA, w.scratch);
            for (int e = 0; e < n; e++) {
                w.a[index[e]] = w.groupA[e];
            }
        }
    }

    /**
     * D of every entry by {@link EluMehlerSeries}, into w.d: Σₙ ρⁿ·gₙ(q11)·gₙ(q22) by Horner's rule, term by
     * term over all vectors of the block (sum ← sum·ρ + gₙ(q11)·gₙ(q22) in w.d): no vector is carried
     * from one iteration to the next, so the steps are independent (one Horner chain per vector would wait
     * on the fma latency) and C2 keeps every vector's class exact (with sums carried through the loops of
     * an earlier version it left stores as calls and the stage ran several times slower). Each lane starts
     * at its own last term (w.terms, a band end of the series): a vector joins at the largest end among
     * its lanes (vectors ordered by it, so the vectors of a term are a prefix), and at each smaller band end
     * the sums of the lanes that end there are set to 0 — the state in which they would start there alone
     * — so a lane's value does not depend on its neighbours. Entries on a Plackett rule (w.terms 0) get a
     * value here that the assembly does not use (their A comes from {@link #plackett}).
     */
    private static void mehler(ColumnStore store, int at, int cp, Work w) {
        double[] sum = w.d, rho = w.rho, terms = w.terms;
        double[][] row = w.rowMehler, column = store.mehler;
        int[] ends = EluMehlerSeries.BAND_TERMS, order = w.order, reach = w.reach;
        int bands = ends.length, vectors = cp / LANES;
        java.util.Arrays.fill(reach, 0);
        for (int v = 0; v < vectors; v++) { // the band of each vector's largest end, counted per band
            double most = 0;
            for (int e = v * LANES; e < (v + 1) * LANES; e++) {
                most = Math.max(most, terms[e]);
            }
            int band = 0;
            while (band < bands - 1 && most > ends[band]) {
                band++;
            }
            w.vectorBand[v] = most > 0 ? band : -1; // only entries on Plackett's rules: not a term
            if (most > 0) {
                reach[band]++;
            }
        }
        for (int band = bands - 2; band >= 0; band--) { // reach[b]: vectors whose largest end is ≥ ends[b]
            reach[band] += reach[band + 1];
        }
        int[] next = w.next;
        for (int band = 0; band < bands; band++) {
            next[band] = band == bands - 1 ? 0 : reach[band + 1];
        }
        for (int v = 0; v < vectors; v++) {
            if (w.vectorBand[v] >= 0) {
                order[next[w.vectorBand[v]]++] = v * LANES;
            }
        }
        java.util.Arrays.fill(sum, 0, cp, 0);
        int n = ends[bands - 1];
        for (int band = bands - 1; band >= 0; band--) {
            int active = reach[band], low = band == 0 ? -1 : ends[band - 1];
            for (; n - 3 > low; n -= 4) { // four terms per pass: a quarter of the loads and stores of sum
                double[] c0 = column[n], c1 = column[n - 1], c2 = column[n - 2], c3 = column[n - 3];
                double r0 = row[n][0], r1 = row[n - 1][0], r2 = row[n - 2][0], r3 = row[n - 3][0];
                for (int v = 0; v < active; v++) {
                    int o = order[v], x = at + o;
                    DoubleVector p = DoubleVector.fromArray(SPECIES, rho, o);
                    DoubleVector.fromArray(SPECIES, sum, o).fma(p, DoubleVector.fromArray(SPECIES, c0, x).mul(r0))
                            .fma(p, DoubleVector.fromArray(SPECIES, c1, x).mul(r1))
                            .fma(p, DoubleVector.fromArray(SPECIES, c2, x).mul(r2))
                            .fma(p, DoubleVector.fromArray(SPECIES, c3, x).mul(r3)).intoArray(sum, o);
                }
            }
            for (; n > low; n--) {
                double[] c = column[n];
                double r = row[n][0];
                for (int v = 0; v < active; v++) {
                    int o = order[v];
                    DoubleVector.fromArray(SPECIES, sum, o).fma(DoubleVector.fromArray(SPECIES, rho, o),
                            DoubleVector.fromArray(SPECIES, c, at + o).mul(r)).intoArray(sum, o);
                }
            }
            for (int v = 0; band > 0 && v < active; v++) {
                int o = order[v];
                DoubleVector.fromArray(SPECIES, sum, o)
                        .blend(0, DoubleVector.fromArray(SPECIES, terms, o).compare(VectorOperators.LE, low))
                        .intoArray(sum, o);
            }
        }
    }

    /**
     * The store of the series coefficients ({@link EluOrthantSeries#coefficients}), D's gₙ
     * ({@link EluMehlerSeries#coefficients}) and erfcx(√q/√2) of columns q22[from … from + count), at
     * packed[i][c − base], mehler[n][c − base] (coefficient-major) and erfcx[c − base], made
     * current: per thread, each column array (by identity, weakly) keeps its store — a kernel matrix passes
     * one array of all layers' column variances for every row, a depth sweep one per layer, so each column's
     * series is built once per array and thread, not once per row. Each column is checked against the value
     * it was built for (callers may refill an array) and (re)built in one batch over vector lanes. Columns
     * outside the Φ₂ route's variances are left as they are (finite; their lanes' results are not used). At
     * most {@link #MAX_KEPT} columns of arrays up to that length are kept per thread (beyond, those stores
     * are dropped), and one longer array, up to {@link #MAX_LONG} columns, has a store of its own, replaced by
     * the next longer array: a kernel matrix's array holds N values per layer of the path (a dense and an
     * activation layer per hidden layer), so N·(2L + 2) exceeds MAX_KEPT from N ≈ 6 000 at depth 10 and
     * N ≈ 2 000 at depth 32. Building such an array's columns in every call instead made ELU matrices 1.8×
     * slower at depth 100, N = 1000 (169 → 96 ns per entry with the store). Beyond MAX_LONG the block's
     * columns are built per call, as before.
     */
    private static ColumnStore columnSeries(double[] q22, int from, int count, Work w) {
        ColumnStore store;
        if (q22.length <= MAX_KEPT) {
            store = w.stores.get(q22);
            if (store == null) {
                if (w.keptColumns + q22.length > MAX_KEPT) {
                    w.stores.clear();
                    w.keptColumns = 0;
                }
                store = new ColumnStore(q22.length, 0);
                w.stores.put(q22, store);
                w.keptColumns += q22.length;
            }
        } else if (q22.length <= MAX_LONG) {
            store = w.longStore.get(q22);
            if (store == null) {
                w.longStore.clear(); // one long array at a time
                store = new ColumnStore(q22.length, 0);
                w.longStore.put(q22, store);
            }
        } else {
            store = new ColumnStore(count, from);
        }
        int base = store.base, todo = 0;
        for (int c = from; c < from + count; c++) {
            double q = q22[c];
            if (store.key[c - base] != q && Elu.useBvn(q, 0, q)) { // NaN keys (not built) never match
                w.buildColumns[todo] = c;
                w.buildVariances[todo++] = q;
            }
        }
        if (todo > 0) {
            build(w.buildVariances, todo, w);
            for (int t = 0; t < todo; t++) {
                int c = w.buildColumns[t] - base;
                for (int i = 0; i < EluOrthantSeries.TERMS; i++) {
                    store.packed[i][c] = w.buildCoefficients[i][t];
                }
                store.erfcx[c] = w.buildErfcx[t];
                EluMehlerSeries.coefficients(w.buildVariances[t], w.buildErfcx[t], store.mehler, c);
                store.key[c] = w.buildVariances[t];
            }
        }
        return store;
    }

    /** The series coefficients and erfcx(√q/√2) of the first n variances into w.buildCoefficients, w.buildErfcx. */
    private static void build(double[] variances, int n, Work w) {
        EluOrthantSeries.coefficients(variances, n, w.buildCoefficients, 0, w.buildValues);
        int np = VectorNormal.padded(n);
        for (int t = 0; t < np; t++) {
            w.buildErfcx[t] = Math.sqrt(variances[Math.min(t, n - 1)]) * INVERSE_SQRT_2;
        }
        VectorNormal.erfcx(w.buildErfcx, 0, np);
    }

    /**
     * A pair's store: q22's coefficients and erfcx(s₂/√2) in every lane, built by {@link #build} as a
     * block's columns are (the same bits), kept per thread for the last q22.
     */
    private static ColumnStore pairStore(double q22, Work w) {
        ColumnStore store = w.pairStore;
        if (store.key[0] != q22) {
            w.buildVariances[0] = q22;
            build(w.buildVariances, 1, w);
            for (int e = 0; e < LANES; e++) {
                for (int i = 0; i < EluOrthantSeries.TERMS; i++) {
                    store.packed[i][e] = w.buildCoefficients[i][0];
                }
                store.erfcx[e] = w.buildErfcx[0];
                EluMehlerSeries.coefficients(q22, w.buildErfcx[0], store.mehler, e);
                store.key[e] = q22;
            }
        }
        return store;
    }

    /**
     * Series coefficients and erfcx(√q/√2) of a column array (or of a part from base on), and their keys
     * (the variances built for).
     */
    private static final class ColumnStore {
        final double[][] packed, mehler;
        final double[] erfcx, key;
        final int base;

        ColumnStore(int length, int base) {
            this.base = base;
            packed = new double[EluOrthantSeries.TERMS][length + LANES];
            mehler = new double[EluMehlerSeries.TERMS][length + LANES];
            erfcx = new double[length + LANES];
            key = new double[length + LANES];
            java.util.Arrays.fill(key, Double.NaN);
        }
    }

    /**
     * The odd parts P₁ (row series, into w.odd1) and P₂ (column series from the store, into w.odd2) of
     * {@link EluOrthantSeries} at θ = asin ρ, by its Clenshaw recurrence (the same operations as
     * {@link EluOrthantSeries#oddPart}). A stage of its own, apart from the assembly, whose row constants are
     * broadcast inside its loop: with both in one loop and the constants hoisted by hand, C2 left the
     * assembly's two stores as calls ("failed to inline (intrinsic)": the vector class not a constant) in
     * 2 of 6 JVM runs, which then computed ELU matrices up to 2× slower; 1 of 8 after the split.
     */
    private static void oddParts(ColumnStore store, int at, int cp, Work w) {
        double[] series = w.series;
        double[][] packed = store.packed;
        int terms = EluOrthantSeries.TERMS;
        for (int o = 0; o < cp; o += LANES) {
            DoubleVector x = DoubleVector.fromArray(SPECIES, w.asin, o).mul(TWO_OVER_PI);
            DoubleVector twoY = x.mul(4).fma(x, DoubleVector.broadcast(SPECIES, -2));
            DoubleVector c1 = DoubleVector.zero(SPECIES), c2 = c1, d1 = c1, d2 = c1;
            for (int i = terms - 1; i >= 1; i--) {
                DoubleVector c0 = twoY.fma(c1, DoubleVector.broadcast(SPECIES, series[i]).sub(c2));
                DoubleVector d0 = twoY.fma(d1, DoubleVector.fromArray(SPECIES, packed[i], at + o).sub(d2));
                c2 = c1;
                c1 = c0;
                d2 = d1;
                d1 = d0;
            }
            x.mul(twoY.fma(c1, DoubleVector.broadcast(SPECIES, series[0]).sub(c2)).sub(c1)).intoArray(w.odd1, o);
            x.mul(twoY.fma(d1, DoubleVector.fromArray(SPECIES, packed[0], at + o).sub(d2)).sub(d1)).intoArray(w.odd2, o);
        }
    }

    /**
     * The pieces of {@link Elu.Pieces#bvn} and T, Ṫ from them and from ReLU's; B₁ = ¼erfcx(s₁/√2) + P₁ and
     * X₂₁ = ½erfcx(s₁/√2) − B₁ = ¼erfcx(s₁/√2) − P₁ ({@link #oddParts}), B₂ and X₁₂ likewise with the
     * column's P₂ and erfcx(s₂/√2) from the store.
     */
    private static void assemble(double alpha, ColumnStore store, int at, int cp, Work w) {
        double rowQuarter = w.rowErfcx * 0.25, rowS = Math.sqrt(w.seriesVariance);
        for (int o = 0; o < cp; o += LANES) {
            DoubleVector quarter1 = DoubleVector.broadcast(SPECIES, rowQuarter);
            DoubleVector s1 = DoubleVector.broadcast(SPECIES, rowS);
            DoubleVector odd = DoubleVector.fromArray(SPECIES, w.odd1, o);
            DoubleVector odd2 = DoubleVector.fromArray(SPECIES, w.odd2, o);
            DoubleVector q12 = DoubleVector.fromArray(SPECIES, w.q12, o);
            DoubleVector s2 = DoubleVector.fromArray(SPECIES, w.s2, o);
            DoubleVector theta = DoubleVector.fromArray(SPECIES, w.theta, o);
            // D from the series and A = D + B₁ + B₂ − (π − θ)/(2π), or A from Φ₂ (|ρ| ≥ 0.7: w.terms 0) and D
            // = A − B₁ − B₂ + (π − θ)/(2π)
            VectorMask<Double> phi2 = DoubleVector.fromArray(SPECIES, w.terms, o).compare(VectorOperators.EQ, 0);
            DoubleVector series = DoubleVector.fromArray(SPECIES, w.d, o);
            DoubleVector phi2A = DoubleVector.fromArray(SPECIES, w.a, o);
            DoubleVector b1 = quarter1.add(odd);
            DoubleVector quarter2 = DoubleVector.fromArray(SPECIES, store.erfcx, at + o).mul(0.25);
            DoubleVector b2 = quarter2.add(odd2);
            DoubleVector x12 = quarter2.sub(odd2);
            DoubleVector x21 = quarter1.sub(odd);
            DoubleVector p0 = theta.neg().add(Math.PI).mul(INVERSE_TWO_PI);
            DoubleVector c12 = q12.mul(x12).add(s1.mul(INVERSE_SQRT_2PI)
                    .mul(DoubleVector.fromArray(SPECIES, w.erfcx, o).mul(0.5).sub(0.5)));
            DoubleVector c21 = q12.mul(x21).add(s2.mul(INVERSE_SQRT_2PI)
                    .mul(DoubleVector.fromArray(SPECIES, w.erfcx, cp + o).mul(0.5).sub(0.5)));
            DoubleVector d = series.blend(phi2A.sub(b1).sub(b2).add(p0), phi2);
            DoubleVector a = series.add(b1).add(b2).sub(p0).blend(phi2A, phi2);
            DoubleVector tDotRelu = theta.mul(-INVERSE_TWO_PI).add(0.5);
            DoubleVector tRelu = DoubleVector.fromArray(SPECIES, w.sin, o).mul(INVERSE_TWO_PI).add(tDotRelu.mul(q12));
            tRelu.add(c12.add(c21).mul(alpha)).add(d.mul(alpha * alpha)).intoArray(w.t, o);
            tDotRelu.add(x12.add(x21).mul(alpha)).add(a.mul(alpha * alpha)).intoArray(w.tDot, o);
        }
    }

    /** Per-thread working arrays, grown on demand; sized for a block plus the padding of a vector. */
    private static final class Work {
        double[] q12, q22, s2, sin, rho, r, asin, theta, t, tDot, h, k, a, d, logScale, erfcx, odd1, odd2;
        double[] groupH, groupK, groupRho, groupR, groupAsin, groupScale, groupA;
        boolean[] route;
        double q11;
        /** {@link EluMehlerSeries}' last term index per entry (0: a Plackett rule), and the row's gₙ. */
        double[] terms;
        /** {@link #mehler}'s vectors (their first entries) by band, how many reach each band, scratch. */
        int[] order, vectorBand;
        final int[] reach = new int[EluMehlerSeries.BAND_TERMS.length], next = new int[EluMehlerSeries.BAND_TERMS.length];
        final double[][] rowMehler = new double[EluMehlerSeries.TERMS][1];
        final int[] sizes = new int[RULES];
        final VectorBivariateNormal.Scratch scratch = new VectorBivariateNormal.Scratch(1);
        /** {@link EluOrthantSeries#coefficients} for q11 = seriesVariance (NaN: none yet), and erfcx(√q11/√2). */
        final double[] series = new double[EluOrthantSeries.TERMS];
        double seriesVariance = Double.NaN, rowErfcx;
        /** {@link #columnSeries}' stores by column array, their columns, and its build scratch. */
        final java.util.WeakHashMap<double[], ColumnStore> stores = new java.util.WeakHashMap<>();
        /** The store of the last column array longer than {@link #MAX_KEPT}, weakly by the array. */
        final java.util.WeakHashMap<double[], ColumnStore> longStore = new java.util.WeakHashMap<>();
        final ColumnStore pairStore = new ColumnStore(0, 0);
        int keptColumns;
        int[] buildColumns;
        double[] buildVariances, buildValues, buildErfcx;
        double[][] buildCoefficients;
        int[][] index = new int[RULES][];

        Work() {
            allocate(LANES);
        }

        void ensure(int count) {
            if (route.length < count) {
                allocate(VectorNormal.padded(count));
            }
        }

        private void allocate(int c) {
            q12 = new double[c];
            q22 = new double[c];
            s2 = new double[c];
            sin = new double[c];
            rho = new double[c];
            r = new double[c];
            asin = new double[c];
            theta = new double[c];
            t = new double[c];
            tDot = new double[c];
            h = new double[c];
            k = new double[c];
            a = new double[c];
            d = new double[c];
            logScale = new double[c];
            odd1 = new double[c];
            odd2 = new double[c];
            erfcx = new double[2 * c];
            groupH = new double[c];
            groupK = new double[c];
            groupRho = new double[c];
            groupR = new double[c];
            groupAsin = new double[c];
            groupScale = new double[c];
            groupA = new double[c];
            route = new boolean[c];
            terms = new double[c];
            order = new int[c / LANES + 1];
            vectorBand = new int[c / LANES + 1];
            buildColumns = new int[c];
            buildVariances = new double[c];
            buildErfcx = new double[c];
            buildValues = new double[EluOrthantSeries.NODES * c];
            buildCoefficients = new double[EluOrthantSeries.TERMS][c];
            for (int rule = 0; rule < RULES; rule++) {
                index[rule] = new int[c];
            }
        }
    }

    private static final ThreadLocal<Work> WORK = ThreadLocal.withInitial(Work::new);
}
