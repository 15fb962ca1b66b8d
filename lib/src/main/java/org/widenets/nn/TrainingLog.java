package org.widenets.nn;

import java.util.List;
import java.util.Objects;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * What a training run recorded at its evaluation steps: losses, accuracies, the mean absolute logit on
 * the test set and the diagonal tangent kernel on a fixed set of test points. Logits are those of the
 * trained model, i.e. including the IC-MF correction when there is one.
 */
public record TrainingLog(String name, List<Entry> entries) {

    public TrainingLog {
        Objects.requireNonNull(name, "name");
        entries = List.copyOf(entries);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a training log needs at least one entry");
        }
    }

    /**
     * One evaluation: after {@code step} SGD steps, train/test mean logistic loss and accuracy, E_x|f(x)|
     * over the test set, and the tangent kernel on the kernel points.
     */
    public record Entry(int step, double trainLoss, double trainAccuracy, double testLoss, double testAccuracy,
            double meanAbsLogit, TangentKernel kernel) {
    }

    /** The first entry (step 0 when the run evaluated the initial network). */
    public Entry first() {
        return entries.get(0);
    }

    /** The last entry. */
    public Entry last() {
        return entries.get(entries.size() - 1);
    }

    /** The entry at exactly this step. */
    public Entry at(int step) {
        for (Entry e : entries) {
            if (e.step() == step) return e;
        }
        throw new IllegalArgumentException("no entry at step " + step + " in log '" + name + "'");
    }

    /** E_x|K_k(x,x) − K₀(x,x)| / E_x K₀(x,x) at each entry, relative to the first entry. */
    public double relativeKernelChange(Entry e) {
        return e.kernel().relativeChangeFrom(first().kernel());
    }

    /**
     * The log as a table: step, train_loss, train_accuracy, test_loss, test_accuracy, mean_abs_logit,
     * kernel, kernel_input, kernel_output (means over kernel points) and kernel_ratio = E K / E K₀.
     */
    public Table toTable() {
        int n = entries.size();
        int[] step = new int[n];
        double[][] c = new double[9][n];
        double k0 = first().kernel().mean();
        for (int i = 0; i < n; i++) {
            Entry e = entries.get(i);
            step[i] = e.step();
            c[0][i] = e.trainLoss();
            c[1][i] = e.trainAccuracy();
            c[2][i] = e.testLoss();
            c[3][i] = e.testAccuracy();
            c[4][i] = e.meanAbsLogit();
            c[5][i] = e.kernel().mean();
            c[6][i] = e.kernel().meanInput();
            c[7][i] = e.kernel().meanOutput();
            c[8][i] = e.kernel().mean() / k0;
        }
        return Table.create(name, IntColumn.create("step", step),
                DoubleColumn.create("train_loss", c[0]), DoubleColumn.create("train_accuracy", c[1]),
                DoubleColumn.create("test_loss", c[2]), DoubleColumn.create("test_accuracy", c[3]),
                DoubleColumn.create("mean_abs_logit", c[4]), DoubleColumn.create("kernel", c[5]),
                DoubleColumn.create("kernel_input", c[6]), DoubleColumn.create("kernel_output", c[7]),
                DoubleColumn.create("kernel_ratio", c[8]));
    }

    @Override
    public String toString() {
        Entry l = last();
        return String.format("%s: %d entries, step %d: train loss %.4f, test accuracy %.3f, E|f| %.4g, E K %.4g",
                name, entries.size(), l.step(), l.trainLoss(), l.testAccuracy(), l.meanAbsLogit(), l.kernel().mean());
    }
}
