package org.widenets.data;

/**
 * A Java port of the part of NumPy's legacy {@code numpy.random.RandomState} that draws data splits:
 * the MT19937 generator seeded exactly as {@code RandomState(seed)} seeds it, and
 * {@code RandomState.permutation(n)} with NumPy's legacy bounded-integer shuffle. Reference scripts
 * of papers (e.g. Tsuchida et al. 2021, shared/papers/elu-gelu-kernels.md §6.1:
 * {@code numpy.random.seed(1000 + k); numpy.random.permutation(n)}) then give the very same splits.
 *
 * <p>Written by hand because no Java library reproduces NumPy's stream: Hipparchus' {@code MersenneTwister}
 * seeds an {@code int} through {@code init_by_array} whereas NumPy uses {@code init_genrand}, and
 * NumPy's {@code random_interval} (mask-and-reject on raw 32-bit words) differs from every Java
 * bounded-integer method. The algorithms are Matsumoto &amp; Nishimura's MT19937 (1998) and
 * {@code numpy/random/src/distributions/distributions.c: random_interval},
 * {@code mtrand.pyx: RandomState.shuffle}.
 *
 * <p>Not thread-safe: one instance per worker.
 */
public final class NumpyRandomState {

    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private final int[] mt = new int[N];
    private int index;

    /** As {@code RandomState(seed)} for an integer seed 0 ≤ seed &lt; 2³² ({@code init_genrand}). */
    public NumpyRandomState(long seed) {
        if (seed < 0 || seed > 0xffffffffL) {
            throw new IllegalArgumentException("seed must be in [0, 2^32 - 1] as in NumPy, got " + seed);
        }
        initGenrand((int) seed);
    }

    /**
     * As {@code RandomState(key)} for a 1-D array of 32-bit unsigned integers ({@code init_by_array}).
     */
    public static NumpyRandomState ofArray(long... key) {
        if (key.length == 0) {
            throw new IllegalArgumentException("key must not be empty (NumPy rejects an empty seed array)");
        }
        int[] k = new int[key.length];
        for (int i = 0; i < key.length; i++) {
            if (key[i] < 0 || key[i] > 0xffffffffL) {
                throw new IllegalArgumentException("key[" + i + "] must be in [0, 2^32 - 1], got " + key[i]);
            }
            k[i] = (int) key[i];
        }
        NumpyRandomState r = new NumpyRandomState(0);
        r.initByArray(k);
        return r;
    }

    private void initGenrand(int s) {
        mt[0] = s;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        index = N;
    }

    private void initByArray(int[] key) {
        initGenrand(19650218);
        int i = 1, j = 0;
        for (int k = Math.max(N, key.length); k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key[j] + j;
            i++;
            j++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if (j >= key.length) {
                j = 0;
            }
        }
        for (int k = N - 1; k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
            i++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = UPPER_MASK; // MSB is 1, assuring a non-zero initial array
        index = N;
    }

    private void generate() {
        for (int k = 0; k < N; k++) {
            int y = (mt[k] & UPPER_MASK) | (mt[(k + 1) % N] & LOWER_MASK);
            mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
        }
        index = 0;
    }

    /** The next raw 32-bit output (tempered), as an unsigned value in [0, 2³²). */
    public long nextUint32() {
        if (index >= N) {
            generate();
        }
        int y = mt[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xffffffffL;
    }

    /** NumPy's {@code random_interval(max)}: uniform on {0, …, max} by masking and rejection. */
    long interval(long max) {
        if (max == 0) {
            return 0;
        }
        if (max > 0xffffffffL) {
            throw new IllegalArgumentException("interval bound above 2^32 - 1 is not ported, got " + max);
        }
        long mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        long value;
        do {
            value = nextUint32() & mask;
        } while (value > max);
        return value;
    }

    /** {@code RandomState.permutation(n)}: a shuffled {@code arange(n)} (Fisher–Yates from the end). */
    public int[] permutation(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be ≥ 0, got " + n);
        }
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = (int) interval(i);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }
}
