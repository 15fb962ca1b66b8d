package org.widenets.data;

/**
 * A binary classification task with a train/test split, inputs standardised with training statistics
 * and labels ±1.
 *
 * @param name          what the task is, e.g. "digits even (+1) vs odd (−1), seed 0"
 * @param xTrain        training inputs (n_train × d), standardised
 * @param yTrain        training labels, +1 or −1
 * @param xTest         test inputs, standardised with the training statistics
 * @param yTest         test labels, +1 or −1
 * @param trainRows     row indices of the training set in the source data
 * @param testRows      row indices of the test set in the source data
 * @param standardization the training-set statistics applied to both sets
 */
public record BinaryTask(String name, double[][] xTrain, double[] yTrain, double[][] xTest, double[] yTest,
        int[] trainRows, int[] testRows, Standardization standardization) {

    public int inputDimension() {
        return xTrain[0].length;
    }

    @Override
    public String toString() {
        return "BinaryTask[" + name + ": " + xTrain.length + " train, " + xTest.length + " test, d = "
                + inputDimension() + "]";
    }
}
