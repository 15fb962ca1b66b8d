package org.widenets.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntPredicate;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The 1,797 handwritten 8×8 digits of UCI "Optical Recognition of Handwritten Digits" (test part;
 * the bytes scikit-learn ships as {@code digits.csv.gz}; shared/digits/README.md): 64 pixel counts
 * 0–16 per image, row by row, and the digit 0–9.
 *
 * <pre>
 * Digits digits = Digits.load();
 * BinaryTask task = digits.evenVsOdd(0, 0.2);   // seeded 80/20 split, standardised, labels ±1
 * </pre>
 */
public final class Digits {

    /** File name inside the digits store. */
    public static final String FILE = "digits.csv.gz";
    /** Pixels per image. */
    public static final int PIXELS = 64;

    private final double[][] pixels;
    private final int[] labels;

    private Digits(double[][] pixels, int[] labels) {
        this.pixels = pixels;
        this.labels = labels;
    }

    /** Loads from {@link DataStore#digits()} (environment variable, shared/digits, or the user cache). */
    public static Digits load() {
        return load(DataStore.digits());
    }

    /** Loads from the given store; the file is verified against its SHA-256 first. */
    public static Digits load(DataStore store) {
        Path path = store.file(FILE);
        List<double[]> rows = new ArrayList<>(1797);
        List<Integer> labels = new ArrayList<>(1797);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new java.util.zip.GZIPInputStream(Files.newInputStream(path)), StandardCharsets.US_ASCII))) {
            int lineNo = 0;
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank()) continue;
                String[] f = line.strip().split(",");
                if (f.length != PIXELS + 1) {
                    throw new DataFileException(path + " line " + lineNo + ": expected 65 fields, got " + f.length);
                }
                double[] r = new double[PIXELS];
                for (int j = 0; j < PIXELS; j++) {
                    r[j] = parse(f[j], path, lineNo);
                }
                double label = parse(f[PIXELS], path, lineNo);
                if (label != Math.rint(label) || label < 0 || label > 9) {
                    throw new DataFileException(path + " line " + lineNo + ": label " + f[PIXELS] + " is not a digit");
                }
                rows.add(r);
                labels.add((int) label);
            }
        } catch (IOException e) {
            throw new DataFileException("cannot read " + path + ": " + e.getMessage(), e);
        }
        return new Digits(rows.toArray(new double[0][]), labels.stream().mapToInt(Integer::intValue).toArray());
    }

    private static double parse(String field, Path path, int lineNo) {
        double v;
        try {
            v = Double.parseDouble(field.strip());
        } catch (NumberFormatException e) {
            throw new DataFileException(path + " line " + lineNo + ": '" + field + "' is not a number", e);
        }
        if (!Double.isFinite(v)) {
            throw new DataFileException(path + " line " + lineNo + ": non-finite value '" + field + "'");
        }
        return v;
    }

    /** Number of images. */
    public int size() {
        return labels.length;
    }

    /** A copy of the pixel matrix, one image per row (n × 64, values 0–16). */
    public double[][] pixels() {
        double[][] c = new double[pixels.length][];
        for (int i = 0; i < c.length; i++) c[i] = pixels[i].clone();
        return c;
    }

    /** A copy of the digit labels 0–9. */
    public int[] labels() {
        return labels.clone();
    }

    /** The data as a Tablesaw table: columns {@code p0 … p63} (row-major pixels) and {@code label}. */
    public Table table() {
        Table t = Table.create("digits");
        for (int j = 0; j < PIXELS; j++) {
            double[] col = new double[pixels.length];
            for (int i = 0; i < col.length; i++) col[i] = pixels[i][j];
            t.addColumns(DoubleColumn.create("p" + j, col));
        }
        t.addColumns(IntColumn.create("label", labels.clone()));
        return t;
    }

    /**
     * Even digits (+1) against odd digits (−1): rows shuffled by {@code NumpyRandomState(seed).permutation(n)},
     * the first round((1 − testFraction)·n) train, the rest test; inputs standardised with the training
     * split's statistics (always-blank pixels are only centred).
     */
    public BinaryTask evenVsOdd(long seed, double testFraction) {
        return task("digits even (+1) vs odd (−1), seed " + seed, i -> true, d -> d % 2 == 0, seed, testFraction);
    }

    /** Digit {@code positive} (+1) against digit {@code negative} (−1), other digits dropped; split as {@link #evenVsOdd}. */
    public BinaryTask pair(int positive, int negative, long seed, double testFraction) {
        if (positive < 0 || positive > 9 || negative < 0 || negative > 9 || positive == negative) {
            throw new IllegalArgumentException("need two different digits 0–9, got " + positive + " and " + negative);
        }
        return task("digits " + positive + " (+1) vs " + negative + " (−1), seed " + seed,
                d -> d == positive || d == negative, d -> d == positive, seed, testFraction);
    }

    private BinaryTask task(String name, IntPredicate keep, IntPredicate isPositive, long seed, double testFraction) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must be in (0, 1), got " + testFraction);
        }
        Objects.requireNonNull(name);
        int[] kept = java.util.stream.IntStream.range(0, labels.length).filter(i -> keep.test(labels[i])).toArray();
        int[] perm = new NumpyRandomState(seed).permutation(kept.length);
        int nTrain = (int) Math.round((1 - testFraction) * kept.length);
        if (nTrain < 1 || nTrain >= kept.length) {
            throw new IllegalArgumentException("testFraction " + testFraction + " leaves " + nTrain + " of "
                    + kept.length + " rows for training");
        }
        int[] train = new int[nTrain], test = new int[kept.length - nTrain];
        for (int k = 0; k < kept.length; k++) {
            if (k < nTrain) train[k] = kept[perm[k]];
            else test[k - nTrain] = kept[perm[k]];
        }
        Standardization s = Standardization.fit(pixels, train);
        return new BinaryTask(name, s.apply(pixels, train), labelsOf(train, isPositive),
                s.apply(pixels, test), labelsOf(test, isPositive), train, test, s);
    }

    private double[] labelsOf(int[] rows, IntPredicate isPositive) {
        double[] y = new double[rows.length];
        for (int k = 0; k < rows.length; k++) y[k] = isPositive.test(labels[rows[k]]) ? 1 : -1;
        return y;
    }

    @Override
    public String toString() {
        return "Digits[" + size() + " images of 8×8 pixels]";
    }
}
