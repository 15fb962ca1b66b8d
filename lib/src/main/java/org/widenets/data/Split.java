package org.widenets.data;

/**
 * Row indices of a train/test split into a data set's rows.
 *
 * @param train training row indices
 * @param test  test row indices
 */
public record Split(int[] train, int[] test) {

    public Split {
        train = train.clone();
        test = test.clone();
    }

    @Override
    public int[] train() {
        return train.clone();
    }

    @Override
    public int[] test() {
        return test.clone();
    }

    @Override
    public String toString() {
        return "Split[" + train.length + " train, " + test.length + " test]";
    }
}
