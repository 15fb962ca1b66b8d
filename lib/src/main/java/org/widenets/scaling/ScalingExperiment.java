package org.widenets.scaling;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hipparchus.stat.regression.SimpleRegression;
import org.widenets.kernel.Checks;
import org.widenets.data.BinaryTask;
import org.widenets.nn.Trainer;
import org.widenets.nn.TrainingLog;
import org.widenets.nn.TrainingResult;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The finite-width experiments of the width-scalings paper on one task (shared/papers/width-scalings.md
 * §5–6): trains a scaling at a width for several seeds (seed s = firstSeed … firstSeed + seeds − 1 draws
 * θ₀ and the mini-batches) and reports seed means, as
 * <ul>
 *   <li>{@link #exponents}: the slopes of E|f⁽⁰⁾|, E K⁽⁰⁾ and ΔK/K against d (predicted p0, κ, 2δ);</li>
 *   <li>{@link #trajectory}: loss, accuracy, E|f|, E K and K/K₀ against the step;</li>
 *   <li>{@link #widthSweep}: final loss and accuracy against log₂ d.</li>
 * </ul>
 */
public final class ScalingExperiment {

    private final BinaryTask task;
    private final ReferenceModel reference;
    private final int steps;
    private final int batchSize;
    private final int seeds;
    private final long firstSeed;
    private final int initSeeds;
    private final int trainSize;
    private final int testSize;
    private final int kernelPoints;
    private final boolean progress;

    private ScalingExperiment(Builder b) {
        this.task = b.task;
        this.reference = b.reference;
        this.steps = b.steps;
        this.batchSize = b.batchSize;
        this.seeds = b.seeds;
        this.firstSeed = b.firstSeed;
        this.initSeeds = b.initSeeds == 0 ? 8 * b.seeds : b.initSeeds;
        this.trainSize = b.trainSize;
        this.testSize = b.testSize;
        this.kernelPoints = b.kernelPoints;
        this.progress = b.progress;
    }

    public static Builder builder(BinaryTask task) {
        return new Builder(task);
    }

    /** One run of the scaling at a width, evaluated on the log-spaced grid of {@link Trainer#logSpacedSteps}. */
    public TrainingResult run(Scaling scaling, int width, long seed) {
        return trainer(scaling, width, seed, Trainer.logSpacedSteps(steps, 10), steps).run();
    }

    private Trainer trainer(Scaling scaling, int width, long seed, int[] evaluateAt, int steps) {
        Trainer.Builder b = Trainer.builder(task, scaling.at(width, task.inputDimension(), reference))
                .name(scaling.name() + ", d = " + width).steps(steps).seed(seed).kernelPoints(kernelPoints)
                .evaluateAt(evaluateAt);
        if (batchSize > 0) b.batchSize(batchSize);
        if (trainSize > 0) b.trainSize(trainSize);
        if (testSize > 0) b.testSize(testSize);
        return b.build();
    }

    /** The runs of all seeds. */
    public List<TrainingLog> runs(Scaling scaling, int width) {
        List<TrainingLog> logs = new ArrayList<>();
        for (int s = 0; s < seeds; s++) {
            logs.add(run(scaling, width, firstSeed + s).log());
        }
        if (progress) System.out.println(logs.get(logs.size() - 1));
        return logs;
    }

    /**
     * Seed means of E|f⁽⁰⁾|, E K⁽⁰⁾ (over initSeeds initialisations, cheap) and of ΔK/K after
     * {@code steps} steps (over the training seeds) at each width, with least-squares slopes of log value
     * against log d.
     */
    public ExponentFit exponents(Scaling scaling, int... widths) {
        Objects.requireNonNull(scaling, "scaling");
        if (widths.length < 2) throw new IllegalArgumentException("need at least two widths, got " + widths.length);
        double[] logit = new double[widths.length];
        double[] kernel = new double[widths.length];
        double[] change = new double[widths.length];
        Checks.atLeast("steps", steps, 1);
        for (int i = 0; i < widths.length; i++) {
            for (int s = 0; s < initSeeds; s++) {
                TrainingLog log = trainer(scaling, widths[i], firstSeed + s, new int[] {0}, 0).run().log();
                logit[i] += log.first().meanAbsLogit() / initSeeds;
                kernel[i] += log.first().kernel().mean() / initSeeds;
            }
            for (int s = 0; s < seeds; s++) {
                TrainingLog log = trainer(scaling, widths[i], firstSeed + s, new int[] {0, steps}, steps).run().log();
                change[i] += log.relativeKernelChange(log.last()) / seeds;
            }
            if (progress) {
                System.out.println(String.format("%s, d = %d: E|f0| = %.4g, E K0 = %.4g, ΔK/K = %.4g", scaling.name(),
                        widths[i], logit[i], kernel[i], change[i]));
            }
        }
        return new ExponentFit(scaling, scaling.exponents(), steps, widths, logit, kernel, change,
                slope(widths, logit), slope(widths, kernel), slope(widths, change));
    }

    private static double slope(int[] widths, double[] values) {
        SimpleRegression r = new SimpleRegression();
        for (int i = 0; i < widths.length; i++) r.addData(Math.log(widths[i]), Math.log(values[i]));
        return r.getSlope();
    }

    /**
     * Seed means of every column of {@link TrainingLog#toTable()} at each evaluation step, plus columns
     * scaling and width; the table is named "scaling, d = width".
     */
    public Table trajectory(Scaling scaling, int width) {
        List<TrainingLog> logs = runs(scaling, width);
        Table mean = logs.get(0).toTable().copy();
        for (int c = 1; c < mean.columnCount(); c++) {
            DoubleColumn col = (DoubleColumn) mean.column(c);
            for (int row = 0; row < mean.rowCount(); row++) {
                double s = 0;
                for (TrainingLog log : logs) s += ((DoubleColumn) log.toTable().column(c)).get(row);
                col.set(row, s / logs.size());
            }
        }
        int n = mean.rowCount();
        mean.insertColumn(0, StringColumn.create("scaling", java.util.Collections.nCopies(n, scaling.name())));
        mean.insertColumn(1, IntColumn.create("width", java.util.stream.IntStream.generate(() -> width).limit(n)
                .toArray()));
        mean.setName(scaling.name() + ", d = " + width);
        return mean;
    }

    /**
     * Final train/test loss and accuracy (seed means) for each scaling and width: columns scaling, width,
     * log2_width, train_loss, test_loss, train_accuracy, test_accuracy.
     */
    public Table widthSweep(List<Scaling> scalings, int... widths) {
        StringColumn name = StringColumn.create("scaling");
        IntColumn width = IntColumn.create("width");
        DoubleColumn log2 = DoubleColumn.create("log2_width");
        DoubleColumn trainLoss = DoubleColumn.create("train_loss");
        DoubleColumn testLoss = DoubleColumn.create("test_loss");
        DoubleColumn trainAcc = DoubleColumn.create("train_accuracy");
        DoubleColumn testAcc = DoubleColumn.create("test_accuracy");
        for (Scaling scaling : scalings) {
            for (int d : widths) {
                double[] m = new double[4];
                for (int s = 0; s < seeds; s++) {
                    TrainingLog.Entry e = trainer(scaling, d, firstSeed + s, new int[] {steps}, steps).run().log().last();
                    m[0] += e.trainLoss() / seeds;
                    m[1] += e.testLoss() / seeds;
                    m[2] += e.trainAccuracy() / seeds;
                    m[3] += e.testAccuracy() / seeds;
                }
                name.append(scaling.name());
                width.append(d);
                log2.append(Math.log(d) / Math.log(2));
                trainLoss.append(m[0]);
                testLoss.append(m[1]);
                trainAcc.append(m[2]);
                testAcc.append(m[3]);
                if (progress) {
                    System.out.println(String.format("%s, d = %d: train loss %.4f, test accuracy %.3f", scaling.name(), d,
                            m[0], m[3]));
                }
            }
        }
        return Table.create("width sweep, " + steps + " steps", name, width, log2, trainLoss, testLoss, trainAcc,
                testAcc);
    }

    @Override
    public String toString() {
        return "ScalingExperiment[" + task + ", " + reference + ", " + steps + " steps, batch "
                + (batchSize == 0 ? "full" : batchSize) + ", " + seeds + " seeds]";
    }

    /** Options; defaults: the paper's reference (d* = 128, η* = 0.02), 100 full-batch steps, 3 seeds from 1. */
    public static final class Builder {
        private final BinaryTask task;
        private ReferenceModel reference = ReferenceModel.PAPER;
        private int steps = 100;
        private int batchSize = 0;
        private int seeds = 3;
        private long firstSeed = 1;
        private int initSeeds = 0;
        private int trainSize = 0;
        private int testSize = 0;
        private int kernelPoints = 10;
        private boolean progress = false;

        private Builder(BinaryTask task) {
            this.task = Objects.requireNonNull(task, "task");
        }

        public Builder reference(ReferenceModel reference) {
            this.reference = Objects.requireNonNull(reference, "reference");
            return this;
        }

        public Builder steps(int steps) {
            this.steps = Checks.atLeast("steps", steps, 0);
            return this;
        }

        /** Mini-batch size; full batch when not set. */
        public Builder batchSize(int batchSize) {
            this.batchSize = Checks.atLeast("batchSize", batchSize, 1);
            return this;
        }

        public Builder seeds(int seeds) {
            this.seeds = Checks.atLeast("seeds", seeds, 1);
            return this;
        }

        public Builder firstSeed(long firstSeed) {
            this.firstSeed = firstSeed;
            return this;
        }

        /** Initialisations averaged for E|f⁽⁰⁾| and E K⁽⁰⁾ in {@link #exponents}; default 8 × seeds. */
        public Builder initSeeds(int initSeeds) {
            this.initSeeds = Checks.atLeast("initSeeds", initSeeds, 1);
            return this;
        }

        /** Use only the first n training examples (default: all). */
        public Builder trainSize(int n) {
            this.trainSize = Checks.atLeast("trainSize", n, 2);
            return this;
        }

        /** Use only the first n test examples (default: all). */
        public Builder testSize(int n) {
            this.testSize = Checks.atLeast("testSize", n, 1);
            return this;
        }

        /** Number of test points on which the tangent kernel is measured. */
        public Builder kernelPoints(int kernelPoints) {
            this.kernelPoints = Checks.atLeast("kernelPoints", kernelPoints, 1);
            return this;
        }

        /** Print one line per finished width (for notebooks). */
        public Builder progress(boolean progress) {
            this.progress = progress;
            return this;
        }

        public ScalingExperiment build() {
            return new ScalingExperiment(this);
        }
    }
}
