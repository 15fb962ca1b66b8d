package org.widenets.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The row path of smooth activations in kernel matrices ({@link HermiteCache#block}: the columns'
 * expansions packed in {@link HermitePanel}s, swept together) gives the same bits as the per-pair path
 * {@link QuadratureActivation#tAndTDot(double, double, double, double[])}, whatever the panels hold:
 * fresh or reused, for the whole block or the suffix a later row of a symmetric tile asks for, columns
 * packed short and grown later, panels widened to more columns, variances whose pairs need the 2-D
 * quadrature, q = 0 (no parity), junk outside the range read, and a caller that rewrites its array
 * between rows.
 */
class HermitePanelTest {

    private static final Activation ALGEBRAIC = new CustomActivation("x/√(1+x²)",
            x -> x / Math.sqrt(1 + x * x), x -> Math.pow(1 + x * x, -1.5));

    private static final List<Activation> SMOOTH = List.of(new Tanh(), new Sigmoid(), new Silu(), ALGEBRAIC);

    @Test
    void rowsOfATileEqualThePairPathBitForBit() {
        Random r = new Random(5);
        for (Activation f : SMOOTH) {
            for (int trial = 0; trial < 12; trial++) {
                // trial 0 includes large variances (pairs near ρ = ±1 beyond the degree cap: quadrature, slow)
                int count = 1 + r.nextInt(trial == 0 ? 20 : 300), from = r.nextInt(4);
                double spread = trial == 0 ? 2.5 : 0.5;
                double[] q22 = new double[from + count + 3];
                for (int k = 0; k < count; k++) {
                    q22[from + k] = k % 97 == 5 ? 0 : Math.exp(spread * r.nextGaussian());
                }
                // outside the range the method reads, the array may hold anything
                double[] junk = {Double.NaN, -1, Double.POSITIVE_INFINITY};
                for (int k = 0; k < from; k++) {
                    q22[k] = junk[k % 3];
                }
                System.arraycopy(junk, 0, q22, from + count, 3);
                // a middle part first: the panels packed for it are widened by the requests below
                assertRowEqualsPairs(f, Math.exp(spread * r.nextGaussian()), q22, from + count / 3,
                        count / 3 + 1, r);
                // the rows of a tile: the whole block, then ever shorter suffixes, as FusedKernelMatrices asks
                for (int row = 0; row < 6; row++) {
                    int skip = Math.min(count - 1, row * r.nextInt(8));
                    double q11 = row == 3 ? q22[from + skip] : Math.exp(spread * r.nextGaussian());
                    assertRowEqualsPairs(f, q11, q22, from + skip, count - skip, r);
                }
                // the same array rewritten in place: the panel of the old values must not serve the new ones
                for (int k = 0; k < count; k++) {
                    q22[from + k] *= 1 + 1e-9 * (k + 1);
                }
                assertRowEqualsPairs(f, Math.exp(r.nextGaussian()), q22, from, count, r);
            }
        }
    }

    @Test
    void shortColumnsGrowWhereARowNeedsMore() {
        // fresh variances (no memoised expansion yet): the first rows pack degree-32 expansions, and pairs
        // near ρ = ±1 make the row grow them; later rows then find them packed further
        Tanh tanh = new Tanh();
        Random r = new Random(17);
        int count = 200;
        double[] q22 = new double[count];
        for (int k = 0; k < count; k++) {
            q22[k] = 0.5 + r.nextDouble() + 1e-7 * r.nextDouble();
        }
        for (int row = 0; row < 5; row++) {
            assertRowEqualsPairs(tanh, 0.7 + 0.1 * row + 1e-7 * r.nextDouble(), q22, 0, count, r);
        }
    }

    /**
     * In its own frame: a local of the test method (in an interpreted frame, even one whose scope has
     * ended) could keep the last array reachable and make the test depend on the JIT.
     */
    private static java.lang.ref.WeakReference<Object> panelsOfATemporaryArray(Sigmoid f, double value) {
        double[] q22 = new double[300];
        java.util.Arrays.fill(q22, value);
        f.tAndTDot(0.5, q22, 0, new double[300], new double[300], 300);
        Object store = HermiteCache.of(f).panels(q22);
        assertTrue(store == HermiteCache.of(f).panels(q22), "one store per array");
        return new java.lang.ref.WeakReference<>(store);
    }

    @Test
    void panelsGoWithTheirArray() throws InterruptedException {
        // a kernel matrix's panels are tens of MB: they must not outlive the caller's array
        // (nothing here looks the cache up again, which would also drop them: the cleaner must)
        Sigmoid f = new Sigmoid();
        java.util.List<java.lang.ref.WeakReference<Object>> stores = new java.util.ArrayList<>();
        for (int k = 0; k < 3; k++) {
            stores.add(panelsOfATemporaryArray(f, 1.0 + k));
        }
        for (int attempt = 0; attempt < 200 && stores.stream().anyMatch(s -> s.get() != null); attempt++) {
            System.gc();
            Thread.sleep(100);
        }
        assertTrue(stores.stream().allMatch(s -> s.get() == null), "panels of collected arrays still held");
    }

    @Test
    void aBadEntryThrowsBeforeAnyEntryIsWritten() {
        Tanh tanh = new Tanh();
        double[] q22 = {1, 1, 1}, q12 = {0.5, 1.5, 0.2}, ntk = {1, 1, 1};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> tanh.tAndTDot(1, q22, 0, q12, ntk, 3));
        assertTrue(e.getMessage().contains("q12"), e.getMessage());
        assertEquals(0.5, q12[0]);
        assertEquals(1.0, ntk[0]);
        double[] negative = {1, -1, 1};
        e = assertThrows(IllegalArgumentException.class, () -> tanh.tAndTDot(1, negative, 0, new double[3], ntk, 3));
        assertTrue(e.getMessage().contains("q22"), e.getMessage());
    }

    /** One row against q22[from, from + count) by the block method, each entry against the pair path. */
    private static void assertRowEqualsPairs(Activation f, double q11, double[] q22, int from, int count, Random r) {
        double[] q12 = new double[count], ntk = new double[count];
        for (int k = 0; k < count; k++) {
            double p22 = q22[from + k], bound = Math.sqrt(q11 * p22);
            // near ρ = ±1 (long series, some beyond the cap) now and then, as in a kernel matrix
            double rho = switch (k % 12) {
                case 0, 6, 9 -> 2 * r.nextDouble() - 1;
                case 1 -> (r.nextBoolean() ? 1 : -1) * (1 - 1e-6 * r.nextDouble());
                case 2 -> r.nextBoolean() ? 1 : -1;
                case 3 -> 0;
                case 4, 8, 10 -> 0.3 * r.nextGaussian();
                default -> Math.tanh(r.nextGaussian());
            };
            q12[k] = Math.max(-bound, Math.min(bound, rho * bound));
            if (p22 == q11 && k % 2 == 0) {
                q12[k] = q11; // u = v
            }
            ntk[k] = r.nextGaussian();
        }
        double[] k2 = q12.clone(), t2 = ntk.clone(), out = new double[2];
        f.tAndTDot(q11, q22, from, k2, t2, count);
        for (int k = 0; k < count; k++) {
            f.tAndTDot(q11, q12[k], q22[from + k], out);
            String at = f.name() + " q11 = " + q11 + ", q12 = " + q12[k] + ", q22 = " + q22[from + k];
            assertEquals(Double.doubleToLongBits(out[0]), Double.doubleToLongBits(k2[k]), "T " + at);
            assertEquals(Double.doubleToLongBits(out[1] * ntk[k]), Double.doubleToLongBits(t2[k]), "Θ " + at);
        }
    }
}
