package org.widenets.data;

import java.util.Arrays;

/**
 * The ways a UCI set is split and standardised.
 *
 * <ul>
 *   <li>{@link #standard}: the benchmark protocol of PBP, MC dropout and most GP papers — the fixed index
 *       files, inputs and target standardised with the <em>training</em> split's statistics
 *       (shared/notes/notebook-stack.md §11).</li>
 *   <li>{@link #shallowPaper}, {@link #shallowPaperTuning}: Tsuchida et al. (AAAI 2021) Figure 6
 *       (shared/papers/elu-gelu-kernels.md §6.1) — whole-data standardisation, rows permuted by NumPy's
 *       {@code RandomState(1000 + run).permutation(n)}, first round(0.9 n) rows train, protein cut to its
 *       first 10 000 training rows; tuning on run 0's first ⌊7 n_train/9⌋ training rows.</li>
 *   <li>{@link #deepPaper}: their Figure 7 (§6.2) — an 80/20 shuffle (first ⌊0.8 n⌋ rows train), training
 *       statistics. The authors shuffled without a seed; here the shuffle is
 *       {@code RandomState(seed).permutation(n)} so runs are reproducible.</li>
 * </ul>
 */
public final class UciProtocol {

    /** Tsuchida et al. train GPs for protein on at most this many training rows. */
    public static final int PAPER_PROTEIN_TRAIN_ROWS = 10_000;

    private UciProtocol() {
    }

    /** Fixed split k with training-set standardisation. */
    public static RegressionSplit standard(UciDataset data, int k) {
        Split s = data.split(k);
        double[][] x = data.x();
        double[] y = data.y();
        Standardization sx = Standardization.fit(x, s.train()), sy = Standardization.fit(y, s.train());
        return new RegressionSplit(data.name() + " split " + k + " (standard)", sx.apply(x, s.train()),
                sy.apply(y, s.train()), sx.apply(x, s.test()), sy.apply(y, s.test()), sy);
    }

    /** Row indices of the paper's shallow protocol for run k: permutation(1000 + k), round-half-even(0.9 n) train. */
    public static Split shallowPaperRows(UciDataset data, int run) {
        if (run < 0) {
            throw new IllegalArgumentException("run must be ≥ 0, got " + run);
        }
        int n = data.rows();
        int[] perm = new NumpyRandomState(1000L + run).permutation(n);
        int nTrain = (int) Math.rint(0.9 * n); // Python's round() rounds half to even, as Math.rint
        int[] train = Arrays.copyOfRange(perm, 0, nTrain);
        if (data.set() == UciSet.PROTEIN_TERTIARY_STRUCTURE && train.length > PAPER_PROTEIN_TRAIN_ROWS) {
            train = Arrays.copyOf(train, PAPER_PROTEIN_TRAIN_ROWS);
        }
        return new Split(train, Arrays.copyOfRange(perm, nTrain, n));
    }

    /** The paper's shallow protocol, run k (Figure 6): whole-data standardisation. */
    public static RegressionSplit shallowPaper(UciDataset data, int run) {
        Split s = shallowPaperRows(data, run);
        double[][] x = data.x();
        double[] y = data.y();
        Standardization sx = Standardization.fit(x, null), sy = Standardization.fit(y, null);
        return new RegressionSplit(data.name() + " run " + run + " (Tsuchida et al. shallow)", sx.apply(x, s.train()),
                sy.apply(y, s.train()), sx.apply(x, s.test()), sy.apply(y, s.test()), sy);
    }

    /** The paper's tuning split: run 0's training rows, first ⌊7 n_train/9⌋ to fit, the rest to validate. */
    public static RegressionSplit shallowPaperTuning(UciDataset data) {
        RegressionSplit run0 = shallowPaper(data, 0);
        return run0.holdOut(7 * run0.xTrain().length / 9, " tuning 7/9");
    }

    /** The paper's deep protocol (Figure 7): seeded 80/20 shuffle, training-set standardisation. */
    public static RegressionSplit deepPaper(UciDataset data, long seed) {
        int n = data.rows();
        int[] perm = new NumpyRandomState(seed).permutation(n);
        int nTrain = (int) (0.8 * n);
        int[] train = Arrays.copyOfRange(perm, 0, nTrain), test = Arrays.copyOfRange(perm, nTrain, n);
        double[][] x = data.x();
        double[] y = data.y();
        Standardization sx = Standardization.fit(x, train), sy = Standardization.fit(y, train);
        return new RegressionSplit(data.name() + " shuffle " + seed + " (Tsuchida et al. deep)", sx.apply(x, train),
                sy.apply(y, train), sx.apply(x, test), sy.apply(y, test), sy);
    }
}
