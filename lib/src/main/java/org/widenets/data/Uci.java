package org.widenets.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loader of the UCI regression benchmark (shared/uci/README.md): every file is located and verified by
 * a {@link DataStore}, parsed as "trim, skip blank lines, split on whitespace runs" (the files mix
 * spaces and tabs), and checked for finite values and consistent row lengths.
 *
 * <pre>
 * UciDataset boston = Uci.load("boston-housing");
 * RegressionSplit s = UciProtocol.standard(boston, 0);
 * </pre>
 */
public final class Uci {

    private Uci() {
    }

    /** Loads a set by folder name from {@link DataStore#uci()}. */
    public static UciDataset load(String name) {
        return load(UciSet.of(name), DataStore.uci());
    }

    /** Loads a set from the given store. */
    public static UciDataset load(UciSet set, DataStore store) {
        String dir = set.folder() + "/";
        Path dataFile = store.file(dir + "data.txt");
        double[][] data = parseMatrix(dataFile, set.columns().size());
        int target = parseInts(store.file(dir + "index_target.txt"))[0];
        int[] features = parseInts(store.file(dir + "index_features.txt"));
        int splits = parseInts(store.file(dir + "n_splits.txt"))[0];
        int columns = set.columns().size();
        for (int f : features) requireColumn(f, columns, dataFile);
        requireColumn(target, columns, dataFile);
        List<Split> list = new ArrayList<>(splits);
        for (int k = 0; k < splits; k++) {
            Path trainFile = store.file(dir + "index_train_" + k + ".txt");
            int[] train = parseInts(trainFile), test = parseInts(store.file(dir + "index_test_" + k + ".txt"));
            boolean[] seen = new boolean[data.length];
            for (int[] part : new int[][] {train, test}) {
                for (int r : part) {
                    if (r < 0 || r >= data.length || seen[r]) {
                        throw new DataFileException("split " + k + " of " + set.folder() + " (" + trainFile.getParent()
                                + "): row index " + r + " is out of range or repeated (" + data.length + " rows)");
                    }
                    seen[r] = true;
                }
            }
            list.add(new Split(train, test));
        }
        return new UciDataset(set, data, features, target, list);
    }

    private static void requireColumn(int c, int columns, Path file) {
        if (c < 0 || c >= columns) {
            throw new DataFileException("column index " + c + " out of range for " + file + " with " + columns + " columns");
        }
    }

    /**
     * Parses a whitespace-separated numeric matrix, skipping blank lines; every row must have
     * {@code columns} finite numbers. Errors name the file and line.
     */
    static double[][] parseMatrix(Path file, int columns) {
        List<double[]> rows = new ArrayList<>();
        List<String> lines = readLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).strip();
            if (t.isEmpty()) continue;
            String[] f = t.split("\\s+");
            if (f.length != columns) {
                throw new DataFileException(file + " line " + (i + 1) + ": expected " + columns + " numbers, got " + f.length);
            }
            double[] r = new double[columns];
            for (int j = 0; j < columns; j++) {
                try {
                    r[j] = Double.parseDouble(f[j]);
                } catch (NumberFormatException e) {
                    throw new DataFileException(file + " line " + (i + 1) + ": '" + f[j] + "' is not a number", e);
                }
                if (!Double.isFinite(r[j])) {
                    throw new DataFileException(file + " line " + (i + 1) + " column " + j + ": non-finite value '"
                            + f[j] + "'");
                }
            }
            rows.add(r);
        }
        if (rows.isEmpty()) {
            throw new DataFileException(file + " holds no data rows");
        }
        return rows.toArray(new double[0][]);
    }

    static int[] parseInts(Path file) {
        List<String> lines = readLines(file);
        List<Integer> v = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).strip();
            if (t.isEmpty()) continue;
            try {
                // index files hold integers, some written as floats ("13.0") by older scripts
                double d = Double.parseDouble(t);
                if (d != Math.rint(d)) throw new NumberFormatException("not an integer");
                v.add((int) d);
            } catch (NumberFormatException e) {
                throw new DataFileException(file + " line " + (i + 1) + ": '" + t + "' is not an integer", e);
            }
        }
        if (v.isEmpty()) {
            throw new DataFileException(file + " is empty");
        }
        return v.stream().mapToInt(Integer::intValue).toArray();
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new DataFileException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
