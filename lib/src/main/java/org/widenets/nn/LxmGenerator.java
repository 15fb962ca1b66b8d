package org.widenets.nn;

import java.nio.ByteBuffer;
import java.util.random.RandomGeneratorFactory;
import org.hipparchus.random.RandomGenerator;
import org.widenets.kernel.Checks;

/**
 * A Hipparchus {@link RandomGenerator} backed by the JDK's L64X128MixRandom (an LXM generator), whose
 * ziggurat {@code nextGaussian} is about ten times faster than the Box–Muller of Hipparchus'
 * generators; sampling n×n weight matrices is the dominant cost of finite-width Monte Carlo, and
 * Hipparchus offers no ziggurat, hence this adapter.
 *
 * <p>{@link #stream(long, int)} gives independent, reproducible streams: stream i of base seed s is
 * seeded with the 16 bytes (s, i), so a run split over threads by stream draws the same numbers as a
 * sequential one. Not thread-safe; use one instance per stream.
 */
public final class LxmGenerator implements RandomGenerator {

    private static final RandomGeneratorFactory<java.util.random.RandomGenerator> FACTORY =
            RandomGeneratorFactory.of("L64X128MixRandom");

    private java.util.random.RandomGenerator delegate;

    private LxmGenerator(byte[] seed) {
        delegate = FACTORY.create(seed);
    }

    /** A generator seeded with s. */
    public static LxmGenerator of(long seed) {
        return stream(seed, 0);
    }

    /** Stream i ≥ 0 of base seed s. */
    public static LxmGenerator stream(long seed, int index) {
        Checks.atLeast("stream index", index, 0);
        return new LxmGenerator(ByteBuffer.allocate(16).putLong(seed).putLong(index).array());
    }

    @Override
    public void setSeed(int seed) {
        setSeed((long) seed);
    }

    @Override
    public void setSeed(int[] seed) {
        ByteBuffer b = ByteBuffer.allocate(4 * Math.max(seed.length, 1));
        for (int s : seed) b.putInt(s);
        delegate = FACTORY.create(b.array());
    }

    @Override
    public void setSeed(long seed) {
        delegate = FACTORY.create(ByteBuffer.allocate(16).putLong(seed).putLong(0).array());
    }

    @Override
    public void nextBytes(byte[] bytes) {
        delegate.nextBytes(bytes);
    }

    @Override
    public void nextBytes(byte[] bytes, int offset, int length) {
        byte[] tmp = new byte[length];
        delegate.nextBytes(tmp);
        System.arraycopy(tmp, 0, bytes, offset, length);
    }

    @Override
    public int nextInt() {
        return delegate.nextInt();
    }

    @Override
    public int nextInt(int n) {
        return delegate.nextInt(n);
    }

    @Override
    public long nextLong() {
        return delegate.nextLong();
    }

    @Override
    public long nextLong(long n) {
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
