package org.widenets.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.ejml.data.DMatrixRMaj;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.widenets.data.BinaryTask;
import org.widenets.kernel.AbRelu;
import org.widenets.kernel.Activation;
import org.widenets.kernel.Checks;

/**
 * Plain SGD (no momentum, no weight decay) of a one-hidden-layer classifier on a {@link BinaryTask}, with
 * the batch-mean logistic loss and one learning rate per layer (shared/papers/width-scalings.md §2, §5).
 *
 * <p>The run draws θ₀ with {@link OneHiddenLayerNet#gaussian} from the seed, trains on the model
 * f(x; θ_k) + c·f(x; θ₀) (c = {@link Hyperparameters#initCorrection()}, 0 for a plain network; the
 * second term is a frozen copy computed once, see {@link TrainingObjective}) and, at each evaluation step,
 * records train/test loss and accuracy, E|f| on the test set and the tangent kernel on the first
 * {@code kernelPoints} test inputs. Mini-batches are consecutive slices of a permutation of the training
 * set redrawn every epoch from a second seeded stream; with batchSize = N every step is full-batch GD.
 *
 * <pre>
 *   TrainingResult r = Trainer.builder(task, hyperparameters).steps(500).seed(3).build().run();
 * </pre>
 */
public final class Trainer {

    private final String name;
    private final LabelledInputs train;
    private final LabelledInputs test;
    private final Hyperparameters h;
    private final Activation phi;
    private final int steps;
    private final int batchSize;
    private final long seed;
    private final int[] evaluationSteps;
    private final int kernelPoints;

    private Trainer(Builder b) {
        this.name = b.name;
        LabelledInputs fullTrain = LabelledInputs.train(b.task);
        LabelledInputs fullTest = LabelledInputs.test(b.task);
        this.train = b.trainSize == 0 ? fullTrain : fullTrain.head(b.trainSize);
        this.test = b.testSize == 0 ? fullTest : fullTest.head(b.testSize);
        if (train.dimension() != test.dimension()) {
            throw new IllegalArgumentException("train inputs have dimension " + train.dimension() + ", test "
                    + test.dimension());
        }
        this.h = b.h;
        this.phi = b.phi;
        this.steps = b.steps;
        this.batchSize = b.batchSize == 0 ? train.size() : b.batchSize;
        if (batchSize > train.size()) {
            throw new IllegalArgumentException("batchSize " + batchSize + " exceeds the training set size "
                    + train.size());
        }
        this.seed = b.seed;
        this.evaluationSteps = b.evaluationSteps == null ? logSpacedSteps(steps, 10) : b.evaluationSteps;
        for (int s : evaluationSteps) {
            if (s > steps) {
                throw new IllegalArgumentException("evaluation step " + s + " exceeds steps = " + steps);
            }
        }
        this.kernelPoints = Math.min(b.kernelPoints, test.size());
    }

    /** A builder for training on task with the given width, initial variances, learning rates and correction. */
    public static Builder builder(BinaryTask task, Hyperparameters hyperparameters) {
        return new Builder(task, hyperparameters);
    }

    /**
     * Steps 0, 1, …, 10 and then about perDecade steps per decade, roughly evenly spaced in log k, plus the
     * last step: the grid on which the paper plots against the step on a log axis.
     */
    public static int[] logSpacedSteps(int steps, int perDecade) {
        Checks.atLeast("steps", steps, 0);
        Checks.atLeast("perDecade", perDecade, 1);
        TreeSet<Integer> s = new TreeSet<>();
        for (int k = 0; k <= Math.min(10, steps); k++) s.add(k);
        for (double e = 1; Math.pow(10, e) <= steps; e += 1.0 / perDecade) {
            s.add((int) Math.round(Math.pow(10, e)));
        }
        s.add(steps);
        return s.stream().mapToInt(Integer::intValue).filter(k -> k <= steps).toArray();
    }

    /** Trains and returns the log with the initial and trained networks. */
    public TrainingResult run() {
        OneHiddenLayerNet initial = OneHiddenLayerNet.gaussian(h.width(), train.dimension(),
                h.inputWeightVariance(), h.outputWeightVariance(), phi, seed);
        double c = h.initCorrection();
        double[] offsetTrain = frozenOffset(initial, train, c);
        double[] offsetTest = frozenOffset(initial, test, c);
        TrainingObjective fullTrain = new TrainingObjective(train, offsetTrain);
        TrainingObjective testObjective = new TrainingObjective(test, offsetTest);
        DMatrixRMaj kernelX = test.head(Math.max(kernelPoints, 1)).xView();

        int n = train.size();
        boolean fullBatch = batchSize == n;
        int batchesPerEpoch = n / batchSize;
        RandomGenerator shuffler = new Well19937c(new int[] {(int) seed, (int) (seed >>> 32), 0x5eed});
        int[] order = identity(n);

        List<TrainingLog.Entry> entries = new ArrayList<>();
        int nextEval = 0;
        OneHiddenLayerNet net = initial;
        for (int k = 0; k <= steps; k++) {
            if (nextEval < evaluationSteps.length && evaluationSteps[nextEval] == k) {
                entries.add(evaluate(k, net, fullTrain, testObjective, kernelX, train, test));
                nextEval++;
            }
            if (k == steps) break;
            TrainingObjective objective = fullTrain;
            if (!fullBatch) {
                int slot = k % batchesPerEpoch;
                if (slot == 0) shuffle(order, shuffler);
                int[] idx = Arrays.copyOfRange(order, slot * batchSize, (slot + 1) * batchSize);
                double[] off = new double[batchSize];
                for (int i = 0; i < batchSize; i++) off[i] = offsetTrain[idx[i]];
                objective = new TrainingObjective(train.rows(idx), off);
            }
            OneHiddenLayerNet.Gradient g = objective.gradient(net);
            if (!Double.isFinite(g.squaredNorm())) {
                throw new IllegalStateException("training diverged at step " + k + " (" + h + "): non-finite gradient");
            }
            net = net.descend(g, h.inputLearningRate(), h.outputLearningRate());
        }
        return new TrainingResult(new TrainingLog(name, entries), initial, net);
    }

