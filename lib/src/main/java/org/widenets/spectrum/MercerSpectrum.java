package org.widenets.spectrum;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;
import org.widenets.kernel.Checks;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Mercer eigenvalues μ_0 … μ_ℓmax of a dot-product kernel κ(⟨x, y⟩) on S^{d−1} with respect to the
 * uniform probability measure, each of multiplicity N(d, ℓ) (Funk–Hecke; shared/papers/rkhs-smoothness.md
 * §1 and §3.2):
 * <pre>
 *   μ_ℓ = c_d ∫_0^π κ(cos θ) P_ℓ^{(d)}(cos θ) sin^{d−2}θ dθ,   κ(t) = Σ_ℓ N(d,ℓ) μ_ℓ P_ℓ^{(d)}(t).
 * </pre>
 * Computed by the composite Gauss–Legendre rule in θ of {@link ThetaQuadrature}.
 *
 * <p><b>Round-off floor.</b> μ_ℓ is an O(scale) integrand cancelling down to μ_ℓ, with
 * scale = c_d ∫|κ| sin^{d−2}θ dθ (= μ_0 for a non-negative kernel). The round-off actually present is
 * measured: every coefficient is computed by two rules that share no node (32 and 24 Gauss–Legendre nodes per
 * panel), and noise_ℓ is the local maximum of their difference. (It is not constant: for d = 2, κ(cos θ)
 * carries the rounding of t = cos θ near θ = 0 and π unweighted, and noise_ℓ grows from ~2e−16 of the
 * scale at ℓ = 60 to ~1e−14 at ℓ = 2000.) Each degree gets a {@link Status}:
 * <ul>
 *   <li>{@code RESOLVED}: |μ_ℓ| ≥ max(relativeFloor·scale, 30·noise_ℓ), good to a few per cent at worst.
 *       Default relative floor: 1e−14 when every activation has a closed form, 1e−12 otherwise (the note's
 *       §3.3 level, for kernels evaluated by quadrature, whose errors need not look like noise);</li>
 *   <li>{@code ZERO}: |μ_ℓ| &lt; max(1e−15·scale, 3·noise_ℓ), zero to double precision. Exact zeros
 *       (bias-free two-layer ReLU at odd ℓ ≥ 3, polynomial activations above their degree) land here; so
 *       does a true value that double precision cannot tell from zero (GELU at ℓ ≳ 30). {@link #eigenvalue}
 *       reports these as 0;</li>
 *   <li>{@code UNRESOLVED}: in between: not zero, but below what double precision resolves.
 *       {@link #eigenvalue} refuses to return such a value rather than print noise.</li>
 * </ul>
 */
public final class MercerSpectrum {

    /** The note's trust level for kernels evaluated by quadrature: values below 1e−12·scale are round-off. */
    public static final double QUADRATURE_RELATIVE_FLOOR = 1e-12;
    /** Trust level for closed-form kernels. */
    public static final double CLOSED_FORM_RELATIVE_FLOOR = 1e-14;
    /** Below this fraction of the scale a coefficient is zero to double precision. */
    public static final double ZERO_LEVEL = 1e-15;
    /** A resolved value is at least this many times its estimated round-off (so good to ~3 %). */
    public static final double RESOLVED_OVER_NOISE = 30;
    /** A value within this many times its estimated round-off is indistinguishable from zero. */
    public static final double ZERO_OVER_NOISE = 3;
    private static final int NOISE_WINDOW = 4, CHUNKS = 64;
    /** Largest degree accepted: the panel rules cost ~100·ℓmax² operations and ~150·ℓmax kernel calls. */
    public static final int MAX_DEGREE = 5_000;

    /** How far a computed μ_ℓ can be trusted. */
    public enum Status { RESOLVED, UNRESOLVED, ZERO }

    private final String kernel;
    private final int dimension;
    private final double[] raw;
    private final double[] noise;
    private final double scale;
    private final double relativeFloor;

    private MercerSpectrum(String kernel, int dimension, double[] raw, double[] noise, double scale, double relativeFloor) {
        this.kernel = kernel;
        this.dimension = dimension;
        this.raw = raw;
        this.noise = noise;
        this.scale = scale;
        this.relativeFloor = relativeFloor;
    }

    /** μ_0 … μ_ℓmax of a network kernel on the sphere, with the default floor for its kind of kernel. */
    public static MercerSpectrum of(SphereKernel kernel, int ellMax) {
        return of(kernel, ellMax, kernel.closedForm() ? CLOSED_FORM_RELATIVE_FLOOR : QUADRATURE_RELATIVE_FLOOR);
    }

    /** μ_0 … μ_ℓmax of a network kernel on the sphere with a chosen relative floor. */
    public static MercerSpectrum of(SphereKernel kernel, int ellMax, double relativeFloor) {
        Objects.requireNonNull(kernel, "kernel");
        return of(kernel::value, kernel.dimension(), ellMax, relativeFloor, kernel.toString());
    }

    /**
     * μ_0 … μ_ℓmax of any dot-product kernel κ: [−1, 1] → ℝ on S^{d−1} (d the ambient dimension).
     * κ is called once per quadrature node, in parallel, so it must be thread-safe.
     *
     * @param relativeFloor in [1e−14, 1e−3]: set it above the relative noise of κ's evaluation
     */
    public static MercerSpectrum of(DoubleUnaryOperator kappa, int d, int ellMax, double relativeFloor, String name) {
        Objects.requireNonNull(kappa, "kappa");
        SphericalHarmonics.checkDimension(d);
        Checks.atLeast("ellMax", ellMax, 0);
        if (ellMax > MAX_DEGREE) {
            throw new IllegalArgumentException("ellMax = " + ellMax + " exceeds " + MAX_DEGREE
                    + ": the panel quadrature costs O(ℓmax²) (seconds at ℓmax = 2000, minutes beyond " + MAX_DEGREE + ")");
        }
        if (!(relativeFloor >= CLOSED_FORM_RELATIVE_FLOOR && relativeFloor <= 1e-3)) {
            throw new IllegalArgumentException("relativeFloor must lie in [1e-14, 1e-3] (double precision cannot"
                    + " resolve coefficients below ~1e-14 of the kernel's scale), got " + relativeFloor);
        }
        double[] main = coefficients(kappa, d, ellMax, ThetaQuadrature.of(d, ellMax, ThetaQuadrature.NODES_PER_PANEL), name);
        double[] check = coefficients(kappa, d, ellMax, ThetaQuadrature.of(d, ellMax, ThetaQuadrature.CHECK_NODES_PER_PANEL), name);
        double scale = main[ellMax + 1];
        double[] mu = Arrays.copyOf(main, ellMax + 1), noise = new double[ellMax + 1];
        for (int l = 0; l <= ellMax; l++) {
            // The two rules share no node, so their difference samples the round-off of κ and of the sums;
            // its local maximum over ℓ ± NOISE_WINDOW is a stable estimate of the noise level.
            for (int j = Math.max(0, l - NOISE_WINDOW); j <= Math.min(ellMax, l + NOISE_WINDOW); j++) {
                noise[l] = Math.max(noise[l], Math.abs(main[j] - check[j]));
            }
        }
        return new MercerSpectrum(name, d, mu, noise, scale, relativeFloor);
    }

    /** μ_0 … μ_ℓmax by one rule, followed by the scale c_d∫|κ| sin^{d−2}θ dθ in the last entry. */
    private static double[] coefficients(DoubleUnaryOperator kappa, int d, int ellMax, ThetaQuadrature rule, String name) {
        int n = rule.size(), perPanel = rule.nodesPerPanel(), panels = n / perPanel;
        double[] t = rule.t(), w = rule.weights(), theta = rule.theta();
        double[] kw = new double[n];
        IntStream.range(0, n).parallel().forEach(i -> kw[i] = kappa.applyAsDouble(t[i]) * w[i]);
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(kw[i])) {
                throw new IllegalArgumentException("kernel " + name + " is not finite at t = " + t[i]);
            }
        }
        // Plain sums within a panel, compensated (Neumaier) sums over panels: with ~10⁵ nodes plain summation
        // alone would leave ~1e−15 of the scale. Fixed chunks combined in a fixed order keep the result
        // independent of the number of threads.
        int chunks = Math.min(CHUNKS, panels);
        SphericalHarmonics.RecurrenceCoefficients rc = new SphericalHarmonics.RecurrenceCoefficients(d, ellMax);
        double[][] partial = new double[chunks][];
        IntStream.range(0, chunks).parallel().forEach(c -> {
            double[] sum = new double[ellMax + 2], comp = new double[ellMax + 2], panel = new double[ellMax + 2];
            double[] p = new double[ellMax + 1];
            for (int q = c * panels / chunks; q < (c + 1) * panels / chunks; q++) {
                Arrays.fill(panel, 0);
                for (int i = q * perPanel; i < (q + 1) * perPanel; i++) {
                    SphericalHarmonics.legendreAtAngle(rc, theta[i], p);
                    double k = kw[i];
                    for (int l = 0; l <= ellMax; l++) {
                        panel[l] += k * p[l];
                    }
                    panel[ellMax + 1] += Math.abs(k);
                }
                neumaier(sum, comp, panel);
            }
            for (int l = 0; l <= ellMax + 1; l++) sum[l] += comp[l];
            partial[c] = sum;
        });
        double[] mu = new double[ellMax + 2], comp = new double[ellMax + 2];
        for (double[] part : partial) {
            neumaier(mu, comp, part);
        }
        for (int l = 0; l <= ellMax + 1; l++) mu[l] += comp[l];
        return mu;
    }

    /** sum += add entrywise with Neumaier's running compensation comp. */
    private static void neumaier(double[] sum, double[] comp, double[] add) {
        for (int l = 0; l < sum.length; l++) {
            double a = add[l], s = sum[l] + a;
            comp[l] += Math.abs(sum[l]) >= Math.abs(a) ? (sum[l] - s) + a : (a - s) + sum[l];
            sum[l] = s;
        }
    }

    public int dimension() {
        return dimension;
    }

    public int ellMax() {
        return raw.length - 1;
    }

    /** c_d ∫|κ| sin^{d−2}θ dθ: the size of the integrand the coefficients cancel from. */
    public double scale() {
        return scale;
    }

    /** The smallest floor: relativeFloor·scale. */
    public double floor() {
        return relativeFloor * scale;
    }

    /** Estimated round-off in μ_ℓ: the local maximum of |μ_ℓ(32-node rule) − μ_ℓ(24-node rule)|. */
    public double noise(int ell) {
        return noise[checkDegree(ell)];
    }

    /** Values of smaller magnitude at degree ℓ are not resolved: max(relativeFloor·scale, 30·noise_ℓ). */
    public double floor(int ell) {
        return Math.max(floor(), RESOLVED_OVER_NOISE * noise(ell));
    }

    /** RESOLVED above {@link #floor(int)}; ZERO below max(1e−15·scale, 3·noise_ℓ); UNRESOLVED in between. */
    public Status status(int ell) {
        double m = Math.abs(raw[checkDegree(ell)]);
        if (m >= floor(ell)) return Status.RESOLVED;
        return m < Math.max(ZERO_LEVEL * scale, ZERO_OVER_NOISE * noise[ell]) ? Status.ZERO : Status.UNRESOLVED;
    }

    public boolean resolved(int ell) {
        return status(ell) == Status.RESOLVED;
    }

    /**
     * μ_ℓ: the computed value where resolved, 0 where it is zero to double precision.
     *
     * @throws IllegalArgumentException for ℓ &gt; ℓmax, and for an unresolved ℓ (below the round-off floor
     *                                  but not zero): double precision cannot give that value
     */
    public double eigenvalue(int ell) {
        switch (status(ell)) {
            case RESOLVED:
                return raw[ell];
            case ZERO:
                return 0.0;
            default:
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "μ_%d of %s is below the round-off floor %.1e (estimated round-off %.1e, kernel scale %.3g):"
                                + " double precision cannot resolve it; the largest resolved degree is %d",
                        ell, kernel, floor(ell), noise[ell], scale, lastResolved()));
        }
    }

    /** The raw quadrature value of μ_ℓ, round-off included (for plots that show the floor). */
    public double raw(int ell) {
        return raw[checkDegree(ell)];
    }

    /** The raw values μ_0 … μ_ℓmax (a copy). */
    public double[] raw() {
        return raw.clone();
    }

    /** N(d, ℓ). */
    public double multiplicity(int ell) {
        return SphericalHarmonics.multiplicity(dimension, checkDegree(ell));
    }

    /** Largest ℓ with a resolved μ_ℓ, or −1. */
    public int lastResolved() {
        for (int l = raw.length - 1; l >= 0; l--) {
            if (resolved(l)) return l;
        }
        return -1;
    }

    /** Number of degrees ℓ ≤ ℓmax whose μ_ℓ is resolved (nonzero to double precision). */
    public int resolvedCount() {
        int c = 0;
        for (int l = 0; l < raw.length; l++) {
            if (resolved(l)) c++;
        }
        return c;
    }

    /** Σ_{ℓ≤ℓmax} N(d,ℓ) μ_ℓ P_ℓ^{(d)}(t): the truncated Mercer series, → κ(t) as ℓmax grows (sum rule at t = 1). */
    public double series(double t) {
        double[] p = new double[raw.length];
        if (!(t >= -1 && t <= 1)) throw new IllegalArgumentException("t must lie in [−1, 1], got " + t);
        SphericalHarmonics.legendre(dimension, t, p);
        double s = 0;
        for (int l = 0; l < raw.length; l++) {
            s += multiplicity(l) * raw[l] * p[l];
        }
        return s;
    }

    /** Decay exponents fitted separately on even and odd ℓ in [from, to] with the corrected model ({@link DecayFit}). */
    public DecayExponents decay(int from, int to) {
        return decay(from, to, DecayFit.Model.CORRECTED);
    }

    /** Decay exponents fitted separately on even and odd ℓ in [from, to] with the given model. */
    public DecayExponents decay(int from, int to, DecayFit.Model model) {
        return new DecayExponents(DecayFit.fit(this, Parity.EVEN, from, to, model),
                DecayFit.fit(this, Parity.ODD, from, to, model));
    }

    /** Decay exponents in the window ℓ ∈ [16, ℓmax] (cut at the floor; the note uses ℓmax = 64). */
    public DecayExponents decay() {
        return decay(16, ellMax());
    }

    /** ℓ, N(d,ℓ), raw μ_ℓ, μ_ℓ/μ_0 and status, one row per degree. */
    public Table table() {
        IntColumn ell = IntColumn.create("ℓ");
        DoubleColumn mult = DoubleColumn.create("N(d,ℓ)"), mu = DoubleColumn.create("μ_ℓ"),
                rel = DoubleColumn.create("μ_ℓ/scale");
        StringColumn st = StringColumn.create("status");
        for (int l = 0; l < raw.length; l++) {
            ell.append(l);
            mult.append(multiplicity(l));
            mu.append(status(l) == Status.ZERO ? 0.0 : raw[l]);
            rel.append(raw[l] / scale);
            st.append(status(l).name());
        }
        return Table.create("Mercer spectrum of " + kernel, ell, mult, mu, rel, st);
    }

    private int checkDegree(int ell) {
        if (ell < 0 || ell >= raw.length) {
            throw new IllegalArgumentException("degree ℓ = " + ell + " outside the computed range 0.." + (raw.length - 1));
        }
        return ell;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "Mercer spectrum on S^%d, ℓ ≤ %d, floor %.1e, of %s%n", dimension - 1, ellMax(), floor(), kernel));
        for (int l = 0; l < raw.length; l++) {
            if (l > 5 && l != 10 && l != 20 && l != 50 && l != 100 && l != ellMax()) continue;
            Status st = status(l);
            s.append(String.format(Locale.ROOT, "  μ_%-4d = %s%n", l,
                    st == Status.RESOLVED ? String.format(Locale.ROOT, "%.6e", raw[l])
                            : st == Status.ZERO ? "0 (to double precision)" : "unresolved (below floor)"));
        }
        return s.toString();
    }
}
