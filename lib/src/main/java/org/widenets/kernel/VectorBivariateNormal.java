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
 *       per entry and shared by the m argument pairs of the entry (ELU needs three Φ₂ with one ρ), so
 *       divisions become multiplications by reciprocals;</li>
 *   <li>erfc beyond 3 by the continued fraction evaluated forwards ({@link VectorNormal#erfcx}).</li>
 * </ul>
 * Lanes are independent: a lane's value depends on its own arguments only, never on the other lanes or on
 * how many entries a call holds, so a single evaluation and a batch give the same bits. The branch
 * (6, 12 or 20 points of Plackett's integral, or the expansion for |ρ| ≥ 0.925) is chosen per call:
 * callers group their entries by {@link #rule} first. Only available with {@link VectorModule#PRESENT}.
 */
final class VectorBivariateNormal {

    private static final VectorSpecies<Double> SPECIES = VectorNormal.SPECIES;
    private static final int LANES = VectorNormal.LANES;

    /** Rules 0, 1, 2: Plackett's integral with 6, 12, 20 points; this one: the expansion branch. */
    static final int EXPANSION = 3;

    private static final double TWO_PI = 2 * Math.PI, SQRT_TWO_PI = Math.sqrt(TWO_PI);
    /** Most node factors per entry: 20 nodes of the expansion branch × 4 factors. */
    static final int NODE_SCRATCH = 20 * 4 * LANES;

    // sin x = x + x³·P(x²) for |x| ≤ asin 0.925 < 1.19, Taylor to x¹⁹: remainder x²¹/21! < 7e-19.
    private static final double S3 = -1.0 / 6, S5 = 1.0 / 120, S7 = -1.0 / 5040, S9 = 1.0 / 362880,
            S11 = -1.0 / 39916800, S13 = 1.0 / 6227020800L, S15 = -1.0 / 1307674368000L,
            S17 = 1.0 / 355687428096000L, S19 = -1.0 / 121645100408832000L;

    private VectorBivariateNormal() {
    }

    /**
     * out[i] = Φ₂(h[i], k[i]; rho[i]) for every i: entries with finite limits and |ρ| &lt; 1 over lanes,
     * grouped by rule; the others (±∞, ρ = ±1, and bad input, which throws) by {@link BivariateNormal#cdf}.
     */
    static void cdf(double[] h, double[] k, double[] rho, double[] out) {
        int chunk = 512, capacity = VectorNormal.padded(chunk);
        double[] upperH = new double[capacity], upperK = new double[capacity], r = new double[capacity],
                sin = new double[capacity], asin = new double[capacity], result = new double[capacity],
                tails = new double[3 * capacity], nodes = new double[NODE_SCRATCH];
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
                if (rule < EXPANSION) {
                    for (int o = 0; o < np; o += LANES) {
                        asin(DoubleVector.fromArray(SPECIES, r, o), DoubleVector.fromArray(SPECIES, sin, o))
                                .intoArray(asin, o);
                    }
                }
                upper(rule, n, 1, upperH, upperK, r, sin, asin, result, tails, nodes);
                for (int e = 0; e < n; e++) {
                    out[index[rule][e]] = result[e];
                }
            }
        }
    }

    /** Genz's choice for correlation ρ: 0, 1, 2 for |ρ| &lt; 0.3, &lt; 0.75, &lt; 0.925, else {@link #EXPANSION}. */
    static int rule(double rho) {
        double a = Math.abs(rho);
        return a < 0.3 ? 0 : a < 0.75 ? 1 : a < 0.925 ? 2 : EXPANSION;
    }

    /**
     * Upper orthant probabilities P(Z₁ &gt; h, Z₂ &gt; k) (= Φ₂(−h, −k; ρ)) of n entries that all take
     * {@code rule}, each with m argument pairs: pair j of entry e at index j·np + e, with np = n rounded
     * up to whole vectors ({@link VectorNormal#padded}); per entry rho[e], sin[e] = √(1 − ρ²) &gt; 0 and,
     * for Plackett's rules, asin[e] = asin ρ ({@link #asin}). h and k finite. Results to out (same layout
     * as h); tails (3·m·np) and nodes ({@link #NODE_SCRATCH}) are scratch. Entries from n to np must hold
     * valid arguments too (callers repeat the last one); their results are not used.
     */
    static void upper(int rule, int n, int m, double[] h, double[] k, double[] rho, double[] sin, double[] asin,
                      double[] out, double[] tails, double[] nodes) {
        int np = VectorNormal.padded(n);
        if (rule < EXPANSION) {
            for (int i = 0; i < m * np; i++) {
                tails[i] = -h[i];
                tails[m * np + i] = -k[i];
            }
            VectorNormal.cdf(tails, 2 * m * np);
            plackett(rule, np, m, h, k, asin, out, tails, nodes);
        } else {
            expansionTails(np, m, h, k, rho, sin, tails);
            VectorNormal.cdf(tails, 3 * m * np);
            expansion(np, m, h, k, rho, sin, out, tails, nodes);
        }
    }

    /**
     * |ρ| &lt; 0.925: Φ₂ = Φ(−h)Φ(−k) + (asin ρ/(4π))·Σ wᵢ exp((sᵢhk − (h² + k²)/2)/(1 − sᵢ²)) over the
     * Gauss–Legendre nodes sᵢ = sin(asin ρ·(1 ± xᵢ)/2). tails holds Φ(−h) then Φ(−k) (m·np each).
     */
    private static void plackett(int rule, int np, int m, double[] h, double[] k, double[] asin, double[] out,
                                 double[] tails, double[] nodes) {
        double[] x = BivariateNormal.X[rule], w = BivariateNormal.W[rule];
        int count = 2 * x.length;
        for (int o = 0; o < np; o += LANES) {
            DoubleVector asr = DoubleVector.fromArray(SPECIES, asin, o);
            for (int i = 0; i < x.length; i++) {
                for (int side = 0; side < 2; side++) {
                    // the node order of the scalar loop: is = −1, then +1
                    DoubleVector sn = sin(asr.mul((side == 0 ? -x[i] : x[i]) + 1).mul(0.5));
                    DoubleVector cosSquare = sn.mul(sn).neg().add(1);
                    int node = 2 * i + side;
                    sn.intoArray(nodes, node * LANES);
                    DoubleVector.broadcast(SPECIES, 1).div(cosSquare).intoArray(nodes, (count + node) * LANES);
                }
            }
            for (int j = 0; j < m; j++) {
                int at = j * np + o;
                DoubleVector hj = DoubleVector.fromArray(SPECIES, h, at), kj = DoubleVector.fromArray(SPECIES, k, at);
                DoubleVector hk = hj.mul(kj), hs = hj.mul(hj).add(kj.mul(kj)).mul(0.5);
                DoubleVector sum = DoubleVector.zero(SPECIES);
                for (int node = 0; node < count; node++) {
                    DoubleVector sn = DoubleVector.fromArray(SPECIES, nodes, node * LANES);
                    DoubleVector inverse = DoubleVector.fromArray(SPECIES, nodes, (count + node) * LANES);
                    sum = sum.add(VectorNormal.exp(sn.mul(hk).sub(hs).mul(inverse)).mul(w[node / 2]));
                }
                DoubleVector product = DoubleVector.fromArray(SPECIES, tails, at)
                        .mul(DoubleVector.fromArray(SPECIES, tails, m * np + at));
                clamp(sum.mul(asr).div(2 * TWO_PI).add(product)).intoArray(out, at);
            }
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
     * |ρ| ≥ 0.925: BVND's integral in the variable √(1 − ρ²) with the singular part taken out by its
     * two-term expansion (accurate up to ρ = ±1 given an exact √(1 − ρ²)), then the closing Φ terms.
     * tails as {@link #expansionTails} left them, after Φ.
     */
    private static void expansion(int np, int m, double[] h, double[] k, double[] rho, double[] sin, double[] out,
                                  double[] tails, double[] nodes) {
        double[] x = BivariateNormal.X[2], w = BivariateNormal.W[2];
        int count = 2 * x.length;
        for (int o = 0; o < np; o += LANES) {
            DoubleVector a = DoubleVector.fromArray(SPECIES, sin, o);
            VectorMask<Double> negative = DoubleVector.fromArray(SPECIES, rho, o).compare(VectorOperators.LT, 0);
            DoubleVector as = a.mul(a), half = a.mul(0.5);
            for (int i = 0; i < x.length; i++) {
                for (int side = 0; side < 2; side++) {
                    DoubleVector xs = half.mul((side == 0 ? -x[i] : x[i]) + 1);
                    xs = xs.mul(xs);
                    DoubleVector rs = xs.neg().add(1).sqrt(), onePlus = rs.add(1);
                    int node = 2 * i + side;
                    xs.intoArray(nodes, node * LANES);
                    DoubleVector.broadcast(SPECIES, 1).div(xs).intoArray(nodes, (count + node) * LANES);
                    DoubleVector.broadcast(SPECIES, 1).div(rs).intoArray(nodes, (2 * count + node) * LANES);
                    xs.div(onePlus.mul(2).mul(onePlus)).intoArray(nodes, (3 * count + node) * LANES);
                }
            }
            for (int j = 0; j < m; j++) {
                int at = j * np + o;
                DoubleVector hj = DoubleVector.fromArray(SPECIES, h, at), kj = DoubleVector.fromArray(SPECIES, k, at);
                kj = kj.blend(kj.neg(), negative);
                DoubleVector hk = hj.mul(kj), difference = hj.sub(kj), bs = difference.mul(difference);
                DoubleVector c = hk.neg().add(4).div(8), d = hk.neg().add(12).div(16);
                DoubleVector asr = bs.div(as).add(hk).mul(-0.5);
                DoubleVector dbs = d.mul(bs).div(5).neg().add(1);
                DoubleVector bvn = a.mul(VectorNormal.exp(asr)).mul(
                        c.mul(bs.sub(as)).mul(dbs).div(3).neg().add(1).add(c.mul(d).mul(as).mul(as).div(5)));
                bvn = DoubleVector.zero(SPECIES).blend(bvn, asr.compare(VectorOperators.GT, -100));
                DoubleVector singular = VectorNormal.exp(hk.mul(-0.5)).mul(SQRT_TWO_PI)
                        .mul(DoubleVector.fromArray(SPECIES, tails, 3 * j * np + o)).mul(difference.abs())
                        .mul(c.mul(bs).mul(dbs).div(3).neg().add(1));
                bvn = bvn.blend(bvn.sub(singular), hk.compare(VectorOperators.GT, -100));
                DoubleVector minusHk = hk.neg();
                for (int node = 0; node < count; node++) {
                    DoubleVector xs = DoubleVector.fromArray(SPECIES, nodes, node * LANES);
                    DoubleVector inverseXs = DoubleVector.fromArray(SPECIES, nodes, (count + node) * LANES);
                    DoubleVector inverseRs = DoubleVector.fromArray(SPECIES, nodes, (2 * count + node) * LANES);
                    DoubleVector g = DoubleVector.fromArray(SPECIES, nodes, (3 * count + node) * LANES);
                    DoubleVector asr2 = bs.mul(inverseXs).add(hk).mul(-0.5);
                    DoubleVector regular = VectorNormal.exp(minusHk.mul(g)).mul(inverseRs)
                            .sub(c.mul(xs).mul(d.mul(xs).add(1)).add(1));
                    DoubleVector term = half.mul(w[node / 2]).mul(VectorNormal.exp(asr2)).mul(regular);
                    bvn = bvn.blend(bvn.add(term), asr2.compare(VectorOperators.GT, -100));
                }
                bvn = bvn.neg().div(TWO_PI);
                DoubleVector closing = DoubleVector.fromArray(SPECIES, tails, (3 * j + 1) * np + o);
                DoubleVector positiveResult = bvn.add(closing);
                DoubleVector difference2 = closing.sub(DoubleVector.fromArray(SPECIES, tails, (3 * j + 2) * np + o));
                DoubleVector negativeResult = bvn.neg();
                negativeResult = negativeResult.blend(negativeResult.add(difference2), kj.compare(VectorOperators.GT, hj));
                clamp(positiveResult.blend(negativeResult, negative)).intoArray(out, at);
            }
        }
    }

    /** sin x for |x| &lt; 1.19 (Plackett's node angles, |asin ρ| &lt; asin 0.925), within about 1 ulp. */
    private static DoubleVector sin(DoubleVector x) {
        DoubleVector s = x.mul(x);
        DoubleVector p = s.fma(S19, S17).fma(s, constant(S15)).fma(s, constant(S13)).fma(s, constant(S11))
                .fma(s, constant(S9)).fma(s, constant(S7)).fma(s, constant(S5)).fma(s, constant(S3));
        return x.mul(s).fma(p, x);
    }

    /**
     * atan(min(y, x)/max(y, x)) ∈ [0, π/4] for y, x ≥ 0 with max(y, x) in [2⁻⁶⁰⁰, 2¹⁰⁰⁰]: the reduction
     * and polynomial of {@link Angles#angleCore}, the 0/1 selector there a blend here (the same bits).
     */
    static DoubleVector atanOfRatio(DoubleVector y, DoubleVector x) {
        DoubleVector a = y.min(x), b = y.max(x);
        VectorMask<Double> reduced = a.sub(b.mul(0.4375)).compare(VectorOperators.GT, 0);
        DoubleVector u = a.blend(a.sub(b), reduced).div(b.blend(b.add(a), reduced));
        DoubleVector z = u.mul(u);
        // multiply and add, not fma: Angles.poly's roundings
        DoubleVector poly = z.mul(Angles.AT10).add(Angles.AT9).mul(z).add(Angles.AT8).mul(z).add(Angles.AT7)
                .mul(z).add(Angles.AT6).mul(z).add(Angles.AT5).mul(z).add(Angles.AT4).mul(z).add(Angles.AT3)
                .mul(z).add(Angles.AT2).mul(z).add(Angles.AT1).mul(z).add(Angles.AT0).mul(z);
        DoubleVector zero = DoubleVector.zero(SPECIES);
        DoubleVector hi = zero.blend(Angles.PI_OVER_4, reduced), lo = zero.blend(Angles.PI_OVER_4_LO, reduced);
        return hi.sub(u.mul(poly).sub(lo).sub(u));
    }

    /**
     * asin ρ for ρ = y/√(y² + x²) with x = √(1 − ρ²)·(the same scale) &gt; 0: atan2(|y|, x) with the sign
     * of y, accurate in relative terms for every ρ (asin of a rounded ρ loses all digits near ±1, and
     * π/2 − θ all relative digits near 0).
     */
    static DoubleVector asin(DoubleVector y, DoubleVector x) {
        DoubleVector ay = y.abs();
        DoubleVector atan = atanOfRatio(ay, x);
        // x > |y|: the ratio was |y|/x; otherwise it was x/|y| and asin|ρ| = π/2 − atan
        DoubleVector complement = atan.neg().add(Angles.PI_OVER_2_LO).add(Angles.PI_OVER_2);
        DoubleVector result = complement.blend(atan, x.compare(VectorOperators.GT, ay));
        return result.blend(result.neg(), y.compare(VectorOperators.LT, 0));
    }

    /**
     * θ = atan2(y, x) ∈ [0, π] for y ≥ 0, as {@link Angles#angleCore}: θ = kπ/2 + (k·(π/2)_lo ± atan),
     * with (k, sign) = (0, +) for y ≤ x, (1, −) for y &gt; |x|, x ≥ 0, (2, −) for y ≤ −x, (1, +) for
     * y &gt; |x|, x &lt; 0. The same bits as {@link Angles#angle} for y, |x| in its ordinary range.
     */
    static DoubleVector theta(DoubleVector y, DoubleVector x) {
        DoubleVector ax = x.abs();
        DoubleVector atan = VectorBivariateNormal.atanOfRatio(y, ax);
        VectorMask<Double> swap = y.sub(ax).compare(VectorOperators.GT, 0);
        VectorMask<Double> negative = x.neg().compare(VectorOperators.GT, 0);
        DoubleVector zero = DoubleVector.zero(SPECIES);
        DoubleVector k = zero.blend(2, negative).blend(1, swap);
        DoubleVector signed = atan.blend(atan.neg(), swap.and(negative.not()).or(negative.and(swap.not())));
        return k.mul(Angles.PI_OVER_2).add(k.mul(Angles.PI_OVER_2_LO).add(signed));
    }

    private static DoubleVector constant(double c) {
        return DoubleVector.broadcast(SPECIES, c);
    }

    private static DoubleVector clamp(DoubleVector p) {
        return p.min(1).max(0);
    }
}
