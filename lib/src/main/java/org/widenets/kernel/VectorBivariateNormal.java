package org.widenets.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Genz's BVND ({@link BivariateNormal}) over vector lanes: many Φ₂ at once, each lane one evaluation.
 *
 * <p>The same algorithm and the same Gauss–Legendre tables, with the scalar calls replaced by their lane
 * versions ({@link VectorNormal}: exp, Φ; here: sin on |x| &lt; 1.2, the branch-free angle of
 * {@link Angles#angleCore}), so a lane agrees with {@link BivariateNormal} to rounding (≈ 1e-16 absolute;
 * tested). Differences in the operations, made for speed and all of rounding size:
 * <ul>
 *   <li>asin ρ = atan2(ρ, √(1 − ρ²)) with the caller's √(1 − ρ²) (exact from a covariance), by
 *       {@link Angles#angleCore}'s reduction, instead of {@code Math.asin} (which has no lane form);</li>
 *   <li>the per-node factors that depend on ρ only — sin of the node angle and 1/(1 − sin²) on Plackett's
 *       branch; x², 1/x², 1/√(1 − x²) and x²/(2(1 + √(1 − x²))²) on the expansion branch — are computed once
 *       per entry and shared by the m argument pairs of the entry (several Φ₂ with one ρ), so
 *       divisions become multiplications by reciprocals;</li>
 *   <li>erfc beyond 3 by a series in 1/z² instead of the continued fraction ({@link VectorNormal#erfcx}).</li>
 * </ul>
 * Lanes are independent: a lane's value depends on its own arguments only, never on the other lanes or on
 * how many entries a call holds, so a single evaluation and a batch give the same bits. The branch
 * (6 to 20 points of Plackett's integral, {@link #PLACKETT_POINTS}, or the expansion for |ρ| ≥ 0.925) is
 * chosen per call: callers group their entries by a rule first (Genz's, {@link #rule}, or their own).
 *
 * <p>Organised as stages over arrays, for the reason given in {@link VectorNormal}: per vector of
 * entries, the node factors, then the arguments of all exponentials of the quadrature into one array,
 * one {@link VectorNormal#exp} over it, then the weighted sums. Only available with
 * {@link VectorModule#PRESENT}.
 */
final class VectorBivariateNormal {

    private static final VectorSpecies<Double> SPECIES = VectorNormal.SPECIES;
    private static final int LANES = VectorNormal.LANES;

    /**
     * Gauss–Legendre points of Plackett's rules, by rule index. Genz's BVND has three (6, 12, 20, for
     * |ρ| &lt; 0.3, 0.75, 0.925: {@link #rule}); 14 and 16 let a caller that needs Φ₂ to a relative accuracy
     * take bands of |ρ| finer than Genz's (ELU's A from 0.7 on, {@link EluBlock#rule}).
     */
    static final int[] PLACKETT_POINTS = {6, 12, 14, 16, 20};
    /** The rule index after the Plackett rules: the expansion branch (|ρ| ≥ 0.925). */
    static final int EXPANSION = PLACKETT_POINTS.length;
    /** Genz's rules by index: 6, 12, 20 points. */
    private static final int GENZ_6 = 0, GENZ_12 = 1, GENZ_20 = 4;
    /**
     * Negative halves of the rules (nodes x &lt; 0 ascending, their weights; used with ±x): Genz's
     * tabulated values for his three ({@link BivariateNormal#X}, so this class keeps BVND's bits), and for
     * 14 and 16 points the values of Hipparchus' {@code legendreHighPrecision} (correctly rounded; written
     * out because computing them in its decimal arithmetic took 0.45 s at class initialisation;
     * VectorBivariateNormalTest checks them against Hipparchus).
     */
    static final double[][] PLACKETT_X = {BivariateNormal.X[0], BivariateNormal.X[1],
        {-0.9862838086968123, -0.9284348836635735, -0.827201315069765, -0.6872929048116855, -0.5152486363581541,
            -0.31911236892788974, -0.10805494870734367},
        {-0.9894009349916499, -0.9445750230732326, -0.8656312023878318, -0.755404408355003, -0.6178762444026438,
            -0.45801677765722737, -0.2816035507792589, -0.09501250983763744},
        BivariateNormal.X[2]};
    static final double[][] PLACKETT_W = {BivariateNormal.W[0], BivariateNormal.W[1],
        {0.03511946033175186, 0.08015808715976021, 0.12151857068790319, 0.15720316715819355, 0.18553839747793782,
            0.2051984637212956, 0.2152638534631578},
        {0.027152459411754096, 0.062253523938647894, 0.09515851168249279, 0.12462897125553388,
            0.14959598881657674, 0.16915651939500254, 0.18260341504492358, 0.1894506104550685},
        BivariateNormal.W[2]};

    private static final double TWO_PI = 2 * Math.PI, SQRT_TWO_PI = Math.sqrt(TWO_PI);
    /** Nodes of the 20-point rule (both signs), which the expansion branch always uses. */
    private static final int NODES = 20;
    /** Exponentials per argument pair on the expansion branch: e^{asr}, e^{−hk/2}, and two per node. */
    private static final int EXPANSION_EXPS = 2 + 2 * NODES;
    // Divisions by constants as multiplications (vector division is several times slower than
    // multiplication; the roundings differ, the values by an ulp)
    private static final double INVERSE_SQRT_2 = 1 / StandardNormal.SQRT_2;
    private static final double INVERSE_TWO_PI = 1 / TWO_PI, INVERSE_FOUR_PI = 1 / (2 * TWO_PI), THIRD = 1.0 / 3,
            FIFTH = 1.0 / 5;
    /** 1/(1 ± tᵢ)² for the expansion branch's nodes xᵢ = (a/2)(1 ± tᵢ), in node order. */
    private static final double[] EXPANSION_NODE_INVERSES = new double[NODES];

    static {
        double[] x = BivariateNormal.X[2];
        for (int node = 0; node < NODES; node++) {
            double c = (node % 2 == 0 ? -x[node / 2] : x[node / 2]) + 1;
            EXPANSION_NODE_INVERSES[node] = 1 / (c * c);
        }
    }

    // sin x = x + x³·P(x²) for |x| ≤ asin 0.925 < 1.19, Taylor to x¹⁹: remainder x²¹/21! < 7e-19.
    private static final double S3 = -1.0 / 6, S5 = 1.0 / 120, S7 = -1.0 / 5040, S9 = 1.0 / 362880,
            S11 = -1.0 / 39916800, S13 = 1.0 / 6227020800L, S15 = -1.0 / 1307674368000L,
            S17 = 1.0 / 355687428096000L, S19 = -1.0 / 121645100408832000L;

    private VectorBivariateNormal() {
    }

    /** Working arrays of {@link #upper} for up to {@code pairs} argument pairs per entry. */
    static final class Scratch {
        final double[] nodes = new double[4 * NODES * LANES];
        final double[] exps;
        double[] tails = new double[0], cdf = new double[0];
        private final int pairs;

        Scratch(int pairs) {
            this.pairs = pairs;
            exps = new double[pairs * EXPANSION_EXPS * LANES];
        }

        /** Room for np entries (padded). */
        void ensure(int np) {
            if (tails.length < 3 * pairs * np) {
                tails = new double[3 * pairs * np];
                cdf = new double[6 * pairs * np];
            }
        }
    }

    /**
     * out[i] = Φ₂(h[i], k[i]; rho[i]) for every i: entries with finite limits and |ρ| &lt; 1 over lanes,
     * grouped by rule; the others (±∞, ρ = ±1, and bad input, which throws) by {@link BivariateNormal#cdf}.
     */
    static void cdf(double[] h, double[] k, double[] rho, double[] out) {
        int chunk = 512, capacity = VectorNormal.padded(chunk);
        double[] upperH = new double[capacity], upperK = new double[capacity], r = new double[capacity],
                sin = new double[capacity], asin = new double[capacity], theta = new double[capacity],
                result = new double[capacity];
        Scratch scratch = new Scratch(1);
        scratch.ensure(capacity);
        int[][] index = new int[EXPANSION + 1][chunk];
        for (int start = 0; start < h.length; start += chunk) {
            int end = Math.min(h.length, start + chunk);
            int[] sizes = new int[EXPANSION + 1];
            for (int i = start; i < end; i++) {
                double c = (1 - rho[i]) * (1 + rho[i]);
                if (Double.isFinite(h[i]) && Double.isFinite(k[i]) && Math.abs(rho[i]) < 1 && c > 0) {
                    int rule = rule(rho[i]);
                    index[rule][sizes[rule]++] = i;
                } else {
                    out[i] = BivariateNormal.cdf(h[i], k[i], rho[i]);
                }
            }
            for (int rule = 0; rule <= EXPANSION; rule++) {
                int n = sizes[rule];
                if (n == 0) {
                    continue;
                }
                int np = VectorNormal.padded(n);
                for (int e = 0; e < np; e++) {
                    int i = index[rule][Math.min(e, n - 1)];
                    upperH[e] = -h[i];
                    upperK[e] = -k[i];
                    r[e] = rho[i];
                    sin[e] = Math.sqrt((1 - rho[i]) * (1 + rho[i]));
                }
                angles(sin, r, theta, asin, np);
                upper(rule, n, 1, upperH, upperK, r, sin, asin, result, scratch);
                for (int e = 0; e < n; e++) {
                    out[index[rule][e]] = result[e];
                }
            }
        }
    }

    /** Genz's choice for correlation ρ: 6, 12, 20 points for |ρ| &lt; 0.3, &lt; 0.75, &lt; 0.925, else {@link #EXPANSION}. */
    static int rule(double rho) {
        double a = Math.abs(rho);
        return a < 0.3 ? GENZ_6 : a < 0.75 ? GENZ_12 : a < 0.925 ? GENZ_20 : EXPANSION;
    }

    /**
     * Upper orthant probabilities P(Z₁ &gt; h, Z₂ &gt; k) (= Φ₂(−h, −k; ρ)) of n entries that all take
     * {@code rule}, each with m ≤ scratch's argument pairs: pair j of entry e at index j·np + e, with
     * np = n rounded up to whole vectors ({@link VectorNormal#padded}); per entry rho[e],
     * sin[e] = √(1 − ρ²) &gt; 0 and, for Plackett's rules, asin[e] = asin ρ ({@link #angles}). h and k
     * finite. Results to out (same layout as h). Entries from n to np must hold valid arguments too (callers
     * repeat the last one); their results are not used.
     */
    static void upper(int rule, int n, int m, double[] h, double[] k, double[] rho, double[] sin, double[] asin,
                      double[] out, Scratch scratch) {
        int np = VectorNormal.padded(n);
        scratch.ensure(np);
        double[] tails = scratch.tails;
        if (rule < EXPANSION) {
            for (int i = 0; i < m * np; i++) {
                tails[i] = -h[i];
                tails[m * np + i] = -k[i];
            }
            VectorNormal.cdf(tails, scratch.cdf, 2 * m * np);
            for (int i = 0; i < m * np; i++) {
                tails[i] *= tails[m * np + i]; // Φ(−h)Φ(−k)
            }
            plackett(rule, m, np, h, k, asin, null, tails, 0, out, scratch);
        } else {
            expansionTails(np, m, h, k, rho, sin, tails);
            VectorNormal.cdf(tails, scratch.cdf, 3 * m * np);
            for (int o = 0; o < np; o += LANES) {
                expansionNodes(sin, o, scratch.nodes);
                expansionArguments(m, np, h, k, rho, sin, o, scratch.nodes, scratch.exps);
                VectorNormal.exp(scratch.exps, 0, m * EXPANSION_EXPS * LANES);
                expansionSums(m, np, h, k, rho, sin, o, scratch.nodes, scratch.exps, tails, out);
            }
        }
    }

    /**
     * e^{L}·P(Z₁ &gt; h, Z₂ &gt; k) for n entries with one argument pair each and h + k ≥ 0 (at most one limit
     * negative), L = logScale[e]; otherwise as {@link #upper}, whose result it is times e^{L} — but on
     * Plackett's rules without forming e^{L} or Φ(−h)Φ(−k): L goes into each node's exponent, and the
     * product term is e^{L}Φ(−h)Φ(−k) from ½erfcx(|h|/√2), ½erfcx(|k|/√2), e^{L − (h² + k²)/2} and, if a
     * limit is negative, e^{L − k²/2} (h &lt; 0) or e^{L − h²/2} (k &lt; 0), by Φ(−x) = 1 − ½erfcx(−x/√2)e^{−x²/2}
     * for x &lt; 0: two exponentials and two erfcx per entry instead of three and two (ELU's
     * A = e^{(q11 + 2q12 + q22)/2}Φ₂, {@link EluBlock}). The result can exceed 1; it is clamped below at 0.
     */
    static void scaledUpper(int rule, int n, double[] h, double[] k, double[] rho, double[] sin, double[] asin,
                            double[] logScale, double[] out, Scratch scratch) {
        int np = VectorNormal.padded(n);
        scratch.ensure(np);
        if (rule == EXPANSION) {
            upper(rule, n, 1, h, k, rho, sin, asin, out, scratch);
            double[] scale = scratch.cdf;
            System.arraycopy(logScale, 0, scale, 0, np);
            VectorNormal.exp(scale, 0, np);
            for (int o = 0; o < np; o += LANES) {
                DoubleVector.fromArray(SPECIES, out, o).mul(DoubleVector.fromArray(SPECIES, scale, o)).intoArray(out, o);
            }
            return;
        }
        double[] tails = scratch.tails, cdf = scratch.cdf;
        for (int o = 0; o < np; o += LANES) {
            DoubleVector hv = DoubleVector.fromArray(SPECIES, h, o), kv = DoubleVector.fromArray(SPECIES, k, o);
            DoubleVector l = DoubleVector.fromArray(SPECIES, logScale, o);
            hv.abs().mul(INVERSE_SQRT_2).intoArray(tails, o);
            kv.abs().mul(INVERSE_SQRT_2).intoArray(tails, np + o);
            DoubleVector hs = hv.mul(hv).mul(0.5), ks = kv.mul(kv).mul(0.5);
            l.sub(hs).sub(ks).intoArray(cdf, o);
            l.sub(ks.blend(hs, hv.compare(VectorOperators.GE, 0))).intoArray(cdf, np + o);
        }
        VectorNormal.erfcx(tails, 0, 2 * np);
        VectorNormal.exp(cdf, 0, 2 * np);
        for (int o = 0; o < np; o += LANES) {
            DoubleVector hv = DoubleVector.fromArray(SPECIES, h, o), kv = DoubleVector.fromArray(SPECIES, k, o);
            DoubleVector xh = DoubleVector.fromArray(SPECIES, tails, o).mul(0.5);
            DoubleVector xk = DoubleVector.fromArray(SPECIES, tails, np + o).mul(0.5);
            DoubleVector both = xh.mul(xk).mul(DoubleVector.fromArray(SPECIES, cdf, o));
            VectorMask<Double> hNegative = hv.compare(VectorOperators.LT, 0), kNegative = kv.compare(VectorOperators.LT, 0);
            DoubleVector single = DoubleVector.fromArray(SPECIES, cdf, np + o).mul(xk.blend(xh, kNegative));
            both.blend(single.sub(both), hNegative.or(kNegative)).intoArray(tails, 2 * np + o);
        }
        plackett(rule, 1, np, h, k, asin, logScale, tails, 2 * np, out, scratch);
    }

    /**
     * Plackett's sum over the vectors of entries: per vector the node factors, the exponents (plus
     * logScale[e] when not null), one exponential over them, and the weighted sum plus product[offset + at]
     * (the Φ-tail term); clamped to [0, 1] unscaled, below at 0 scaled.
     */
    private static void plackett(int rule, int m, int np, double[] h, double[] k, double[] asin, double[] logScale,
                                 double[] product, int offset, double[] out, Scratch scratch) {
        int count = PLACKETT_POINTS[rule];
        for (int o = 0; o < np; o += LANES) {
            plackettNodes(rule, asin, o, scratch.nodes);
            plackettArguments(rule, m, np, h, k, o, scratch.nodes, logScale, scratch.exps);
            VectorNormal.exp(scratch.exps, 0, m * count * LANES);
            plackettSums(rule, m, np, asin, o, scratch.exps, product, offset, logScale == null, out);
        }
    }

    /**
     * Plackett's branch, |ρ| &lt; 0.925: Φ₂ = Φ(−h)Φ(−k) + (asin ρ/(4π))·Σ wᵢ exp((sᵢhk − (h² + k²)/2)/(1 − sᵢ²))
     * over the Gauss–Legendre nodes sᵢ = sin(asin ρ·(1 ± xᵢ)/2). First the node factors of the vector of
     * entries at o: sᵢ at nodes[i·L], 1/(1 − sᵢ²) at nodes[(count + i)·L] (node order of the scalar loop).
     */
    private static void plackettNodes(int rule, double[] asin, int o, double[] nodes) {
        double[] x = PLACKETT_X[rule];
        int count = 2 * x.length;
        DoubleVector s3 = DoubleVector.broadcast(SPECIES, S3), s5 = DoubleVector.broadcast(SPECIES, S5),
                s7 = DoubleVector.broadcast(SPECIES, S7), s9 = DoubleVector.broadcast(SPECIES, S9),
                s11 = DoubleVector.broadcast(SPECIES, S11), s13 = DoubleVector.broadcast(SPECIES, S13),
                s15 = DoubleVector.broadcast(SPECIES, S15), s17 = DoubleVector.broadcast(SPECIES, S17),
                s19 = DoubleVector.broadcast(SPECIES, S19), one = DoubleVector.broadcast(SPECIES, 1);
        DoubleVector asr = DoubleVector.fromArray(SPECIES, asin, o);
        for (int node = 0; node < count; node++) {
            double xi = x[node / 2];
            DoubleVector angle = asr.mul((node % 2 == 0 ? -xi : xi) + 1).mul(0.5);
            // sin, |angle| < 1.19: Taylor to x¹⁹
            DoubleVector square = angle.mul(angle);
            DoubleVector p = square.fma(s19, s17).fma(square, s15).fma(square, s13).fma(square, s11)
                    .fma(square, s9).fma(square, s7).fma(square, s5).fma(square, s3);
            DoubleVector sn = angle.mul(square).fma(p, angle);
            sn.intoArray(nodes, node * LANES);
            one.div(sn.mul(sn).neg().add(1)).intoArray(nodes, (count + node) * LANES);
        }
    }

    /**
     * The exponents (sᵢhk − (h² + k²)/2)/(1 − sᵢ²) of pair j, node i at exps[(j·count + i)·L], plus
     * logScale[e] when not null (one pair per entry then).
     */
    private static void plackettArguments(int rule, int m, int np, double[] h, double[] k, int o, double[] nodes,
                                          double[] logScale, double[] exps) {
        int count = PLACKETT_POINTS[rule];
        for (int j = 0; j < m; j++) {
            DoubleVector hj = DoubleVector.fromArray(SPECIES, h, j * np + o);
            DoubleVector kj = DoubleVector.fromArray(SPECIES, k, j * np + o);
            DoubleVector hk = hj.mul(kj), hs = hj.mul(hj).add(kj.mul(kj)).mul(0.5);
            for (int node = 0; node < count; node++) {
                DoubleVector sn = DoubleVector.fromArray(SPECIES, nodes, node * LANES);
                DoubleVector inverse = DoubleVector.fromArray(SPECIES, nodes, (count + node) * LANES);
                DoubleVector argument = sn.mul(hk).sub(hs).mul(inverse);
                if (logScale != null) {
                    argument = argument.add(DoubleVector.fromArray(SPECIES, logScale, o));
                }
                argument.intoArray(exps, (j * count + node) * LANES);
            }
        }
    }

    /**
     * Σ wᵢ·exp(…) (exps after exp), times asin ρ/(4π), plus the tail term (product[offset + j·np + e]),
     * clamped to [0, 1] (or only below, at 0, when not unit).
     */
    private static void plackettSums(int rule, int m, int np, double[] asin, int o, double[] exps, double[] product,
                                     int offset, boolean unit, double[] out) {
        double[] w = PLACKETT_W[rule];
        int count = 2 * w.length;
        DoubleVector asr = DoubleVector.fromArray(SPECIES, asin, o);
        for (int j = 0; j < m; j++) {
            DoubleVector sum = DoubleVector.zero(SPECIES);
            for (int node = 0; node < count; node++) {
                sum = sum.add(DoubleVector.fromArray(SPECIES, exps, (j * count + node) * LANES).mul(w[node / 2]));
            }
            int at = j * np + o;
            DoubleVector value = sum.mul(asr).mul(INVERSE_FOUR_PI).add(DoubleVector.fromArray(SPECIES, product, offset + at));
            (unit ? value.min(1) : value).max(0).intoArray(out, at);
        }
    }

    /**
     * The Φ arguments of the expansion branch, three per pair (tails[(3j + t)·np + e]): after k → −k for
     * ρ &lt; 0 (as BVND does), −|h − k|/√(1 − ρ²) for the singular part, and for the closing term
     * −max(h, k) (ρ &gt; 0), or the two ends of Φ(k) − Φ(h) (h &lt; 0) or Φ(−h) − Φ(−k) (ρ &lt; 0).
     */
    private static void expansionTails(int np, int m, double[] h, double[] k, double[] rho, double[] sin,
                                       double[] tails) {
        for (int o = 0; o < np; o += LANES) {
            DoubleVector a = DoubleVector.fromArray(SPECIES, sin, o);
            VectorMask<Double> negative = DoubleVector.fromArray(SPECIES, rho, o).compare(VectorOperators.LT, 0);
            for (int j = 0; j < m; j++) {
                int at = j * np + o;
                DoubleVector hj = DoubleVector.fromArray(SPECIES, h, at), kj = DoubleVector.fromArray(SPECIES, k, at);
                kj = kj.blend(kj.neg(), negative);
                VectorMask<Double> hNegative = hj.compare(VectorOperators.LT, 0);
                hj.sub(kj).abs().div(a).neg().intoArray(tails, 3 * j * np + o);
                hj.max(kj).neg().blend(hj.neg().blend(kj, hNegative), negative).intoArray(tails, (3 * j + 1) * np + o);
                kj.neg().blend(hj, hNegative).intoArray(tails, (3 * j + 2) * np + o);
            }
        }
    }

    /**
     * Expansion branch, |ρ| ≥ 0.925: BVND's integral in the variable √(1 − ρ²) with the singular part taken
     * out by its two-term expansion (accurate up to ρ = ±1 given an exact √(1 − ρ²)). Node factors of
     * the vector at o, 20-point rule, nodes xᵢ = (a/2)(1 ± tᵢ), a = √(1 − ρ²): xᵢ², 1/xᵢ², 1/√(1 − xᵢ²),
     * xᵢ²/(2(1 + √(1 − xᵢ²))²) at nodes[(f·20 + i)·L] for f = 0 … 3.
     */
    private static void expansionNodes(double[] sin, int o, double[] nodes) {
        double[] x = BivariateNormal.X[2];
        DoubleVector one = DoubleVector.broadcast(SPECIES, 1);
        DoubleVector half = DoubleVector.fromArray(SPECIES, sin, o).mul(0.5);
        DoubleVector inverseHalfSquare = one.div(half.mul(half));
        for (int node = 0; node < NODES; node++) {
            double xi = x[node / 2];
            DoubleVector xs = half.mul((node % 2 == 0 ? -xi : xi) + 1);
            xs = xs.mul(xs);
            DoubleVector rs = one.sub(xs).sqrt(), onePlus = rs.add(1);
            // one division for 1/rs and 1/(1 + rs): d = 1/(rs(1 + rs))
            DoubleVector d = one.div(rs.mul(onePlus)), inverseOnePlus = d.mul(rs);
            xs.intoArray(nodes, node * LANES);
            inverseHalfSquare.mul(EXPANSION_NODE_INVERSES[node]).intoArray(nodes, (NODES + node) * LANES);
            d.mul(onePlus).intoArray(nodes, (2 * NODES + node) * LANES);
            xs.mul(inverseOnePlus).mul(inverseOnePlus).mul(0.5).intoArray(nodes, (3 * NODES + node) * LANES);
        }
    }

    /**
     * The exponents of pair j at exps[(j·42 + f)·L]: f = 0: −(bs/a² + hk)/2, 1: −hk/2, 2 + i: node i's
     * −(bs/xᵢ² + hk)/2, 22 + i: node i's −hk·xᵢ²/(2(1 + √(1 − xᵢ²))²), with hk = h·k and bs = (h − k)²
     * after k → −k for ρ &lt; 0.
     */
    private static void expansionArguments(int m, int np, double[] h, double[] k, double[] rho, double[] sin,
                                           int o, double[] nodes, double[] exps) {
        DoubleVector a = DoubleVector.fromArray(SPECIES, sin, o), inverseAs = DoubleVector.broadcast(SPECIES, 1).div(a.mul(a));
        VectorMask<Double> negative = DoubleVector.fromArray(SPECIES, rho, o).compare(VectorOperators.LT, 0);
        for (int j = 0; j < m; j++) {
            int at = j * np + o, base = j * EXPANSION_EXPS;
            DoubleVector hj = DoubleVector.fromArray(SPECIES, h, at), kj = DoubleVector.fromArray(SPECIES, k, at);
            kj = kj.blend(kj.neg(), negative);
            DoubleVector hk = hj.mul(kj), difference = hj.sub(kj), bs = difference.mul(difference);
            DoubleVector minusHk = hk.neg();
            bs.mul(inverseAs).add(hk).mul(-0.5).intoArray(exps, base * LANES);
            hk.mul(-0.5).intoArray(exps, (base + 1) * LANES);
            for (int node = 0; node < NODES; node++) {
                DoubleVector inverseXs = DoubleVector.fromArray(SPECIES, nodes, (NODES + node) * LANES);
                DoubleVector g = DoubleVector.fromArray(SPECIES, nodes, (3 * NODES + node) * LANES);
                bs.mul(inverseXs).add(hk).mul(-0.5).intoArray(exps, (base + 2 + node) * LANES);
                minusHk.mul(g).intoArray(exps, (base + 2 + NODES + node) * LANES);
            }
        }
    }

    /** BVND's expansion sums from the exponentials (exps after exp), then its closing Φ terms (tails). */
    private static void expansionSums(int m, int np, double[] h, double[] k, double[] rho, double[] sin, int o,
                                      double[] nodes, double[] exps, double[] tails, double[] out) {
        double[] w = BivariateNormal.W[2];
        DoubleVector zero = DoubleVector.zero(SPECIES);
        DoubleVector a = DoubleVector.fromArray(SPECIES, sin, o), as = a.mul(a), half = a.mul(0.5);
        DoubleVector inverseAs = DoubleVector.broadcast(SPECIES, 1).div(as);
        VectorMask<Double> negative = DoubleVector.fromArray(SPECIES, rho, o).compare(VectorOperators.LT, 0);
        for (int j = 0; j < m; j++) {
            int at = j * np + o, base = j * EXPANSION_EXPS;
            DoubleVector hj = DoubleVector.fromArray(SPECIES, h, at), kj = DoubleVector.fromArray(SPECIES, k, at);
            kj = kj.blend(kj.neg(), negative);
            DoubleVector hk = hj.mul(kj), difference = hj.sub(kj), bs = difference.mul(difference);
            DoubleVector c = hk.neg().add(4).mul(0.125), d = hk.neg().add(12).mul(0.0625);
            DoubleVector asr = bs.mul(inverseAs).add(hk).mul(-0.5);
            DoubleVector dbs = d.mul(bs).mul(FIFTH).neg().add(1);
            // a·e^{asr}·(1 − c(bs − a²)(1 − d·bs/5)/3 + c·d·a⁴/5), where asr > −100
            DoubleVector bvn = a.mul(DoubleVector.fromArray(SPECIES, exps, base * LANES))
                    .mul(c.mul(bs.sub(as)).mul(dbs).mul(THIRD).neg().add(1).add(c.mul(d).mul(as).mul(as).mul(FIFTH)));
            bvn = zero.blend(bvn, asr.compare(VectorOperators.GT, -100));
            // − e^{−hk/2}·√(2π)·Φ(−b/a)·b·(1 − c·bs(1 − d·bs/5)/3), b = |h − k|, where hk > −100
            DoubleVector singular = DoubleVector.fromArray(SPECIES, exps, (base + 1) * LANES).mul(SQRT_TWO_PI)
                    .mul(DoubleVector.fromArray(SPECIES, tails, 3 * j * np + o)).mul(difference.abs())
                    .mul(c.mul(bs).mul(dbs).mul(THIRD).neg().add(1));
            bvn = bvn.blend(bvn.sub(singular), hk.compare(VectorOperators.GT, -100));
            for (int node = 0; node < NODES; node++) {
                DoubleVector xs = DoubleVector.fromArray(SPECIES, nodes, node * LANES);
                DoubleVector inverseXs = DoubleVector.fromArray(SPECIES, nodes, (NODES + node) * LANES);
                DoubleVector inverseRs = DoubleVector.fromArray(SPECIES, nodes, (2 * NODES + node) * LANES);
                DoubleVector asr2 = bs.mul(inverseXs).add(hk).mul(-0.5);
                // (a/2)·w·e^{asr2}·(e^{−hk·xs/(2(1+rs)²)}/rs − (1 + c·xs(1 + d·xs))), where asr2 > −100
                DoubleVector regular = DoubleVector.fromArray(SPECIES, exps, (base + 2 + NODES + node) * LANES)
                        .mul(inverseRs).sub(c.mul(xs).mul(d.mul(xs).add(1)).add(1));
                DoubleVector term = half.mul(w[node / 2]).mul(DoubleVector.fromArray(SPECIES, exps, (base + 2 + node) * LANES))
                        .mul(regular);
                bvn = bvn.blend(bvn.add(term), asr2.compare(VectorOperators.GT, -100));
            }
            bvn = bvn.mul(-INVERSE_TWO_PI);
            DoubleVector closing = DoubleVector.fromArray(SPECIES, tails, (3 * j + 1) * np + o);
            DoubleVector positiveResult = bvn.add(closing);
            DoubleVector negativeResult = bvn.neg();
            negativeResult = negativeResult.blend(
                    negativeResult.add(closing.sub(DoubleVector.fromArray(SPECIES, tails, (3 * j + 2) * np + o))),
                    kj.compare(VectorOperators.GT, hj));
            positiveResult.blend(negativeResult, negative).min(1).max(0).intoArray(out, at);
        }
    }

    /**
     * For y[e] ≥ 0 and x[e] with max(y, |x|) in [2⁻⁶⁰⁰, 2¹⁰⁰⁰] (y = √(q11q22 − q12²) and x = q12 of a
     * covariance, or y = √(1 − ρ²) and x = ρ): theta[e] = atan2(y, x) ∈ [0, π], the same bits as
     * {@link Angles#angle}, and asin[e] = asin(x/√(x² + y²)) = atan2(x, y) ∈ [−π/2, π/2], accurate in
     * relative terms for every ρ (asin of a rounded ρ loses all digits near ±1, and π/2 − θ all relative
     * digits near 0). One atan(min/max) serves both: {@link Angles#angleCore}'s reduction at 7/16 and
     * fdlibm's polynomial (multiply and add, not fma, for Angles' roundings), its 0/1 selectors blends here;
     * θ = kπ/2 + (k·(π/2)_lo ± atan) with (k, sign) = (0, +) for y ≤ x, (1, −) for y &gt; |x|, x ≥ 0,
     * (2, −) for y ≤ −x, (1, +) for y &gt; |x|, x &lt; 0; |asin| = atan if y &gt; |x| (the ratio was |x|/y),
     * else π/2 − atan.
     */
    static void angles(double[] y, double[] x, double[] theta, double[] asin, int n) {
        DoubleVector zero = DoubleVector.zero(SPECIES);
        for (int o = 0; o < n; o += LANES) {
            DoubleVector yv = DoubleVector.fromArray(SPECIES, y, o), xv = DoubleVector.fromArray(SPECIES, x, o);
            DoubleVector ax = xv.abs();
            DoubleVector a = yv.min(ax), b = yv.max(ax);
            VectorMask<Double> reduced = a.sub(b.mul(0.4375)).compare(VectorOperators.GT, 0);
            DoubleVector u = a.blend(a.sub(b), reduced).div(b.blend(b.add(a), reduced));
            DoubleVector z = u.mul(u);
            DoubleVector poly = z.mul(Angles.AT10).add(Angles.AT9).mul(z).add(Angles.AT8).mul(z).add(Angles.AT7)
                    .mul(z).add(Angles.AT6).mul(z).add(Angles.AT5).mul(z).add(Angles.AT4).mul(z).add(Angles.AT3)
                    .mul(z).add(Angles.AT2).mul(z).add(Angles.AT1).mul(z).add(Angles.AT0).mul(z);
            DoubleVector hi = zero.blend(Angles.PI_OVER_4, reduced), lo = zero.blend(Angles.PI_OVER_4_LO, reduced);
            DoubleVector atan = hi.sub(u.mul(poly).sub(lo).sub(u));
            VectorMask<Double> swap = yv.sub(ax).compare(VectorOperators.GT, 0);
            VectorMask<Double> negative = xv.neg().compare(VectorOperators.GT, 0);
            DoubleVector quadrants = zero.blend(2, negative).blend(1, swap);
            DoubleVector signed = atan.blend(atan.neg(), swap.and(negative.not()).or(negative.and(swap.not())));
            quadrants.mul(Angles.PI_OVER_2).add(quadrants.mul(Angles.PI_OVER_2_LO).add(signed)).intoArray(theta, o);
            DoubleVector magnitude = atan.neg().add(Angles.PI_OVER_2_LO).add(Angles.PI_OVER_2).blend(atan, swap);
            magnitude.blend(magnitude.neg(), xv.compare(VectorOperators.LT, 0)).intoArray(asin, o);
        }
    }
}
