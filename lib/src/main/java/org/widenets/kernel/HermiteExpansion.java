package org.widenets.kernel;

import java.util.Arrays;
import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * The Hermite expansion of a smooth activation at one input variance q: with z ~ N(0, 1) and the
 * normalised probabilists' Hermite polynomials hₖ = Heₖ/√(k!),
 * <pre>
 *   φ(√q·z)  = Σₖ cₖ(q)·hₖ(z),   cₖ(q) = E[φ(√q z)·hₖ(z)]
 *   φ′(√q·z) = Σₖ dₖ(q)·hₖ(z),   dₖ(q) = E[φ′(√q z)·hₖ(z)]
 * </pre>
 * Mehler's formula E[hₖ(z)hₘ(z′)] = δₖₘ ρᵏ for standard normals of correlation ρ turns the kernel maps
 * into power series in ρ = q12/√(q11 q22) (shared/papers/kernel-formulas.md §3.12, where the same
 * expansion gives the Polynomial kernel; rkhs-smoothness.md uses the same convention):
 * <pre>
 *   T = Σₖ cₖ(q11)·cₖ(q22)·ρᵏ,     Ṫ = Σₖ dₖ(q11)·dₖ(q22)·ρᵏ.
 * </pre>
 * <b>Truncation with a guaranteed bound.</b> By Parseval, Rₖ(q) = E[φ(√q z)²] − Σ_{j≤k} cⱼ(q)² is the
 * squared norm of the tail after k, so by Cauchy–Schwarz the tail of T after degree K is at most
 * |ρ|^{K+1}·√(R_K(q11)·R_K(q22)) (likewise for Ṫ with the dₖ and E[φ′²]). The coefficients are computed
 * until R_K/E[φ²] and the same ratio for φ′ are both ≤ {@link #TARGET} (then any pair of expansions
 * meets the bound at ρ = ±1) or the degree reaches {@link #MAX_DEGREE}; an expansion that stops at the
 * cap is {@link #complete() incomplete} and still serves the pairs whose |ρ|^{K+1} makes up for it.
 * The remainders are taken with a floor of {@link #NOISE} relative (the accuracy to which E[φ²] −
 * Σcₖ² can be formed), so the bound is never claimed below what the arithmetic can certify.
 *
 * <p><b>Quadrature of the coefficients.</b> All cₖ, dₖ and both diagonals come from one 1-D rule:
 * 30-point Gauss–Legendre panels of width ≤ 2 on |z| ≤ 12, graded geometrically towards 0 down to
 * 1/(2√q) (a saturating activation of a large variance bends on the scale |z| ~ 1/√q, and
 * tanh has poles at z = ±iπ/(2√q)); hₖ(z) comes from the stable three-term recurrence
 * hₖ₊₁ = (z·hₖ − √k·hₖ₋₁)/√(k+1). Why not Gauss–Hermite (Hipparchus has it): its error for a function
 * analytic only in the strip |Im z| &lt; a decays like e^{−c·a·√n}, and a = π/(2√q) for tanh, so
 * thousands of nodes would be needed at q = 100 (60 nodes are still 5e-9 off for E[tanh′(u)²] at
 * q = 1). Why |z| ≤ 12 suffices for every degree: Cramér's inequality |hₖ(z)| ≤ 1.0865·e^{z²/4}
 * bounds the integrand by e^{−z²/4}, which is 2e-16 at the window's edge.
 *
 * <p>Immutable. {@link QuadratureActivation} memoises expansions per activation and variance; the
 * expansion itself knows nothing of the cache.
 */
public final class HermiteExpansion {

    /** Relative tolerance of the truncated series: |tail| ≤ TARGET·√(E[φ(u)²]·E[φ(v)²]). */
    public static final double TARGET = 1e-12;

    /** The highest degree computed; pairs that need more fall back to 2-D quadrature. */
    public static final int MAX_DEGREE = 384;

    /** Floor of the relative remainder: the accuracy of E[φ²] − Σcₖ² from quadrature and rounding. */
    public static final double NOISE = 1e-14;

    private static final double WINDOW = 12, PANEL = 2;
    private static final double[] GL_NODES, GL_WEIGHTS;
    private static final double LOG_TARGET = Math.log(TARGET);

    static {
        GaussIntegrator rule = new GaussIntegratorFactory().legendre(30);
        GL_NODES = new double[rule.getNumberOfPoints()];
        GL_WEIGHTS = new double[rule.getNumberOfPoints()];
        for (int i = 0; i < GL_NODES.length; i++) {
            GL_NODES[i] = rule.getPoint(i);
            GL_WEIGHTS[i] = rule.getWeight(i);
        }
    }

    private final double q;
    private final double diag, diagDot;
    private final double[] c, d;
    /** ½·ln of the floored relative remainders after each degree, non-increasing. */
    private final float[] halfLogRemainder, halfLogRemainderDot;
    private final boolean complete;
    /** {@link #ODD} or {@link #EVEN} when φ (parityDot: φ′) is, exactly on the rule's nodes; else 0. */
    private final int parity, parityDot;

    /** Parities: every even-degree (ODD) or odd-degree (EVEN) coefficient is exactly 0. */
    static final int ODD = -1, EVEN = 1;

    private HermiteExpansion(double q, double diag, double diagDot, double[] c, double[] d,
                             float[] halfLogRemainder, float[] halfLogRemainderDot, boolean complete,
                             int parity, int parityDot) {
        this.q = q;
        this.diag = diag;
        this.diagDot = diagDot;
        this.c = c;
        this.d = d;
        this.halfLogRemainder = halfLogRemainder;
        this.halfLogRemainderDot = halfLogRemainderDot;
        this.complete = complete;
        this.parity = parity;
        this.parityDot = parityDot;
    }

    /**
     * The expansion of φ at variance q, to the degree where both relative remainders are ≤ {@link #TARGET}
     * (at most {@link #MAX_DEGREE}).
     *
     * @throws IllegalArgumentException if q is not a finite variance ≥ 0, or φ has kinks (the series
     *                                  converges slowly there; use {@link GaussianQuadrature})
     */
    public static HermiteExpansion of(Activation f, double q) {
        return of(f, q, 0, MAX_DEGREE);
    }

    /**
     * The expansion of φ at variance q to degree {@code maxDegree}, or to an earlier degree ≥
     * {@code minDegree} where both relative remainders are ≤ {@link #TARGET}.
     */
    public static HermiteExpansion of(Activation f, double q, int minDegree, int maxDegree) {
        Checks.variance("q", q);
        if (maxDegree < 0 || maxDegree > MAX_DEGREE) {
            throw new IllegalArgumentException("maxDegree must be in [0, " + MAX_DEGREE + "], got " + maxDegree);
        }
        if (minDegree < 0 || minDegree > maxDegree) {
            throw new IllegalArgumentException("minDegree must be in [0, maxDegree = " + maxDegree + "], got "
                    + minDegree);
        }
        if (f.kinks().length > 0) {
            throw new IllegalArgumentException("activation " + f.name() + " has kinks " + Arrays.toString(f.kinks())
                    + ": its Hermite series converges algebraically; use GaussianQuadrature");
        }
        if (q == 0) {
            // φ(0·z) is the constant φ(0): one term, no remainder
            double p = f.phi(0), dp = f.dphi(0);
            float none = Float.NEGATIVE_INFINITY;
            return new HermiteExpansion(0, p * p, dp * dp, new double[] {p}, new double[] {dp},
                    new float[] {none}, new float[] {none}, true, 0, 0);
        }
        return compute(f, q, minDegree, maxDegree);
    }

    private static HermiteExpansion compute(Activation f, double q, int minDegree, int maxDegree) {
        double s = Math.sqrt(q);
        // hₖ(−z) = (−1)ᵏhₖ(z) on a symmetric rule: the recurrence runs on z > 0 only, against the even
        // part φ(sz) + φ(−sz) for even k and the odd part for odd k
        double[] breaks = breakpoints(s);
        int n = (breaks.length - 1) * GL_NODES.length;
        double[] z = new double[n], even = new double[n], odd = new double[n], evenPart = new double[n], oddPart = new double[n];
        double diag = 0, diagDot = 0;
        // exact parity on the nodes (tanh(−x) = −tanh(x) in floating point too): then the even- or
        // odd-part weights are all exactly 0, so are half the coefficients, and the series skip them
        boolean oddPhi = true, evenPhi = true, oddDot = true, evenDot = true;
        int m = 0;
        double[] v = new double[2];
        for (int p = 0; p + 1 < breaks.length; p++) {
            double half = 0.5 * (breaks[p + 1] - breaks[p]), mid = 0.5 * (breaks[p + 1] + breaks[p]);
            for (int i = 0; i < GL_NODES.length; i++, m++) {
                double x = mid + half * GL_NODES[i];
                double w = half * GL_WEIGHTS[i] * StandardNormal.pdf(x);
                values(f, s * x, v);
                double up = v[0], upDot = v[1];
                values(f, -s * x, v);
                double down = v[0], downDot = v[1];
                z[m] = x;
                even[m] = w * (up + down);
                odd[m] = w * (up - down);
                evenPart[m] = w * (upDot + downDot);
                oddPart[m] = w * (upDot - downDot);
                oddPhi &= up == -down;
                evenPhi &= up == down;
                oddDot &= upDot == -downDot;
                evenDot &= upDot == downDot;
                diag += w * (up * up + down * down);
                diagDot += w * (upDot * upDot + downDot * downDot);
            }
        }
        if (!Double.isFinite(diag) || !Double.isFinite(diagDot)) {
            throw new ArithmeticException("E[φ(u)²] = " + diag + ", E[φ′(u)²] = " + diagDot + " of " + f.name()
                    + " at q = " + q + " leave the double range");
        }
        double[] c = new double[maxDegree + 1], d = new double[maxDegree + 1];
        float[] lc = new float[maxDegree + 1], ld = new float[maxDegree + 1];
        double[] hPrev = new double[n], h = new double[n];
        Arrays.fill(h, 1.0);
        double sumC = 0, sumD = 0;
        int k = 0;
        boolean complete;
        // an odd φ has exactly zero even-degree coefficients (and its even φ′ zero odd-degree ones): skip them
        int parity = oddPhi ? ODD : evenPhi ? EVEN : 0, parityDot = oddDot ? ODD : evenDot ? EVEN : 0;
        while (true) {
            double ck = 0, dk = 0;
            double[] g = (k & 1) == 0 ? even : odd, gDot = (k & 1) == 0 ? evenPart : oddPart;
            int kParity = (k & 1) == 0 ? EVEN : ODD;
            boolean wantC = parity == 0 || parity == kParity, wantD = parityDot == 0 || parityDot == kParity;
            if (k == 0) {
                for (int i = 0; i < n; i++) {
                    ck += g[i];
                    dk += gDot[i];
                }
            } else {
                // h_k from h_{k−1} (in h) and h_{k−2} (in hPrev), written over h_{k−2}, in a loop the JIT
                // vectorises; then the sums over the nodes, with four partial sums each to shorten the chain
                // of dependent additions (one fused loop with the sums ran at their latency, 2× slower)
                double a = 1 / Math.sqrt(k), b = Math.sqrt(k - 1) * a;
                for (int i = 0; i < n; i++) {
                    hPrev[i] = a * z[i] * h[i] - b * hPrev[i];
                }
                if (wantC) {
                    ck = dot(g, hPrev, n);
                }
                if (wantD) {
                    dk = dot(gDot, hPrev, n);
                }
                double[] swap = hPrev;
                hPrev = h;
                h = swap;
            }
            c[k] = ck;
            d[k] = dk;
            sumC += ck * ck;
            sumD += dk * dk;
            double rc = relativeRemainder(diag, sumC), rd = relativeRemainder(diagDot, sumD);
            lc[k] = halfLog(rc, k == 0 ? 0 : lc[k - 1]);
            ld[k] = halfLog(rd, k == 0 ? 0 : ld[k - 1]);
            complete = rc <= TARGET && rd <= TARGET;
            if ((complete && k >= minDegree) || k == maxDegree) {
                break;
            }
            k++;
        }
        return new HermiteExpansion(q, diag, diagDot, Arrays.copyOf(c, k + 1), Arrays.copyOf(d, k + 1),
                Arrays.copyOf(lc, k + 1), Arrays.copyOf(ld, k + 1), complete, parity, parityDot);
    }

    /** Σᵢ x[i]·y[i] over i &lt; n, as four interleaved partial sums (fixed order: the same bits every time). */
    private static double dot(double[] x, double[] y, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += x[i] * y[i];
            s1 += x[i + 1] * y[i + 1];
            s2 += x[i + 2] * y[i + 2];
            s3 += x[i + 3] * y[i + 3];
        }
        for (; i < n; i++) {
            s0 += x[i] * y[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** φ(x), φ′(x) into out: jointly where the activation can (the same numbers as φ and φ′ alone). */
    private static void values(Activation f, double x, double[] out) {
        if (f instanceof QuadratureActivation q) {
            q.phiAndDphi(x, out);
        } else {
            out[0] = f.phi(x);
            out[1] = f.dphi(x);
        }
    }

    /** (E[g²] − Σcₖ²)/E[g²] with the {@link #NOISE} floor; 0 for g ≡ 0. */
    private static double relativeRemainder(double norm, double sum) {
        if (norm == 0) {
            return 0;
        }
        return Math.max(0, (norm - sum) / norm) + NOISE;
    }

    /** ½ ln r, rounded up to float and kept ≤ the previous value (the true remainder never grows). */
    private static float halfLog(double r, float previous) {
        float v = (float) (0.5 * Math.log(r));
        if (v < 0.5 * Math.log(r)) {
            v = Math.nextUp(v);
        }
        return Math.min(v, previous);
    }

    /**
     * Panel ends on [0, 12]: a uniform grid of width 2 plus points graded towards 0 down to 1/(2s), sorted
     * and unique. 30 points per panel resolve hₖ up to degree 400 (≈ 6 oscillations per panel). The rule
     * does not depend on the degree, so an expansion to a higher degree extends a lower one bit for bit.
     */
    private static double[] breakpoints(double s) {
        int uniform = (int) Math.round(WINDOW / PANEL);
        double delta = 0.5 / s;
        int levels = delta < PANEL ? (int) Math.ceil(Math.log(PANEL / delta) / Math.log(2)) : 0;
        double[] all = new double[uniform + 1 + levels];
        int m = 0;
        for (int i = 0; i <= uniform; i++) {
            all[m++] = WINDOW * i / uniform;
        }
        for (int j = 0; j < levels; j++, delta *= 2) {
            all[m++] = delta;
        }
        Arrays.sort(all);
        int k = 0;
        for (int i = 0; i < all.length; i++) {
            if (k == 0 || all[i] > all[k - 1]) {
                all[k++] = all[i];
            }
        }
        return Arrays.copyOf(all, k);
    }

    /** The variance q. */
    public double variance() {
        return q;
    }

    /** The highest degree K held: cₖ and dₖ exist for k ≤ K. */
    public int degree() {
        return c.length - 1;
    }

    /** True if the remainders reached {@link #TARGET} within {@link #MAX_DEGREE}. */
    public boolean complete() {
        return complete;
    }

    /** cₖ(q) = E[φ(√q z)·Heₖ(z)]/√(k!). */
    public double coefficient(int k) {
        return c[index(k)];
    }

    /** dₖ(q) = E[φ′(√q z)·Heₖ(z)]/√(k!). */
    public double derivativeCoefficient(int k) {
        return d[index(k)];
    }

    /** E[φ(u)²], u ~ N(0, q), from the same rule as the coefficients. */
    public double diag() {
        return diag;
    }

    /** E[φ′(u)²], u ~ N(0, q). */
    public double diagDot() {
        return diagDot;
    }

    /** The bound used for truncation: (E[φ²] − Σ_{j≤k} cⱼ²)/E[φ²], floored at {@link #NOISE}. */
    public double relativeRemainder(int k) {
        return Math.exp(2.0 * halfLogRemainder[index(k)]);
    }

    private int index(int k) {
        if (k < 0 || k >= c.length) {
            throw new IllegalArgumentException("k must be in [0, " + degree() + "], got " + k);
        }
        return k;
    }

    /** Heap bytes held by the coefficient and remainder arrays (the cache's budget). */
    long bytes() {
        return 24L * c.length + 64;
    }

    /**
     * The truncation degree for T (or Ṫ with {@code derivative}) of the pair (a, b) at correlation ρ:
     * the least K with |ρ|^{K+1}·√(r_K(a)·r_K(b)) ≤ {@link #TARGET}, or −1 when no K up to the shorter
     * expansion's degree qualifies. The answer depends on (q11, q22, ρ) only, not on how far the two
     * expansions happen to reach, so results never depend on what a cache held.
     */
    static int truncation(HermiteExpansion a, HermiteExpansion b, double rho, boolean derivative) {
        return truncation(a, b, Math.log(Math.abs(rho)), derivative, -1);
    }

    /**
     * {@link #truncation} given ln|ρ| (T and Ṫ of a pair share it) and a guess of the answer (the degree of
     * a pair of similar |ρ| earlier in the kernel-matrix row, which is usually within one of this one), or −1. The
     * bound is monotone in K also in floating point (sums and products of monotone sequences, with monotone
     * rounding), so the first qualifying K is unique and the guess changes only the number of steps: a
     * search outward from it, then bisection, rather than bisection over the whole degree range (which cost
     * more than the Mehler sum it truncates).
     */
    static int truncation(HermiteExpansion a, HermiteExpansion b, double logRho, boolean derivative, int guess) {
        float[] la = derivative ? a.halfLogRemainderDot : a.halfLogRemainder;
        float[] lb = derivative ? b.halfLogRemainderDot : b.halfLogRemainder;
        return truncation(la, lb, 0, lb.length, logRho, guess);
    }

    /**
     * {@link #truncation(HermiteExpansion, HermiteExpansion, double, boolean, int)} on the ½-log remainders
     * la of one expansion and lb[from, from + length) of the other (a prefix of its remainders, as a
     * {@link HermitePanel} packs them): the same answer from the same numbers, or −1 when the bound first
     * holds beyond that prefix.
     */
    static int truncation(float[] la, float[] lb, int from, int length, double logRho, int guess) {
        int limit = Math.min(la.length, length) - 1;
        // an expansion that stopped early (complete) has its last remainder as a bound for all later
        // degrees, but the first qualifying K must not depend on that: search only where both are known
        if (!meets(la, lb, from, logRho, limit)) {
            return -1;
        }
        if (logRho == Double.NEGATIVE_INFINITY) {
            return 0; // ρ = 0: the tail is empty after K = 0
        }
        int lo = -1, hi = limit; // the answer is in (lo, hi]: meets(hi) holds, meets(lo) does not
        if (guess >= 0 && guess < limit) {
            if (meets(la, lb, from, logRho, guess)) {
                hi = guess;
                for (int step = 1; hi - step > lo; step <<= 1) {
                    if (meets(la, lb, from, logRho, hi - step)) {
                        hi -= step;
                    } else {
                        lo = hi - step;
                        break;
                    }
                }
            } else {
                lo = guess;
                for (int step = 1; lo + step < hi; step <<= 1) {
                    if (meets(la, lb, from, logRho, lo + step)) {
                        hi = lo + step;
                        break;
                    }
                    lo += step;
                }
            }
        }
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (meets(la, lb, from, logRho, mid)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    private static boolean meets(float[] la, float[] lb, int from, double logRho, int k) {
        double bound = la[k] + lb[from + k];
        // ρ = 0: logRho = −∞ and the tail is empty after K = 0
        return logRho == Double.NEGATIVE_INFINITY || (k + 1) * logRho + bound <= LOG_TARGET;
    }

    /**
     * Σ_{k≤K} cₖ(a)·cₖ(b)·ρᵏ by Horner (dₖ with {@code derivative}); both must hold degree K. When both
     * expansions have the same parity, half the terms are exactly 0 and the sum runs over the other half
     * in ρ²: ρ·Σⱼ c₂ⱼ₊₁c′₂ⱼ₊₁ρ²ʲ (odd φ, e.g. tanh) or Σⱼ c₂ⱼc′₂ⱼρ²ʲ (even, e.g. tanh′).
     */
    static double sum(HermiteExpansion a, HermiteExpansion b, double rho, boolean derivative, int degree) {
        double[] x = derivative ? a.d : a.c, y = derivative ? b.d : b.c;
        int pa = derivative ? a.parityDot : a.parity, pb = derivative ? b.parityDot : b.parity;
        if (pa != 0 && pa == pb) {
            int first = pa == ODD ? 1 : 0;
            double s = series(x, first, 2, y, first, 2, terms(first, 2, degree), rho * rho);
            return pa == ODD ? s * rho : s;
        }
        return series(x, 0, 1, y, 0, 1, degree + 1, rho);
    }

    /** The number of degrees first, first + step, … that are ≤ last. */
    static int terms(int first, int step, int last) {
        return last < first ? 0 : (last - first) / step + 1;
    }

    /**
     * Σⱼ tⱼ rʲ over the m terms tⱼ = x[xFirst + j·xStep]·y[yFirst + j·yStep], as four Horner chains in r⁴
     * (j mod 4) that the processor runs side by side: one chain is a sequence of dependent multiply–adds
     * (4 cycles each), and the sums reach a hundred terms and more near ρ = ±1, in every kernel-matrix entry.
     * The same terms in the same order give the same bits whether y is an expansion's own array or a
     * {@link HermitePanel}'s packed copy.
     */
    static double series(double[] x, int xFirst, int xStep, double[] y, int yFirst, int yStep, int m, double r) {
        if (m == 0) {
            return 0;
        }
        double r2 = r * r, r4 = r2 * r2;
        int top = (m - 1) >> 2;
        // the top block of four may be partial: terms j = 4·top + c exist for j < m
        int i = xFirst + 4 * top * xStep, k = yFirst + 4 * top * yStep, left = m - 4 * top;
        double c0 = x[i] * y[k];
        double c1 = left > 1 ? x[i + xStep] * y[k + yStep] : 0;
        double c2 = left > 2 ? x[i + 2 * xStep] * y[k + 2 * yStep] : 0;
        double c3 = left > 3 ? x[i + 3 * xStep] * y[k + 3 * yStep] : 0;
        for (int j = top - 1; j >= 0; j--) {
            i = xFirst + 4 * j * xStep;
            k = yFirst + 4 * j * yStep;
            c0 = c0 * r4 + x[i] * y[k];
            c1 = c1 * r4 + x[i + xStep] * y[k + yStep];
            c2 = c2 * r4 + x[i + 2 * xStep] * y[k + 2 * yStep];
            c3 = c3 * r4 + x[i + 3 * xStep] * y[k + 3 * yStep];
        }
        return (c0 + r * c1) + r2 * (c2 + r * c3);
    }

    /** The arrays behind the expansion, for {@link HermitePanel} to pack; never to be modified. */
    double[] coefficients() {
        return c;
    }

    double[] derivativeCoefficients() {
        return d;
    }

    float[] halfLogRemainders() {
        return halfLogRemainder;
    }

    float[] halfLogRemaindersDot() {
        return halfLogRemainderDot;
    }

    /** {@link #ODD}, {@link #EVEN} or 0: the parity of φ exactly on the rule's nodes. */
    int parity() {
        return parity;
    }

    /** The parity of φ′. */
    int parityDot() {
        return parityDot;
    }

    @Override
    public String toString() {
        return "HermiteExpansion[q = " + q + ", degree " + degree() + (complete ? "" : ", incomplete") + "]";
    }
}
