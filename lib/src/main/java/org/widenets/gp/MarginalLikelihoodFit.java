package org.widenets.gp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.widenets.kernel.Checks;

/**
 * Type-II maximum likelihood: maximise log p(y | X, θ, σ_n²) ({@link GpPosterior#logMarginalLikelihood()})
 * over a {@link KernelFamily}'s hyperparameters and the noise variance, on a log scale with box bounds,
 * from the family's start and from {@code restarts} further seeded random starts; the best optimum wins.
 * Families with an analytic gradient ({@link KernelFamily#hasGradient()}, e.g. ARD RBF) use Hipparchus'
 * Polak–Ribière conjugate gradients on the exact gradient ½ tr((ααᵀ − A⁻¹) ∂K) (bounds by a quadratic
 * penalty outside the box, since that optimiser has none); others use Hipparchus' derivative-free
 * BOBYQA (Powell 2009) with the box as bounds. The noise variance is bounded
 * below by a configurable floor (wine-quality-red's duplicated rows otherwise drive it to 0 and the
 * test log-likelihood turns into an artefact; shared/notes/notebook-stack.md §11.2).
 *
 * <pre>
 * Hyperparameters h = MarginalLikelihoodFit.builder(KernelFamily.ardRbf(d)).noiseFloor(1e-4).seed(1).build()
 *         .fit(split.xTrain(), split.yTrain());
 * </pre>
 */
public final class MarginalLikelihoodFit {

    private final KernelFamily family;
    private final double noiseFloor;
    private final double noiseCeiling;
    private final int restarts;
    private final int maxEvaluations;
    private final int maxRows;
    private final long seed;

    private MarginalLikelihoodFit(Builder b) {
        this.family = b.family;
        this.noiseFloor = b.noiseFloor;
        this.noiseCeiling = b.noiseCeiling;
        this.restarts = b.restarts;
        this.maxEvaluations = b.maxEvaluations;
        this.maxRows = b.maxRows;
        this.seed = b.seed;
    }

    public static Builder builder(KernelFamily family) {
        return new Builder(family);
    }

    /** The optimum found: kernel, noise variance and the log marginal likelihood there. */
    public record Hyperparameters(GpKernel kernel, double[] theta, double noiseVariance, double logMarginalLikelihood,
            int evaluations) {
        @Override
        public String toString() {
            return String.format("%s, noise %.4g, log ML %.4f (%d evaluations)", kernel, noiseVariance,
                    logMarginalLikelihood, evaluations);
        }
    }

