package org.widenets.nn;

import java.util.Objects;
import org.widenets.kernel.Checks;

/**
 * How much of a task a {@link Trainer} run uses and logs: SGD steps, examples per step, the training and
 * test subsets and the test points on which the tangent kernel is logged. Shared by {@link Trainer.Builder}
 * and the scaling experiments, which pass theirs on to every run; the withers check each value.
 *
 * @param steps        SGD steps ≥ 0
 * @param batchSize    examples per step ≥ 1, or 0 for full-batch gradient descent
 * @param trainSize    the first n ≥ 2 training examples, or 0 for all
 * @param testSize     the first n ≥ 1 test examples, or 0 for all
 * @param kernelPoints test points (the first ones) on which the tangent kernel is logged, ≥ 1
 */
public record TrainingOptions(int steps, int batchSize, int trainSize, int testSize, int kernelPoints) {

    /** 100 full-batch steps on all examples, kernel logged on 10 test points. */
    public static final TrainingOptions DEFAULT = new TrainingOptions(100, 0, 0, 0, 10);

    public TrainingOptions {
        Checks.atLeast("steps", steps, 0);
        if (batchSize != 0) Checks.atLeast("batchSize", batchSize, 1);
        if (trainSize != 0) Checks.atLeast("trainSize", trainSize, 2);
        if (testSize != 0) Checks.atLeast("testSize", testSize, 1);
        Checks.atLeast("kernelPoints", kernelPoints, 1);
    }

    public TrainingOptions withSteps(int newSteps) {
        return new TrainingOptions(newSteps, batchSize, trainSize, testSize, kernelPoints);
    }

    /** Examples per step (≥ 1); use {@link #DEFAULT}'s 0 for full batch. */
    public TrainingOptions withBatchSize(int n) {
        return new TrainingOptions(steps, Checks.atLeast("batchSize", n, 1), trainSize, testSize, kernelPoints);
    }

    /** Only the first n ≥ 2 training examples. */
    public TrainingOptions withTrainSize(int n) {
        return new TrainingOptions(steps, batchSize, Checks.atLeast("trainSize", n, 2), testSize, kernelPoints);
    }

    /** Only the first n ≥ 1 test examples. */
    public TrainingOptions withTestSize(int n) {
        return new TrainingOptions(steps, batchSize, trainSize, Checks.atLeast("testSize", n, 1), kernelPoints);
    }

    public TrainingOptions withKernelPoints(int n) {
        return new TrainingOptions(steps, batchSize, trainSize, testSize, n);
    }

    /**
     * The setters of these options, for a builder that takes them ({@link Trainer.Builder},
     * {@link org.widenets.scaling.ScalingExperiment.Builder}); each returns that builder so calls chain.
     *
     * @param <B> the concrete builder
     */
    public abstract static class Setters<B extends Setters<B>> {

        private TrainingOptions options = DEFAULT;

        protected Setters() {
        }

        /** The builder itself, typed as the subclass. */
        protected abstract B self();

        /** The options set so far. */
        public TrainingOptions options() {
            return options;
        }

        /** All options at once. */
        public B options(TrainingOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return self();
        }

        /** Number of SGD steps (≥ 0). */
        public B steps(int steps) {
            return options(options.withSteps(steps));
        }

        /** Examples per step (1 … N); N (the default) is full-batch gradient descent. */
        public B batchSize(int batchSize) {
            return options(options.withBatchSize(batchSize));
        }

        /** Train on the first n training examples only (default: all). */
        public B trainSize(int n) {
            return options(options.withTrainSize(n));
        }

        /** Evaluate on the first n test examples only (default: all). */
        public B testSize(int n) {
            return options(options.withTestSize(n));
        }

        /** Number of test points (the first ones) on which the tangent kernel is logged. */
        public B kernelPoints(int kernelPoints) {
            return options(options.withKernelPoints(kernelPoints));
        }
    }
}
