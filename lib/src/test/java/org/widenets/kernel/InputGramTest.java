package org.widenets.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The input Gram matrix G_ij = x_i·y_j of both engines ({@link VectorGram} with the Vector API, the
 * scalar tile without it) against a plain loop: every entry is the ordered chain of fused multiply–adds
 * s ← fma(x_ik, y_jk, s), bit for bit, and that chain is within the standard bound γ_d·Σ_k |x_ik y_jk|
 * of the exact sum (BigDecimal), for shapes that fit no tile (N, d = 1, odd, past a depth block).
 */
class InputGramTest {

    /** (rows of x, rows of y, d): none a multiple of a tile; d = 2500 takes three depth blocks. */
    private static final int[][] SHAPES = {{1, 1, 1}, {1, 1, 5}, {3, 1, 1}, {1, 40, 2}, {7, 7, 1},
            {13, 29, 17}, {37, 50, 9}, {33, 61, 130}, {9, 26, 2500}};

    /** The reference: Σ_k x[i·d + k]·y[j·d + k] by one fma per k, in order of k. */
    static double fmaChain(double[] x, int i, double[] y, int j, int d) {
        double s = 0;
        for (int k = 0; k < d; k++) {
            s = Math.fma(x[i * d + k], y[j * d + k], s);
        }
        return s;
    }

    /** Gaussian values times powers of two from 2⁻¹⁰ to 2⁹, so that sums cancel at many scales. */
    static double[] inputs(int count, long seed) {
        Random r = new Random(seed);
        double[] v = new double[count];
        for (int k = 0; k < count; k++) {
            v[k] = Math.scalb(r.nextGaussian(), r.nextInt(20) - 10);
        }
        return v;
    }

    private static void assertFmaChain(double[] x, double[] y, int d, double[] out, int stride,
                                       int i0, int i1, int j0, int j1, String what) {
        for (int i = 0; i < out.length / stride; i++) {
            for (int j = 0; j < stride; j++) {
                double got = out[i * stride + j];
                if (i >= i0 && i < i1 && j >= j0 && j < j1) {
                    assertEquals(Double.doubleToLongBits(fmaChain(x, i, y, j, d)), Double.doubleToLongBits(got),
                            what + " entry " + i + "," + j);
                } else {
                    assertTrue(Double.isNaN(got), what + " wrote outside its block at " + i + "," + j);
                }
            }
        }
    }

    @Test
    void theVectorEngineIsOnWhereTheBuildRunsTests() {
        // the surefire argLine adds the module; without it every other test here would only see the scalar engine
        assertTrue(InputGram.vectorised(), "jdk.incubator.vector is not in the test JVM's boot layer");
    }

    @Test
    void everyEntryIsTheOrderedFmaChainForOddShapesSymmetricAndRectangular() {
        for (int[] s : SHAPES) {
            int n = s[0], m = s[1], d = s[2];
            double[] x = inputs(n * d, 1000L * n + d), y = inputs(m * d, 7000L * m + d);
            for (boolean symmetric : new boolean[] {true, false}) {
                double[] other = symmetric ? x : y;
                int cols = symmetric ? n : m;
                String what = (symmetric ? "x·x" : "x·y") + " N=" + n + " M=" + cols + " d=" + d;
                InputGram gram = InputGram.of(x, other, d, cols);
                double[] out = new double[n * cols];
                Arrays.fill(out, Double.NaN);
                gram.rows(0, n, 0, cols, out, cols);
                assertFmaChain(x, other, d, out, cols, 0, n, 0, cols, what);
                double[] scalar = new double[n * cols];
                InputGram.of(x, other, d, cols, false).rows(0, n, 0, cols, scalar, cols);
                for (int k = 0; k < out.length; k++) {
                    assertEquals(Double.doubleToLongBits(out[k]), Double.doubleToLongBits(scalar[k]), what + " scalar engine");
                }
                // an inner block, into an output wider than the block: nothing outside it is touched
                int i0 = n / 3, i1 = n - n / 4, j0 = cols / 5 + (cols > 2 ? 1 : 0), j1 = cols - cols / 7;
                int stride = cols + 3;
                double[] part = new double[n * stride];
                Arrays.fill(part, Double.NaN);
                gram.rows(i0, i1, j0, j1, part, stride);
                assertFmaChain(x, other, d, part, stride, i0, i1, j0, j1, what + " block [" + i0 + "," + i1
                        + ")×[" + j0 + "," + j1 + ")");
            }
        }
    }