    /**
     * Maximises the evidence of (x, y). With {@code maxRows} set, only the first maxRows rows are used for
     * the search (the splits are random permutations, so they are a random subset).
     */
    public Hyperparameters fit(double[][] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x has " + x.length + " rows but y has " + y.length);
        }
        int n = Math.min(x.length, maxRows);
        double[][] xs = Arrays.copyOf(x, n);
        double[] ys = Arrays.copyOf(y, n);
        double[] lo = family.lower(), hi = family.upper();
        int p = lo.length + 1;
        double[] logLo = new double[p], logHi = new double[p];
        for (int i = 0; i < p - 1; i++) {
            logLo[i] = Math.log(lo[i]);
            logHi[i] = Math.log(hi[i]);
        }
        logLo[p - 1] = Math.log(noiseFloor);
        logHi[p - 1] = Math.log(noiseCeiling);
        int[] evaluations = {0};
        ObjectiveFunction objective = new ObjectiveFunction(z -> {
            evaluations[0]++;
            return -evidence(z, xs, ys);
        });
        SplittableRandom random = new SplittableRandom(seed);
        List<double[]> starts = new ArrayList<>();
        double[] s0 = new double[p];
        double[] fs = family.start();
        for (int i = 0; i < p - 1; i++) s0[i] = clamp(Math.log(fs[i]), logLo[i], logHi[i]);
        s0[p - 1] = clamp(Math.log(0.1), logLo[p - 1], logHi[p - 1]);
        starts.add(s0);
        for (int r = 0; r < restarts; r++) {
            double[] s = new double[p];
            for (int i = 0; i < p; i++) {
                // random starts in the central part of the box: the edges are where BOBYQA ends, not starts
                double w = logHi[i] - logLo[i];
                s[i] = logLo[i] + w * (0.2 + 0.6 * random.nextDouble());
            }
            starts.add(s);
        }
        PointValuePair best = null;
        for (double[] s : starts) {
            PointValuePair v;
            if (family.hasGradient()) {
                v = gradientSearch(s, xs, ys, logLo, logHi, evaluations);
            } else {
                BOBYQAOptimizer opt = new BOBYQAOptimizer(2 * p + 1, 1.0, 1e-4);
                v = opt.optimize(new MaxEval(maxEvaluations), objective, GoalType.MINIMIZE,
                        new InitialGuess(s), new SimpleBounds(logLo, logHi));
            }
            if (best == null || v.getValue() < best.getValue()) best = v;
        }
        double[] z = clampAll(best.getPoint(), logLo, logHi);
        double[] theta = new double[p - 1];
        for (int i = 0; i < p - 1; i++) theta[i] = Math.exp(z[i]);
        return new Hyperparameters(family.at(theta), theta, Math.exp(z[p - 1]), -best.getValue(), evaluations[0]);
    }

    private static final double PENALTY = 1e3;

    private static double[] clampAll(double[] z, double[] lo, double[] hi) {
        double[] c = new double[z.length];
        for (int i = 0; i < z.length; i++) c[i] = clamp(z[i], lo[i], hi[i]);
        return c;
    }

    /** Conjugate gradients on −log p(y) in log coordinates, the box enforced by a quadratic penalty. */
    private PointValuePair gradientSearch(double[] start, double[][] x, double[] y, double[] lo, double[] hi,
            int[] evaluations) {
        int p = start.length;
        Object[] last = {null, null}; // point, posterior (or the exception) of the last Cholesky
        double[][] best = {null, {Double.POSITIVE_INFINITY}};
        java.util.function.Function<double[], GpPosterior> posterior = z -> {
            if (last[0] != null && Arrays.equals((double[]) last[0], z)) return (GpPosterior) last[1];
            evaluations[0]++;
            double[] c = clampAll(z, lo, hi);
            double[] theta = new double[p - 1];
            for (int i = 0; i < p - 1; i++) theta[i] = Math.exp(c[i]);
            GpPosterior post;
            try {
                post = ExactGp.fit(family.at(theta).gram(x), y, Math.exp(c[p - 1]));
            } catch (NotPositiveDefiniteException e) {
                post = null;
            }
            last[0] = z.clone();
            last[1] = post;
            return post;
        };
        java.util.function.ToDoubleFunction<double[]> value = z -> {
            GpPosterior post = posterior.apply(z);
            double v = post == null ? 1e30 : -post.logMarginalLikelihood();
            double[] c = clampAll(z, lo, hi);
            for (int i = 0; i < p; i++) v += PENALTY * (z[i] - c[i]) * (z[i] - c[i]);
            if (v < best[1][0]) {
                best[0] = z.clone();
                best[1][0] = v;
            }
            return v;
        };
        java.util.function.Function<double[], double[]> gradient = z -> {
            GpPosterior post = posterior.apply(z);
            double[] c = clampAll(z, lo, hi);
            double[] out = new double[p];
            for (int i = 0; i < p; i++) out[i] = 2 * PENALTY * (z[i] - c[i]);
            if (post == null) return out;
            double[] theta = new double[p - 1];
            for (int i = 0; i < p - 1; i++) theta[i] = Math.exp(c[i]);
            double[] g = evidenceGradient(family, theta, Math.exp(c[p - 1]), x, post);
            for (int i = 0; i < p; i++) out[i] -= g[i];
            return out;
        };
        var opt = new org.hipparchus.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer(
                org.hipparchus.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer.Formula.POLAK_RIBIERE,
                new org.hipparchus.optim.SimpleValueChecker(1e-6, 1e-4), 1e-6, 1e-6, 0.1);
        try {
            opt.optimize(new MaxEval(maxEvaluations), new org.hipparchus.optim.MaxIter(maxEvaluations),
                    new ObjectiveFunction(value::applyAsDouble),
                    new org.hipparchus.optim.nonlinear.scalar.ObjectiveFunctionGradient(gradient::apply),
                    GoalType.MINIMIZE, new InitialGuess(start));
        } catch (org.hipparchus.exception.MathIllegalStateException e) {
            // evaluation budget exhausted: the best point seen below is still a valid answer
        }
        return new PointValuePair(best[0], best[1][0]);
    }

    /**
     * ∂ log p(y)/∂ log θ_k for the family's hyperparameters and, last, ∂ log p(y)/∂ log σ_n², at a fitted
     * posterior: ½ tr((ααᵀ − A⁻¹) ∂A) (Rasmussen &amp; Williams 2006, eq. 5.9).
     */
    static double[] evidenceGradient(KernelFamily family, double[] theta, double noise, double[][] x, GpPosterior post) {
        double[] alpha = post.alpha();
        org.ejml.data.DMatrixRMaj w = post.factor().inverse();
        int n = alpha.length;
        double trace = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) w.data[i * n + j] = alpha[i] * alpha[j] - w.data[i * n + j];
            trace += w.data[i * n + i];
        }
        double[] g = family.evidenceGradient(theta, x, w);
        double[] out = java.util.Arrays.copyOf(g, g.length + 1);
        out[g.length] = 0.5 * trace * noise;
        return out;
    }

    private double evidence(double[] z, double[][] x, double[] y) {
        double[] theta = new double[z.length - 1];
        for (int i = 0; i < theta.length; i++) theta[i] = Math.exp(z[i]);
        try {
            return ExactGp.fit(family.at(theta).gram(x), y, Math.exp(z[z.length - 1])).logMarginalLikelihood();
        } catch (NotPositiveDefiniteException e) {
            // an infeasible corner of the box: tell the optimiser it is very bad, keep searching
            return -1e30;
        }
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** Builder: noise floor 1e-6, ceiling 10, 2 random restarts, 500 evaluations per start, all rows, seed 0. */
    public static final class Builder {
        private final KernelFamily family;
        private double noiseFloor = 1e-6;
        private double noiseCeiling = 10;
        private int restarts = 2;
        private int maxEvaluations = 500;
        private int maxRows = Integer.MAX_VALUE;
        private long seed;

        private Builder(KernelFamily family) {
            this.family = Objects.requireNonNull(family, "family");
        }

        /** Smallest noise variance considered (in the units of y), &gt; 0. */
        public Builder noiseFloor(double v) {
            this.noiseFloor = Checks.positive("noiseFloor", v);
            return this;
        }

        /** Largest noise variance considered. */
        public Builder noiseCeiling(double v) {
            this.noiseCeiling = Checks.positive("noiseCeiling", v);
            return this;
        }

        /** Random restarts in addition to the family's start, ≥ 0. */
        public Builder restarts(int r) {
            this.restarts = Checks.atLeast("restarts", r, 0);
            return this;
        }

        public Builder maxEvaluations(int m) {
            this.maxEvaluations = Checks.atLeast("maxEvaluations", m, 10);
            return this;
        }

        /** Use at most this many (leading) rows for the search. */
        public Builder maxRows(int m) {
            this.maxRows = Checks.atLeast("maxRows", m, 2);
            return this;
        }

        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        public MarginalLikelihoodFit build() {
            if (noiseFloor >= noiseCeiling) {
                throw new IllegalArgumentException("noiseFloor " + noiseFloor + " must be below noiseCeiling " + noiseCeiling);
            }
            return new MarginalLikelihoodFit(this);
        }
    }
}
