package org.widenets.data;

import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * One UCI regression set: all rows of its data file, which columns are inputs and which is the target,
 * and its fixed benchmark splits. Split and standardise through {@link UciProtocol}.
 */
public final class UciDataset {

    private final UciSet set;
    private final double[][] data;
    private final int[] features;
    private final int target;
    private final List<Split> splits;

    UciDataset(UciSet set, double[][] data, int[] features, int target, List<Split> splits) {
        this.set = set;
        this.data = data;
        this.features = features.clone();
        this.target = target;
        this.splits = List.copyOf(splits);
    }

    public UciSet set() {
        return set;
    }

    public String name() {
        return set.folder();
    }

    public int rows() {
        return data.length;
    }

    /** Number of input features. */
    public int dimension() {
        return features.length;
    }

    /** Every column of the data file, named ({@link UciSet#columns()}). */
    public Table table() {
        Table t = Table.create(set.folder());
        for (int j = 0; j < set.columns().size(); j++) {
            double[] c = new double[data.length];
            for (int i = 0; i < c.length; i++) c[i] = data[i][j];
            t.addColumns(DoubleColumn.create(set.columns().get(j), c));
        }
        return t;
    }

    /** Input matrix (rows × features), a fresh copy. */
    public double[][] x() {
        double[][] x = new double[data.length][features.length];
        for (int i = 0; i < data.length; i++) {
            for (int j = 0; j < features.length; j++) x[i][j] = data[i][features[j]];
        }
        return x;
    }

    /** Target vector, a fresh copy. */
    public double[] y() {
        double[] y = new double[data.length];
        for (int i = 0; i < y.length; i++) y[i] = data[i][target];
        return y;
    }

    public List<String> featureNames() {
        return java.util.Arrays.stream(features).mapToObj(j -> set.columns().get(j)).toList();
    }

    public String targetName() {
        return set.columns().get(target);
    }

    /** Number of fixed benchmark splits (20; protein 5). */
    public int splitCount() {
        return splits.size();
    }

    /** Fixed benchmark split k (0-based) from the index files. */
    public Split split(int k) {
        if (k < 0 || k >= splits.size()) {
            throw new IllegalArgumentException("split must be in 0.." + (splits.size() - 1) + " for " + name() + ", got " + k);
        }
        return splits.get(k);
    }

    @Override
    public String toString() {
        return "UciDataset[" + name() + ": " + rows() + " rows, " + dimension() + " inputs → " + targetName() + ", "
                + splitCount() + " splits]";
    }
}
