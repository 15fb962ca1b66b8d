package org.widenets.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * ELU's T and Ṫ on the Φ₂ route ({@link Elu}: moderate variances, any ρ strictly inside (−1, 1)) over
 * vector lanes, one lane per entry: the block method of kernel matrices and, with one lane, the pair
 * methods, so both give the same bits (a lane's value never depends on the other lanes).
 *
 * <p>The expressions are those of {@link Elu.Pieces#bvn} with the ReLU part of {@link AbRelu}: per entry
 * one Φ₂, A's ({@link VectorBivariateNormal}), one exponential and four erfcx ({@link VectorNormal}),
 * the angle θ by {@link Angles#angleCore}'s steps, and B₁, B₂ by {@link EluOrthantSeries}: b(q, ρ) =
 * ¼erfcx(√q/√2) + P_q(asin ρ) with P_q a Chebyshev series whose coefficients depend on q alone — B₁'s
 * on the row's q11 (built once per call, kept for the last q11), B₂'s on the column's q22 (packed
 * coefficient-major per column array and kept, {@link #columnSeries}, and evaluated in column order
 * before the grouping, so that a vector of consecutive columns loads each coefficient at once). Why: the
 * two Φ₂ of B₁ and B₂ were two thirds of an entry's exponentials, the series are a few dozen fma, and
 * more accurate (e^{q/2} scales Φ₂'s absolute error, not the series'). Entries are grouped by Genz's
 * rule (6, 12, 20 points, expansion) so that each vector runs one branch of A's Φ₂.
 * The block's other entries go through {@link Elu}'s pair method one by one: those off the Φ₂ route
 * (a variance outside [0.01, 12], the rows of deep or high-σ_w² networks) on the conditional-integral
 * route over vector lanes ({@link VectorEluIntegrals}, whose lanes are one entry's quadrature nodes, so
 * nothing is gained by grouping them), the rest (ρ = ±1, x = x′, zero variance) on the scalar code.
 * Only loaded when {@link VectorModule#PRESENT}.
 */
final class EluBlock {

    private static final VectorSpecies<Double> SPECIES = VectorNormal.SPECIES;
    private static final int LANES = VectorNormal.LANES;
    private static final int RULES = VectorBivariateNormal.EXPANSION + 1;
    private static final double INVERSE_TWO_PI = (0.0 - 1) * (0.0 - 1) / (2 * Math.PI); // AbRelu's c for ReLU
    // multiplications instead of Pieces.bvn's divisions by constants (vector division is slow)
    private static final double INVERSE_SQRT_2 = 1 / StandardNormal.SQRT_2, INVERSE_SQRT_2PI = 1 / StandardNormal.SQRT_2PI;
    private static final double TWO_OVER_PI = 2 / Math.PI; // EluOrthantSeries' x = 2θ/π
    /** Columns whose series a thread keeps ({@link #columnSeries}; 18 doubles each: ≈ 19 MB). */
    private static final int MAX_KEPT = 1 << 17;

    private EluBlock() {
    }

    /** T and Ṫ of one entry that takes {@link Elu#vectorRoute}, into out[0], out[1]. */
    static void pair(double alpha, double q11, double q12, double q22, double[] out) {
        Work w = WORK.get();
        for (int e = 0; e < LANES; e++) {
            w.q11[e] = q11;
            w.q12[e] = q12;
            w.q22[e] = q22;
        }
        compute(alpha, q11, rule(q11, q12, q22), 1, w, false);
        out[0] = w.t[0];
        out[1] = w.tDot[0];
    }

    /**
     * {@link Activation#tAndTDot(double, double[], int, double[], double[], int)} for {@link Elu}: entries
     * off the Φ₂ vector route (variances outside [0.01, 12], ρ = ±1, x = x′, bad input) go through the
     * pair method (which takes {@link VectorEluIntegrals} for the valid ones off the Φ₂ route, and
     * validates), the others through {@link #compute} in groups of one rule.
     */
    static void block(Elu elu, double q11, double[] q22, int from, double[] q12, double[] ntk12, int count) {
        Work w = WORK.get();
        w.ensure(count);
        columnOddParts(q11, q22, from, q12, count, w); // before the loop below overwrites q12 in place
        int[] sizes = new int[RULES];
        double[] maps = new double[2];
        for (int b = 0; b < count; b++) {
            double x = q12[b], q = q22[from + b];
            if (Elu.vectorRoute(q11, x, q)) {
                int rule = rule(q11, x, q);
                w.index[rule][sizes[rule]++] = b;
            } else {
                elu.tAndTDot(q11, x, q, maps);
                q12[b] = maps[0];
                ntk12[b] *= maps[1];
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
                int b = index[Math.min(e, n - 1)]; // the tail repeats the last entry: valid arguments
                w.q11[e] = q11;
                w.q12[e] = q12[b];
                w.q22[e] = q22[from + b];
                w.odd2[e] = w.columnOdd[b];
            }
            compute(elu.alpha(), q11, rule, n, w, true);
            for (int e = 0; e < n; e++) {
                int b = index[e];
                q12[b] = w.t[e];
                ntk12[b] *= w.tDot[e];
            }
        }
    }

    /**
     * Genz's rule for the entry, his thresholds 0.3, 0.75, 0.925 on |ρ| compared as ρ² = q12²/(q11q22)
     * without square roots or division (this runs for every entry of a block); rounding can move an entry
     * across a threshold, where both neighbouring rules are accurate.
     */
    private static int rule(double q11, double q12, double q22) {
        double square = q12 * q12, p = q11 * q22;
        return square < 0.09 * p ? 0 : square < 0.5625 * p ? 1 : square < 0.855625 * p ? 2
                : VectorBivariateNormal.EXPANSION;
    }

    /**
     * T and Ṫ of the entries e &lt; n in w.q11 (all equal to q11), w.q12, w.q22 (and the padding up to
     * whole vectors), all of one rule, into w.t and w.tDot.
     */
    private static void compute(double alpha, double q11, int rule, int n, Work w, boolean oddGiven) {
        int np = VectorNormal.padded(n);
        prepare(np, w);
        VectorBivariateNormal.angles(w.sin, w.q12, w.theta, w.asin, np);
        if (!oddGiven) {
            // a pair (every lane the same entry): B₂'s odd part by the scalar operations of the lanes of
            // columnOddParts, with q22's series kept per thread like q11's
            double q22 = w.q22[0];
            if (w.series2 == null || w.series2Variance != q22) {
                w.series2 = EluOrthantSeries.of(q22);
                w.series2Variance = q22;
            }
            java.util.Arrays.fill(w.odd2, 0, np, w.series2.oddPart(w.asin[0]));
        }
        // B₁'s series depends on the row only (q11 is the same in every lane of a call, block or pair):
        // kept per thread for the last q11, a function of q11 alone, so pairs and blocks get the same bits
        if (w.series == null || w.seriesVariance != q11) {
            w.series = EluOrthantSeries.of(q11).coefficients();
            w.seriesVariance = q11;
        }
        // erfcx(s₁/√2) likewise: one vector, copied — the same bits as computing it lane by lane
        VectorNormal.exp(w.exps, 0, np);
        VectorNormal.erfcx(w.erfcx, 0, np + LANES);
        VectorNormal.erfcx(w.erfcx, 2 * np, 4 * np);
        java.util.Arrays.fill(w.erfcx, np + LANES, 2 * np, w.erfcx[np]);
        VectorBivariateNormal.upper(rule, n, 1, w.h, w.k, w.rho, w.r, w.asin, w.phi2, w.scratch);
        assemble(alpha, np, w);
    }

    /**
     * √q, √(q11q22 − q12²), ρ, r = √(1 − ρ²) from the covariance, A's Φ₂ upper limits
     * (s₁ + ρs₂, ρs₁ + s₂), the argument of its exponential e^{(q11 + 2q12 + q22)/2} and those of the four
     * erfcx of {@link Elu.Pieces#bvn}.
     */
    private static void prepare(int np, Work w) {
        for (int o = 0; o < np; o += LANES) {
            DoubleVector q11 = DoubleVector.fromArray(SPECIES, w.q11, o);
            DoubleVector q12 = DoubleVector.fromArray(SPECIES, w.q12, o);
            DoubleVector q22 = DoubleVector.fromArray(SPECIES, w.q22, o);
            DoubleVector s1 = q11.sqrt(), s2 = q22.sqrt(), p = s1.mul(s2);
            // Angles.sinTheta below 2⁵⁰⁰: q11q22 − q12² with both products rounded once
            DoubleVector square = q12.mul(q12);
            DoubleVector sin = q11.fma(q22, square.neg()).sub(q12.fma(q12, square.neg())).max(0.0).sqrt();
            DoubleVector rho = q12.div(p).min(1).max(-1);
            DoubleVector r = sin.div(p).min(1);
            rho.intoArray(w.rho, o);
            r.intoArray(w.r, o);
            sin.intoArray(w.sin, o);
            s1.intoArray(w.s1, o);
            s2.intoArray(w.s2, o);
            rho.mul(s2).add(s1).intoArray(w.h, o);
            rho.mul(s1).add(s2).intoArray(w.k, o);
            q11.add(q12.mul(2)).add(q22).mul(0.5).intoArray(w.exps, o);
            s2.mul(INVERSE_SQRT_2).intoArray(w.erfcx, o);
            s1.mul(INVERSE_SQRT_2).intoArray(w.erfcx, np + o);
            r.mul(s2).mul(INVERSE_SQRT_2).intoArray(w.erfcx, 2 * np + o);
            r.mul(s1).mul(INVERSE_SQRT_2).intoArray(w.erfcx, 3 * np + o);
        }
    }

    /**
     * B₂'s odd part ({@link EluOrthantSeries#oddPart} for q22 at θ = asin ρ) of every entry of a block, in
     * column order, into w.columnOdd: the coefficients of consecutive columns are contiguous in the
     * packed store ({@link #columnSeries}), so a vector of lanes loads each one at once. asin ρ by the
     * operations of {@link #prepare} and {@link VectorBivariateNormal#angles}, so the bits of a pair's.
     * Entries off the vector route get values that are not used.
     */
    private static void columnOddParts(double q11, double[] q22, int from, double[] q12, int count, Work w) {
        int cp = VectorNormal.padded(count);
        for (int b = 0; b < cp; b++) {
            int c = Math.min(b, count - 1);
            w.columnQ12[b] = q12[c];
            w.columnQ22[b] = q22[from + c];
        }
        ColumnStore store = columnSeries(q22, from, count, w);
        int base = store.base;
        double[][] packed = store.packed;
        for (int o = 0; o < cp; o += LANES) {
            DoubleVector x12 = DoubleVector.fromArray(SPECIES, w.columnQ12, o);
            DoubleVector x22 = DoubleVector.fromArray(SPECIES, w.columnQ22, o);
            DoubleVector x11 = DoubleVector.broadcast(SPECIES, q11);
            DoubleVector square = x12.mul(x12);
            x11.fma(x22, square.neg()).sub(x12.fma(x12, square.neg())).max(0.0).sqrt().intoArray(w.columnSin, o);
        }
        VectorBivariateNormal.angles(w.columnSin, w.columnQ12, w.columnTheta, w.columnAsin, cp);
        int terms = EluOrthantSeries.TERMS;
        for (int o = 0; o < cp; o += LANES) {
            int at = from - base + o;
            DoubleVector x = DoubleVector.fromArray(SPECIES, w.columnAsin, o).mul(TWO_OVER_PI);
            DoubleVector twoY = x.mul(4).fma(x, DoubleVector.broadcast(SPECIES, -2));
            DoubleVector c1 = DoubleVector.zero(SPECIES), c2 = c1;
            for (int i = terms - 1; i >= 1; i--) {
                DoubleVector c0 = twoY.fma(c1, DoubleVector.fromArray(SPECIES, packed[i], at).sub(c2));
                c2 = c1;
                c1 = c0;
            }
            x.mul(twoY.fma(c1, DoubleVector.fromArray(SPECIES, packed[0], at).sub(c2)).sub(c1)).intoArray(w.columnOdd, o);
        }
    }

    /**
     * The store of the series coefficients ({@link EluOrthantSeries#coefficients}) of columns
     * q22[from … from + count), at packed[i][c − base] (coefficient-major), made current: per thread, each
     * column array (by identity, weakly) keeps its store — a kernel matrix passes one array of all layers'
     * column variances for every row, a depth sweep one per layer, so each column's series is built once
     * per array and thread, not once per row. Each column is checked against the value it was built for
     * (callers may refill an array) and (re)built in one batch over vector lanes. Columns outside the Φ₂
     * route's variances are left as they are (finite; their lanes' results are not used). At most
     * {@link #MAX_KEPT} columns are kept per thread (18 doubles each); beyond, the stores are dropped, and
     * an array longer than that gets the block's columns built per call.
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
            EluOrthantSeries.coefficients(w.buildVariances, todo, w.buildCoefficients, 0, w.buildValues);
            for (int t = 0; t < todo; t++) {
                int c = w.buildColumns[t] - base;
                for (int i = 0; i < EluOrthantSeries.TERMS; i++) {
                    store.packed[i][c] = w.buildCoefficients[i][t];
                }
                store.key[c] = w.buildVariances[t];
            }
        }
        return store;
    }

    /** Series coefficients of a column array (or a part from base on), coefficient-major, and their keys. */
    private static final class ColumnStore {
        final double[][] packed;
        final double[] key;
        final int base;

        ColumnStore(int length, int base) {
            this.base = base;
            packed = new double[EluOrthantSeries.TERMS][length + LANES];
            key = new double[length + LANES];
            java.util.Arrays.fill(key, Double.NaN);
        }
    }

    /**
     * The pieces of {@link Elu.Pieces#bvn} and T, Ṫ from them and from ReLU's; B₁ = ¼erfcx(s₁/√2) + P
     * and X₂₁ = ½erfcx(s₁/√2) − B₁ = ¼erfcx(s₁/√2) − P with P the odd part of {@link EluOrthantSeries}
     * at θ = asin ρ, by its Clenshaw recurrence (the same operations as {@link EluOrthantSeries#oddPart}).
     */
    private static void assemble(double alpha, int np, Work w) {
        double[] series = w.series;
        for (int o = 0; o < np; o += LANES) {
            DoubleVector x = DoubleVector.fromArray(SPECIES, w.asin, o).mul(TWO_OVER_PI);
            DoubleVector twoY = x.mul(4).fma(x, DoubleVector.broadcast(SPECIES, -2));
            DoubleVector c1 = DoubleVector.zero(SPECIES), c2 = c1;
            for (int i = series.length - 1; i >= 1; i--) {
                DoubleVector c0 = twoY.fma(c1, DoubleVector.broadcast(SPECIES, series[i]).sub(c2));
                c2 = c1;
                c1 = c0;
            }
            DoubleVector odd = x.mul(twoY.fma(c1, DoubleVector.broadcast(SPECIES, series[0]).sub(c2)).sub(c1));
            DoubleVector quarter1 = DoubleVector.fromArray(SPECIES, w.erfcx, np + o).mul(0.25);
            DoubleVector q12 = DoubleVector.fromArray(SPECIES, w.q12, o);
            DoubleVector s1 = DoubleVector.fromArray(SPECIES, w.s1, o), s2 = DoubleVector.fromArray(SPECIES, w.s2, o);
            DoubleVector theta = DoubleVector.fromArray(SPECIES, w.theta, o);
            DoubleVector a = DoubleVector.fromArray(SPECIES, w.exps, o).mul(DoubleVector.fromArray(SPECIES, w.phi2, o));
            DoubleVector b1 = quarter1.add(odd);
            DoubleVector odd2 = DoubleVector.fromArray(SPECIES, w.odd2, o);
            DoubleVector quarter2 = DoubleVector.fromArray(SPECIES, w.erfcx, o).mul(0.25);
            DoubleVector b2 = quarter2.add(odd2);
            DoubleVector x12 = quarter2.sub(odd2);
            DoubleVector x21 = quarter1.sub(odd);
            DoubleVector p0 = theta.neg().add(Math.PI).mul(INVERSE_TWO_PI);
            DoubleVector c12 = q12.mul(x12).add(s1.mul(INVERSE_SQRT_2PI)
                    .mul(DoubleVector.fromArray(SPECIES, w.erfcx, 2 * np + o).mul(0.5).sub(0.5)));
            DoubleVector c21 = q12.mul(x21).add(s2.mul(INVERSE_SQRT_2PI)
                    .mul(DoubleVector.fromArray(SPECIES, w.erfcx, 3 * np + o).mul(0.5).sub(0.5)));
            DoubleVector d = a.sub(b1).sub(b2).add(p0);
            DoubleVector tDotRelu = theta.mul(-INVERSE_TWO_PI).add(0.5);
            DoubleVector tRelu = DoubleVector.fromArray(SPECIES, w.sin, o).mul(INVERSE_TWO_PI).add(tDotRelu.mul(q12));
            tRelu.add(c12.add(c21).mul(alpha)).add(d.mul(alpha * alpha)).intoArray(w.t, o);
            tDotRelu.add(x12.add(x21).mul(alpha)).add(a.mul(alpha * alpha)).intoArray(w.tDot, o);
        }
    }

    /** Per-thread working arrays, grown on demand; sized for a block plus the padding of a vector. */
    private static final class Work {
        double[] q11, q12, q22, s1, s2, sin, rho, r, asin, theta, t, tDot;
        double[] h, k, phi2, exps, erfcx;
        final VectorBivariateNormal.Scratch scratch = new VectorBivariateNormal.Scratch(1);
        /** {@link EluOrthantSeries#coefficients} for q11 = seriesVariance. */
        double[] series;
        double seriesVariance;
        /** A pair's series for q22 = series2Variance. */
        EluOrthantSeries series2;
        double series2Variance;
        /** B₂'s odd part per lane (group order) and per entry (column order), and the column pass's arrays. */
        double[] odd2, columnOdd, columnQ12, columnQ22, columnSin, columnTheta, columnAsin;
        /** {@link #columnSeries}' stores by column array, their columns, and its build scratch. */
        final java.util.WeakHashMap<double[], ColumnStore> stores = new java.util.WeakHashMap<>();
        int keptColumns;
        int[] buildColumns;
        double[] buildVariances, buildValues;
        double[][] buildCoefficients;
        int[][] index = new int[RULES][];

        Work() {
            allocate(LANES);
        }

        void ensure(int count) {
            if (index[0].length < count) {
                allocate(VectorNormal.padded(count));
            }
        }

        private void allocate(int c) {
            q11 = new double[c];
            q12 = new double[c];
            q22 = new double[c];
            s1 = new double[c];
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
            phi2 = new double[c];
            exps = new double[c];
            erfcx = new double[4 * c];
            odd2 = new double[c];
            columnOdd = new double[c];
            columnQ12 = new double[c];
            columnQ22 = new double[c];
            columnSin = new double[c];
            columnTheta = new double[c];
            columnAsin = new double[c];
            buildColumns = new int[c];
            buildVariances = new double[c];
            buildValues = new double[EluOrthantSeries.NODES * c];
            buildCoefficients = new double[EluOrthantSeries.TERMS][c];
            for (int rule = 0; rule < RULES; rule++) {
                index[rule] = new int[c];
            }
        }
    }

    private static final ThreadLocal<Work> WORK = ThreadLocal.withInitial(Work::new);
}
