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
    /** √ of the floored relative remainders after each degree, non-increasing: the factors of the bound. */
    private final double[] rootRemainder, rootRemainderDot;
    private final boolean complete;
    /** {@link #ODD} or {@link #EVEN} when φ (parityDot: φ′) is, exactly on the rule's nodes; else 0. */
    private final int parity, parityDot;

    /** Parities: every even-degree (ODD) or odd-degree (EVEN) coefficient is exactly 0. */
    static final int ODD = -1, EVEN = 1;

    private HermiteExpansion(double q, double diag, double diagDot, double[] c, double[] d,
                             double[] rootRemainder, double[] rootRemainderDot, boolean complete,
                             int parity, int parityDot) {
        this.q = q;
        this.diag = diag;
        this.diagDot = diagDot;
        this.c = c;
        this.d = d;
        this.rootRemainder = rootRemainder;
        this.rootRemainderDot = rootRemainderDot;
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
            return new HermiteExpansion(0, p * p, dp * dp, new double[] {p}, new double[] {dp},
                    new double[] {0}, new double[] {0}, true, 0, 0);
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
        double[] v = new double[4];
        for (int p = 0; p + 1 < breaks.length; p++) {
            double half = 0.5 * (breaks[p + 1] - breaks[p]), mid = 0.5 * (breaks[p + 1] + breaks[p]);
            for (int i = 0; i < GL_NODES.length; i++, m++) {
                double x = mid + half * GL_NODES[i];
                double w = half * GL_WEIGHTS[i] * StandardNormal.pdf(x);
                values(f, s * x, v);
                double up = v[0], upDot = v[1], down = v[2], downDot = v[3];
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
        double[] lc = new double[maxDegree + 1], ld = new double[maxDegree + 1];
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
            // the true remainder never grows; its computed value may, by rounding
            lc[k] = k == 0 ? Math.sqrt(rc) : Math.min(lc[k - 1], Math.sqrt(rc));
            ld[k] = k == 0 ? Math.sqrt(rd) : Math.min(ld[k - 1], Math.sqrt(rd));
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

    /** φ(±x), φ′(±x) into out: jointly where the activation can (the same numbers as φ and φ′ alone). */
    private static void values(Activation f, double x, double[] out) {
        if (f instanceof QuadratureActivation q) {
            q.phiAndDphi(x, out);
        } else {
            out[0] = f.phi(x);
            out[1] = f.dphi(x);
            out[2] = f.phi(-x);
            out[3] = f.dphi(-x);
        }
    }

    /** (E[g²] − Σcₖ²)/E[g²] with the {@link #NOISE} floor; 0 for g ≡ 0. */
    private static double relativeRemainder(double norm, double sum) {
        if (norm == 0) {
            return 0;
        }
        return Math.max(0, (norm - sum) / norm) + NOISE;
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

    /**
     * The bound used for truncation: (E[φ²] − Σ_{j≤k} cⱼ²)/E[φ²], floored at {@link #NOISE} (held as its
     * square root, which is what the bound multiplies).
     */
    public double relativeRemainder(int k) {
        double r = rootRemainder[index(k)];
        return r * r;
    }

    private int index(int k) {
        if (k < 0 || k >= c.length) {
            throw new IllegalArgumentException("k must be in [0, " + degree() + "], got " + k);
        }
        return k;
    }

    /** Heap bytes held by the coefficient and remainder arrays (the cache's budget). */
    long bytes() {
        return 32L * c.length + 64;
    }

    /**
     * The truncated Mehler series of the pair (a, b) at correlation ρ: T = Σₖ cₖ(a)·cₖ(b)·ρᵏ (Ṫ with the
     * dₖ and {@code derivative}) over k ≤ K, where K is the least degree whose tail bound
     * |ρ|^{K+1}·√(r_K(a)·r_K(b)) is ≤ {@link #TARGET}; NaN when no degree up to the shorter expansion's
     * qualifies (the caller lengthens them or takes quadrature). The result depends on (q11, q22, ρ) only,
     * not on how far the two expansions reach, so it never depends on what a cache held.
     *
     * <p>When both expansions have the same parity, half the coefficients are exactly 0 and the sum runs
     * over the other half in ρ² — ρ·Σⱼ c₂ⱼ₊₁c′₂ⱼ₊₁ρ²ʲ (odd φ, e.g. tanh) or Σⱼ c₂ⱼc′₂ⱼρ²ʲ (even, e.g.
     * tanh′) — and K is the least degree of that half that qualifies (at most one term more than over all
     * degrees: the remainders do not change across a zero coefficient).
     */
    static double series(HermiteExpansion a, HermiteExpansion b, double rho, boolean derivative) {
        int pa = derivative ? a.parityDot : a.parity, pb = derivative ? b.parityDot : b.parity;
        int step = step(pa, pb), first = first(pa, pb);
        return series(derivative ? a.d : a.c, derivative ? a.rootRemainderDot : a.rootRemainder,
                derivative ? b.d : b.c, derivative ? b.rootRemainderDot : b.rootRemainder, first, step,
                Math.min(a.degree(), b.degree()), rho);
    }

    /** 2 when φ (or φ′) has the same parity in both expansions (every other coefficient is 0), else 1. */
    static int step(int pa, int pb) {
        return pa != 0 && pa == pb ? 2 : 1;
    }

    /** The first degree of the nonzero half: 1 for two odd expansions, else 0. */
    static int first(int pa, int pb) {
        return pa == ODD && pb == ODD ? 1 : 0;
    }

    /**
     * The one loop that defines the truncated series, over degrees k = first, first + step, … ≤ limit:
     * the term xₖyₖρᵏ is added, then the series stops if |ρ|^{k+1}·raₖ·rbₖ ≤ {@link #TARGET}. Powers come
     * from repeated multiplication, the bound's as p₀·|w| with w the power of the terms (|w·r| = |w|·|r|
     * exactly), so that {@link HermitePanel}'s vectorised sweep of a whole row performs the same operations
     * in the same order on every lane: the two give the same bits. Summing forward rather than by Horner
     * lets the loop stop where the bound does.
     */
    static double series(double[] x, double[] ra, double[] y, double[] rb, int first, int step, int limit,
                         double rho) {
        double abs = Math.abs(rho);
        double r = step == 2 ? rho * rho : rho;
        // |ρ|^{first+1}: the bound's power at the first degree, relative to w = 1 there
        double p0 = first == 0 ? abs : abs * abs;
        double s = 0, w = 1;
        for (int k = first; k <= limit; k += step) {
            s += x[k] * y[k] * w;
            if (p0 * Math.abs(w) * ra[k] * rb[k] <= TARGET) {
                return first == 0 ? s : rho * s;
            }
            w = w * r;
        }
        return Double.NaN;
    }

    /**
     * The degree K at which {@link #series(HermiteExpansion, HermiteExpansion, double, boolean)} stops, or
     * −1 where it returns NaN: the same loop, for tests and diagnostics.
     */
    static int truncation(HermiteExpansion a, HermiteExpansion b, double rho, boolean derivative) {
        int pa = derivative ? a.parityDot : a.parity, pb = derivative ? b.parityDot : b.parity;
        int step = step(pa, pb), first = first(pa, pb), limit = Math.min(a.degree(), b.degree());
        double[] ra = derivative ? a.rootRemainderDot : a.rootRemainder;
        double[] rb = derivative ? b.rootRemainderDot : b.rootRemainder;
        double abs = Math.abs(rho), r = step == 2 ? rho * rho : rho, p0 = first == 0 ? abs : abs * abs, w = 1;
        for (int k = first; k <= limit; k += step) {
            if (p0 * Math.abs(w) * ra[k] * rb[k] <= TARGET) {
                return k;
            }
            w = w * r;
        }
        return -1;
    }

    /**
     * Σ_{k≤K} cₖ(a)·cₖ(b)·ρᵏ for a given K (dₖ with {@code derivative}) by the same forward loop, without
     * the bound; both must hold degree K. Half the terms are skipped when both expansions have the same
     * parity, as in the truncated series.
     */
    static double sum(HermiteExpansion a, HermiteExpansion b, double rho, boolean derivative, int degree) {
        double[] x = derivative ? a.d : a.c, y = derivative ? b.d : b.c;
        int pa = derivative ? a.parityDot : a.parity, pb = derivative ? b.parityDot : b.parity;
        int step = step(pa, pb), first = first(pa, pb);
        double r = step == 2 ? rho * rho : rho, s = 0, w = 1;
        for (int k = first; k <= degree; k += step) {
            s += x[k] * y[k] * w;
            w = w * r;
        }
        return first == 0 ? s : rho * s;
    }

    /** The arrays behind the expansion, for {@link HermitePanel} to pack; never to be modified. */
    double[] coefficients() {
        return c;
    }

    double[] derivativeCoefficients() {
        return d;
    }

    double[] rootRemainders() {
        return rootRemainder;
    }

    double[] rootRemaindersDot() {
        return rootRemainderDot;
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
