package org.widenets.nn;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.widenets.data.BinaryTask;
import org.widenets.kernel.Checks;

/**
 * Inputs x_i (rows of an N×n0 matrix) with binary labels ỹ_i ∈ {−1, +1}, the data a classifier
 * trains or is evaluated on. Both are copied in and out, so a value never changes.
 */
public final class LabelledInputs {

    private final DMatrixRMaj x;
    private final double[] y;

    /** x: N×n0 with finite entries; y: N labels, each −1 or +1. */
    public LabelledInputs(DMatrixRMaj x, double[] y) {
        if (x.numRows < 1 || x.numCols < 1) {
            throw new IllegalArgumentException("x must have at least one row and column, got "
                    + x.numRows + "×" + x.numCols);
        }
        if (y.length != x.numRows) {
            throw new IllegalArgumentException("y has " + y.length + " labels but x has " + x.numRows + " rows");
        }
        Checks.finite("x", x.data);
        for (int i = 0; i < y.length; i++) {
            if (y[i] != 1 && y[i] != -1) {
                throw new IllegalArgumentException("y[" + i + "] must be −1 or +1, got " + y[i]);
            }
        }
        this.x = x.copy();
        this.y = y.clone();
    }

    /** The training split of a task. */
    public static LabelledInputs train(BinaryTask task) {
        return new LabelledInputs(new DMatrixRMaj(task.xTrain()), task.yTrain());
    }

    /** The test split of a task. */
    public static LabelledInputs test(BinaryTask task) {
        return new LabelledInputs(new DMatrixRMaj(task.xTest()), task.yTest());
    }

    /** Number of examples N. */
    public int size() {
        return y.length;
    }

    /** Input dimension n0. */
    public int dimension() {
        return x.numCols;
    }

    /** The inputs (a copy). */
    public DMatrixRMaj x() {
        return x.copy();
    }

    /** The labels (a copy). */
    public double[] y() {
        return y.clone();
    }

    /** The examples with the given row indices, in that order. */
    public LabelledInputs rows(int[] indices) {
        DMatrixRMaj sub = new DMatrixRMaj(indices.length, x.numCols);
        double[] labels = new double[indices.length];
        for (int k = 0; k < indices.length; k++) {
            int i = indices[k];
            if (i < 0 || i >= y.length) {
                throw new IllegalArgumentException("row index " + i + " outside [0, " + y.length + ")");
            }
            System.arraycopy(x.data, i * x.numCols, sub.data, k * x.numCols, x.numCols);
            labels[k] = y[i];
        }
        return new LabelledInputs(sub, labels);
    }

    /** The first n examples. */
    public LabelledInputs head(int n) {
        Checks.atLeast("n", n, 1);
        int[] idx = new int[Math.min(n, y.length)];
        Arrays.setAll(idx, i -> i);
        return rows(idx);
    }

    // Package-private views without copies, for the training loop.
    DMatrixRMaj xView() {
        return x;
    }

    double[] yView() {
        return y;
    }

    @Override
    public String toString() {
        return "LabelledInputs[N=" + size() + ", n0=" + dimension() + "]";
    }
}
