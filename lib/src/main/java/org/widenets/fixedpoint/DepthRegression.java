package org.widenets.fixedpoint;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.hipparchus.stat.descriptive.StreamingStatistics;
import org.widenets.gp.ExactGp;
import org.widenets.kernel.Checks;
import org.widenets.kernel.InputScaling;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The flagship paper's toy regression over depth (AAAI version; reference code
 * {@code toy_example.py}; shared/papers/elu-gelu-kernels.md §5.8): inputs on a circle of radius r
 * parametrised by the angle γ, 20 training angles uniform on [0, 2π) with targets f(γ) + N(0, σ_n²),
 * and the GP posterior mean (noise variance σ_n²) of the deep NNGP kernel for depths L = 1 … L_max.
 * Where ρ = 1 attracts, deep kernels become constant and the posterior mean flattens: depth acts as a
 * regulariser.
 *
 * <p>Assumptions where the note is silent: N(0, 0.1) is read as variance 0.1 (the note's convention);
 * the test error is measured against the noiseless f on the test grid.
 *
 * @param map           layer map (σ_b = 0 in the paper)
 * @param radius        r (0.5 in the paper)
 * @param trainSize     training angles (20)
 * @param testSize      test angles on linspace(0, 2π) (100)
 * @param noiseVariance σ_n² of the targets and of the GP (0.1)
 * @param maxDepth      L_max (99)
 */
public record DepthRegression(KernelMap map, double radius, int trainSize, int testSize, double noiseVariance,
                              int maxDepth) {

    /** The six target functions of the paper. */
    public enum Target {
        SIN("sin γ"), SAWTOOTH("2·sawtooth(γ) + 5"), CUBIC("γ³ − 4"), SINC("sinc γ"), EXP_ABS("exp|γ − π|"),
        TAN("tan γ");

        private final String label;

        Target(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** f(γ); sawtooth is SciPy's ramp from −1 to 1 over [0, 2π), sinc NumPy's sin(πγ)/(πγ). */
        public double value(double g) {
            switch (this) {
                case SIN: return Math.sin(g);
                case SAWTOOTH: {
                    double t = g / (2 * Math.PI);
                    return 2 * (2 * (t - Math.floor(t)) - 1) + 5;
                }
                case CUBIC: return g * g * g - 4;
                case SINC: return g == 0 ? 1 : Math.sin(Math.PI * g) / (Math.PI * g);
                case EXP_ABS: return Math.exp(Math.abs(g - Math.PI));
                default: return Math.tan(g);
            }
        }
    }

    public DepthRegression {
        Objects.requireNonNull(map, "map");
        Checks.positive("radius", radius);
        Checks.atLeast("trainSize", trainSize, 1);
        Checks.atLeast("testSize", testSize, 2);
        Checks.positive("noiseVariance", noiseVariance);
        Checks.atLeast("maxDepth", maxDepth, 1);
    }

    /** The paper's setting for a given layer map: r = 0.5, 20 training and 100 test angles, σ_n² = 0.1, L ≤ 99. */
    public static DepthRegression paper(KernelMap map) {
        return new DepthRegression(map, 0.5, 20, 100, 0.1, 99);
    }

    /** One run: posterior means at every depth. */
    public record Run(Target target, double[] trainAngles, double[] trainTargets, double[] testAngles,
                      double[][] means, double[] trainMse, double[] testMse) {
        /** Posterior mean on the test grid at depth L (1-based). */
        public double[] mean(int depth) {
            return means[depth - 1].clone();
        }
    }

    /** One seeded run for a target function. */
    public Run run(Target target, long seed) {
        Objects.requireNonNull(target, "target");
        RandomGenerator rng = new Well19937c(new int[] {(int) (seed >>> 32), (int) seed});
        double[] train = new double[trainSize], y = new double[trainSize];
        for (int i = 0; i < trainSize; i++) {
            train[i] = 2 * Math.PI * rng.nextDouble();
            y[i] = target.value(train[i]) + Math.sqrt(noiseVariance) * rng.nextGaussian();
        }
        double[] test = new double[testSize];
        for (int i = 0; i < testSize; i++) test[i] = 2 * Math.PI * i / (testSize - 1);
        double[][] points = new double[trainSize + testSize][];
        for (int i = 0; i < trainSize; i++) points[i] = onCircle(train[i]);
        for (int i = 0; i < testSize; i++) points[trainSize + i] = onCircle(test[i]);
        List<DMatrixRMaj> kernels = DepthKernels.of(map, points, InputScaling.SUM, maxDepth);
        double[][] means = new double[maxDepth][];
        double[] trainMse = new double[maxDepth], testMse = new double[maxDepth];
        for (int l = 0; l < maxDepth; l++) {
            DMatrixRMaj k = kernels.get(l);
            DMatrixRMaj kTrain = new DMatrixRMaj(trainSize, trainSize), kAll = new DMatrixRMaj(trainSize + testSize, trainSize);
            for (int i = 0; i < trainSize + testSize; i++) {
                for (int j = 0; j < trainSize; j++) {
                    kAll.unsafe_set(i, j, k.unsafe_get(i, j));
                    if (i < trainSize) kTrain.unsafe_set(i, j, k.unsafe_get(i, j));
                }
            }
            double[] m = ExactGp.fit(kTrain, y, noiseVariance).predictMean(kAll);
            double s = 0;
            for (int i = 0; i < trainSize; i++) s += Math.pow(m[i] - y[i], 2);
            trainMse[l] = s / trainSize;
            means[l] = new double[testSize];
            s = 0;
            for (int i = 0; i < testSize; i++) {
                means[l][i] = m[trainSize + i];
                s += Math.pow(means[l][i] - target.value(test[i]), 2);
            }
            testMse[l] = s / testSize;
        }
        return new Run(target, train, y, test, means, trainMse, testMse);
    }

    /**
     * Train and test MSE against depth over {@code repetitions} seeded runs (seed, seed + 1, …):
     * columns depth, train MSE mean and std, test MSE mean and std (sample std).
     */
    public Table mseByDepth(Target target, int repetitions, long seed) {
        Checks.atLeast("repetitions", repetitions, 2);
        StreamingStatistics[] train = new StreamingStatistics[maxDepth], test = new StreamingStatistics[maxDepth];
        for (int l = 0; l < maxDepth; l++) {
            train[l] = new StreamingStatistics();
            test[l] = new StreamingStatistics();
        }
        for (int r = 0; r < repetitions; r++) {
            Run run = run(target, seed + r);
            for (int l = 0; l < maxDepth; l++) {
                train[l].addValue(run.trainMse()[l]);
                test[l].addValue(run.testMse()[l]);
            }
        }
        IntColumn depth = IntColumn.create("depth");
        DoubleColumn trM = DoubleColumn.create("train MSE"), trS = DoubleColumn.create("train MSE std"),
                teM = DoubleColumn.create("test MSE"), teS = DoubleColumn.create("test MSE std");
        for (int l = 0; l < maxDepth; l++) {
            depth.append(l + 1);
            trM.append(train[l].getMean());
            trS.append(train[l].getStandardDeviation());
            teM.append(test[l].getMean());
            teS.append(test[l].getStandardDeviation());
        }
        return Table.create(String.format(Locale.ROOT, "%s, target %s, %d runs", map, target.label(), repetitions),
                depth, trM, trS, teM, teS);
    }

    private double[] onCircle(double g) {
        return new double[] {radius * Math.cos(g), radius * Math.sin(g)};
    }
}
