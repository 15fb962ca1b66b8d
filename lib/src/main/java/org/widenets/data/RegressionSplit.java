package org.widenets.data;

/**
 * A regression train/test split ready for a model: inputs and targets standardised (by whatever
 * statistics the protocol prescribes), plus the target standardisation to return to original units.
 *
 * @param name   e.g. "boston-housing split 3 (standard)"
 * @param xTrain standardised training inputs
 * @param yTrain standardised training targets
 * @param xTest  standardised test inputs
 * @param yTest  standardised test targets
 * @param target the target's standardisation: original = target.unscale(standardised)
 */
public record RegressionSplit(String name, double[][] xTrain, double[] yTrain, double[][] xTest, double[] yTest,
        Standardization target) {

    public RegressionSplit {
        if (xTrain.length != yTrain.length || xTest.length != yTest.length) {
            throw new IllegalArgumentException("inputs and targets differ in length: train " + xTrain.length + "/"
                    + yTrain.length + ", test " + xTest.length + "/" + yTest.length);
        }
        if (target.columns() != 1) {
            throw new IllegalArgumentException("target standardisation must have one column");
        }
    }

    /** Test targets in original units. */
    public double[] yTestOriginal() {
        double[] y = new double[yTest.length];
        for (int i = 0; i < y.length; i++) y[i] = target.unscale(yTest[i]);
        return y;
    }

    /** The first {@code n} training rows as the training set and the remaining training rows as the test set. */
    public RegressionSplit holdOut(int n, String suffix) {
        if (n < 1 || n >= xTrain.length) {
            throw new IllegalArgumentException("hold-out needs 1 ≤ n < " + xTrain.length + ", got " + n);
        }
        return new RegressionSplit(name + suffix, java.util.Arrays.copyOfRange(xTrain, 0, n),
                java.util.Arrays.copyOfRange(yTrain, 0, n), java.util.Arrays.copyOfRange(xTrain, n, xTrain.length),
                java.util.Arrays.copyOfRange(yTrain, n, yTrain.length), target);
    }

    @Override
    public String toString() {
        return "RegressionSplit[" + name + ": " + xTrain.length + " train, " + xTest.length + " test, d = "
                + (xTrain.length > 0 ? xTrain[0].length : 0) + "]";
    }
}