    private TrainingLog.Entry evaluate(int k, OneHiddenLayerNet net, TrainingObjective train,
            TrainingObjective test, DMatrixRMaj kernelX, LabelledInputs trainSet, LabelledInputs testSet) {
        double[] fTrain = train.logits(net);
        double[] fTest = test.logits(net);
        double meanAbs = 0;
        for (double f : fTest) {
            if (!Double.isFinite(f)) {
                throw new IllegalStateException("training diverged at step " + k + " (" + h + "): logit " + f);
            }
            meanAbs += Math.abs(f);
        }
        meanAbs /= fTest.length;
        TangentKernel kernel = net.tangentKernel(kernelX, h.inputLearningRate(), h.outputLearningRate());
        return new TrainingLog.Entry(k,
                TrainingObjective.meanLoss(trainSet.yView(), fTrain), TrainingObjective.accuracy(trainSet.yView(), fTrain),
                TrainingObjective.meanLoss(testSet.yView(), fTest), TrainingObjective.accuracy(testSet.yView(), fTest),
                meanAbs, kernel);
    }

    private static double[] frozenOffset(OneHiddenLayerNet initial, LabelledInputs data, double c) {
        if (c == 0) return new double[data.size()];
        double[] f = initial.logits(data.xView());
        for (int i = 0; i < f.length; i++) f[i] *= c;
        return f;
    }

    private static int[] identity(int n) {
        int[] o = new int[n];
        Arrays.setAll(o, i -> i);
        return o;
    }

    // Fisher–Yates with the run's own generator (Hipparchus has no in-place int-array shuffle).
    private static void shuffle(int[] a, RandomGenerator rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Options of a {@link Trainer}; defaults: leaky ReLU 0.1, 100 full-batch steps, seed 0, 10 kernel points. */
    public static final class Builder {
        private final BinaryTask task;
        private final Hyperparameters h;
        private String name = "run";
        private Activation phi = AbRelu.leakyRelu(0.1);
        private int steps = 100;
        private int batchSize = 0;
        private long seed = 0;
        private int[] evaluationSteps;
        private int kernelPoints = 10;
        private int trainSize = 0;
        private int testSize = 0;

        private Builder(BinaryTask task, Hyperparameters h) {
            this.task = Objects.requireNonNull(task, "task");
            this.h = Objects.requireNonNull(h, "hyperparameters");
        }

        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        public Builder activation(Activation phi) {
            this.phi = Objects.requireNonNull(phi, "activation");
            return this;
        }

        /** Number of SGD steps (≥ 0). */
        public Builder steps(int steps) {
            this.steps = Checks.atLeast("steps", steps, 0);
            return this;
        }

        /** Examples per step (1 … N); N (the default) is full-batch gradient descent. */
        public Builder batchSize(int batchSize) {
            this.batchSize = Checks.atLeast("batchSize", batchSize, 1);
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Steps after which to evaluate (strictly increasing, ≥ 0); default {@link #logSpacedSteps}(steps, 10). */
        public Builder evaluateAt(int... steps) {
            for (int i = 0; i < steps.length; i++) {
                Checks.atLeast("evaluation step", steps[i], 0);
                if (i > 0 && steps[i] <= steps[i - 1]) {
                    throw new IllegalArgumentException("evaluation steps must increase, got " + steps[i - 1]
                            + " then " + steps[i]);
                }
            }
            if (steps.length == 0) throw new IllegalArgumentException("evaluation steps must not be empty");
            this.evaluationSteps = steps.clone();
            return this;
        }

        /** Number of test points (the first ones) on which the tangent kernel is logged. */
        public Builder kernelPoints(int kernelPoints) {
            this.kernelPoints = Checks.atLeast("kernelPoints", kernelPoints, 1);
            return this;
        }

        /** Train on the first n training examples only (default: all). */
        public Builder trainSize(int n) {
            this.trainSize = Checks.atLeast("trainSize", n, 2);
            return this;
        }

        /** Evaluate on the first n test examples only (default: all). */
        public Builder testSize(int n) {
            this.testSize = Checks.atLeast("testSize", n, 1);
            return this;
        }

        public Trainer build() {
            return new Trainer(this);
        }
    }
}