    @Test
    void upperTriangleRowTilesAsTheKernelMatricesAskForThem() {
        // FusedKernelMatrices asks for rows [i0, i0 + 32) × columns [i0, N): column starts off the panel grid
        int n = 101, d = 33, tile = 32;
        double[] x = inputs(n * d, 5);
        InputGram gram = InputGram.of(x, x, d, n);
        double[] out = new double[n * n];
        Arrays.fill(out, Double.NaN);
        for (int i0 = 0; i0 < n; i0 += tile) {
            gram.rows(i0, Math.min(n, i0 + tile), i0, n, out, n);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double got = out[i * n + j];
                if (j >= i / tile * tile) {
                    assertEquals(Double.doubleToLongBits(fmaChain(x, i, x, j, d)), Double.doubleToLongBits(got), i + "," + j);
                } else {
                    assertTrue(Double.isNaN(got), "below the row tiles at " + i + "," + j);
                }
            }
        }
    }

    @Test
    void withinTheStandardBoundOfTheExactSum() {
        // a chain of d fmas rounds d times: |Ĝ − G| ≤ γ_d Σ_k |x_k y_k|, γ_d = d·u/(1 − d·u), u = 2⁻⁵³;
        // d = 1 is one rounding of the exact product
        double u = Math.ulp(1.0) / 2;
        for (int[] s : SHAPES) {
            int n = s[0], m = s[1], d = s[2];
            double[] x = inputs(n * d, 31L * n + d), y = inputs(m * d, 37L * m + d);
            // make some entries cancel: row 0 of y is row 0 of x with every other sign flipped
            if (m > 0 && n > 0) {
                for (int k = 0; k < d; k++) {
                    y[k] = k % 2 == 0 ? x[k] : -x[k];
                }
            }
            double[] out = new double[n * m];
            InputGram.of(x, y, d, m).rows(0, n, 0, m, out, m);
            double gamma = d * u / (1 - d * u);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    BigDecimal exact = BigDecimal.ZERO;
                    double abs = 0;
                    for (int k = 0; k < d; k++) {
                        exact = exact.add(new BigDecimal(x[i * d + k]).multiply(new BigDecimal(y[j * d + k])));
                        abs += Math.abs(x[i * d + k] * y[j * d + k]);
                    }
                    double error = new BigDecimal(out[i * m + j]).subtract(exact).abs().doubleValue();
                    assertTrue(error <= gamma * abs * (1 + 4 * d * u), "d=" + d + " entry " + i + "," + j
                            + ": error " + error + " > γ_d·Σ|x y| = " + gamma * abs);
                }
            }
        }
    }

    @Test
    void bothInputConventionsScaleTheGramExactly() {
        // one identity layer: K = K⁰ = factor·x·x′ (MEAN: 1/d, SUM: 1), equal rows included (diagonal path)
        int n = 11, d = 27;
        DMatrixRMaj x = new DMatrixRMaj(n, d), y = new DMatrixRMaj(6, d);
        System.arraycopy(inputs(n * d, 41), 0, x.data, 0, n * d);
        System.arraycopy(inputs(6 * d, 43), 0, y.data, 0, 6 * d);
        System.arraycopy(x.data, 2 * d, y.data, 4 * d, d);  // y row 4 = x row 2
        for (InputScaling scaling : InputScaling.values()) {
            Network identity = Network.serial(scaling, Dense.of(1, 0));
            for (DMatrixRMaj other : new DMatrixRMaj[] {x, y}) {
                DMatrixRMaj k = identity.matrices(x, other).nngp();
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < other.numRows; j++) {
                        assertEquals(scaling.factor(d) * fmaChain(x.data, i, other.data, j, d), k.get(i, j), 0.0,
                                scaling + " " + i + "," + j);
                    }
                }
            }
        }
    }

    @Test
    void theScalarEngineGivesTheSameBitsAndVectorGramIsNeverLoadedWithoutTheModuleOrWithThePropertyOff()
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<List<String>> setups = List.of(
                List.of(),                                                         // a plain JVM: no module
                List.of("--add-modules", "jdk.incubator.vector", "-D" + InputGram.PROPERTY + "=false"));
        for (List<String> setup : setups) {
            List<String> command = new ArrayList<>(List.of(java, "-Xlog:class+load=info", "-cp", classpath));
            command.addAll(setup);
            command.add(GramEngineCheck.class.getName());
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = p.waitFor();
            String shown = setup + ":\n" + output.lines().filter(l -> !l.contains("[class,load]"))
                    .reduce("", (a, b) -> a + b + "\n");
            assertEquals(0, status, shown);
            assertTrue(output.contains("module=" + !setup.isEmpty() + " vectorised=false"), shown);
            assertTrue(output.contains("checked "), shown);
            assertTrue(output.contains(InputGram.class.getName() + " source:"), "the class-load log works: " + shown);
            assertTrue(!output.contains(VectorGram.class.getName()), "VectorGram was loaded: " + shown);
        }
    }
}
