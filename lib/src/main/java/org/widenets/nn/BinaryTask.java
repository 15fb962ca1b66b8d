package org.widenets.nn;

import java.util.Objects;

/** A binary classification task: a training set and a held-out test set of the same dimension. */
public record BinaryTask(String name, LabelledInputs train, LabelledInputs test) {

    public BinaryTask {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        if (train.dimension() != test.dimension()) {
            throw new IllegalArgumentException("train has dimension " + train.dimension()
                    + " but test has " + test.dimension());
        }
    }

    /** Input dimension n0. */
    public int dimension() {
        return train.dimension();
    }

    @Override
    public String toString() {
        return name + " (n0 = " + dimension() + ", train " + train.size() + ", test " + test.size() + ")";
    }
}
