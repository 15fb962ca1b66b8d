package org.widenets.nn;

import java.util.random.RandomGeneratorFactory;
import org.hipparchus.random.RandomGenerator;

/**
 * The JDK's xoshiro256++ generator (Blackman &amp; Vigna 2018) seen as a Hipparchus {@link RandomGenerator}.
 *
 * <p>Why not a Hipparchus generator: finite networks draw millions of Gaussian weights, and every
 * Hipparchus generator inherits the polar Box–Muller {@code nextGaussian} (about 80 ns a draw on our
 * machine), while the JDK's {@code nextGaussian} uses McFarland's modified ziggurat (about 6 ns).
 * Nothing is computed by hand here: every method delegates to the JDK. Not thread-safe; give each
 * worker its own instance with its own seed.
 */
public final class Xoshiro256 implements RandomGenerator {

    private static final RandomGeneratorFactory<java.util.random.RandomGenerator> FACTORY =
            RandomGeneratorFactory.of("Xoshiro256PlusPlus");

    private java.util.random.RandomGenerator delegate;

    /** A generator whose whole stream is determined by {@code seed}. */
    public Xoshiro256(long seed) {
        setSeed(seed);
    }

    @Override
    public void setSeed(int seed) {
        setSeed((long) seed);
    }

    @Override
    public void setSeed(int[] seed) {
        long s = 0;
        for (int v : seed) {
            s = 31 * s + v;
        }
        setSeed(s);
    }

    @Override
    public void setSeed(long seed) {
        delegate = FACTORY.create(seed);
    }

    @Override
    public void nextBytes(byte[] bytes) {
        delegate.nextBytes(bytes);
    }

    @Override
    public void nextBytes(byte[] bytes, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > bytes.length) {
            throw new IllegalArgumentException("offset = " + offset + ", length = " + length
                    + " do not fit an array of length " + bytes.length);
        }
        byte[] part = new byte[length];
        delegate.nextBytes(part);
        System.arraycopy(part, 0, bytes, offset, length);
    }

    @Override
    public int nextInt() {
        return delegate.nextInt();
    }

    @Override
    public int nextInt(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("bound n must be > 0, got " + n);
        }
        return delegate.nextInt(n);
    }

    @Override
    public long nextLong() {
        return delegate.nextLong();
    }

    @Override
    public long nextLong(long n) {
        if (n <= 0) {
            throw new IllegalArgumentException("bound n must be > 0, got " + n);
        }
        return delegate.nextLong(n);
    }

    @Override
    public boolean nextBoolean() {
        return delegate.nextBoolean();
    }

    @Override
    public float nextFloat() {
        return delegate.nextFloat();
    }

    @Override
    public double nextDouble() {
        return delegate.nextDouble();
    }

    @Override
    public double nextGaussian() {
        return delegate.nextGaussian();
    }
}
