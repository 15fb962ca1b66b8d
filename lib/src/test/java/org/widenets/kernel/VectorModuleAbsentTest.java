package org.widenets.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The library without the Vector API: a child JVM started without {@code --add-modules
 * jdk.incubator.vector} runs ELU's kernels and the batch Φ₂ through the scalar code (the vector classes
 * are never loaded), gives exactly the scalar route's values, and its kernel matrices equal its pair
 * path. In this JVM (with the module, as surefire runs) the vector route agrees with them to rounding.
 */
class VectorModuleAbsentTest {

    /** Covariances on the Φ₂ route at every rule and near ±1, and two off it. */
    static double[][] cases() {
        Random random = new Random(41);
        List<double[]> cases = new ArrayList<>();
        for (double rho : new double[] {-1 + 1e-12, -0.99, -0.8, -0.3, 0, 0.2, 0.5, 0.9, 0.93, 0.999, 1 - 1e-10}) {
            double q11 = 0.01 + 12 * random.nextDouble(), q22 = 0.01 + 12 * random.nextDouble();
            cases.add(new double[] {q11, rho * Math.sqrt(q11 * q22), q22});
        }
        cases.add(new double[] {20, 3, 1});
        cases.add(new double[] {1, 1, 1});
        return cases.toArray(new double[0][]);
    }

    /** What the child JVM prints: one line per case (T, Ṫ bits), then checks of its own. */
    public static void main(String[] args) {
        System.out.println("present " + VectorModule.PRESENT);
        Elu elu = new Elu(1);
        double[] out = new double[2];
        for (double[] c : cases()) {
            elu.tAndTDot(c[0], c[1], c[2], out);
            System.out.println(Double.doubleToRawLongBits(out[0]) + " " + Double.doubleToRawLongBits(out[1]));
        }
        // matrices against the pair path, and the batch Φ₂ against the scalar one
        Network net = Mlp.builder().activation(elu).depth(3).weightVariance(1.5).biasVariance(0.1).build();
        DMatrixRMaj x = KernelMatricesEqualPairPathTest.randomInputs(9, 4, 42);
        KernelMatrices m = net.matrices(x, x);
        boolean equal = true;
        for (int i = 0; i < 9; i++) {
            for (int j = 0; j < 9; j++) {
                PairKernel p = net.pair(KernelMatricesEqualPairPathTest.row(x, i), KernelMatricesEqualPairPathTest.row(x, j));
                equal &= Math.abs(p.q12() - m.nngp().get(i, j)) <= 1e-12 * Math.sqrt(p.q11() * p.q22());
                equal &= Math.abs(p.ntk12() - m.ntk().get(i, j)) <= 1e-12 * Math.sqrt(p.ntk11() * p.ntk22());
            }
        }
        System.out.println("matrices " + equal);
        double[] h = {-1, 0.5, 2}, k = {0.3, -2, 1}, rho = {0.2, -0.95, 0.8}, phi = new double[3];
        BivariateNormal.cdf(h, k, rho, phi);
        boolean same = true;
        for (int i = 0; i < 3; i++) {
            same &= phi[i] == BivariateNormal.cdf(h[i], k[i], rho[i]);
        }
        System.out.println("batch " + same);
    }

    @Test
    void withoutTheModuleTheScalarCodeRunsAndAgrees() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                VectorModuleAbsentTest.class.getName()).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                lines.add(line);
            }
        }
        assertEquals(0, child.waitFor(), "child JVM: " + lines);
        assertEquals("present false", lines.get(0), "child JVM: " + lines);
        double[][] cases = cases();
        Elu elu = new Elu(1);
        double[] scalar = new double[2], here = new double[2];
        for (int c = 0; c < cases.length; c++) {
            String[] bits = lines.get(1 + c).split(" ");
            double t = Double.longBitsToDouble(Long.parseLong(bits[0])), tDot = Double.longBitsToDouble(Long.parseLong(bits[1]));
            double q11 = cases[c][0], q12 = cases[c][1], q22 = cases[c][2];
            elu.tAndTDot(q11, q12, q22, here);
            if (Elu.vectorRoute(q11, q12, q22)) {
                EluBlockTest.scalar(elu, q11, q12, q22, scalar);
                assertEquals(scalar[0], t, 0.0, "scalar route, T, case " + c);
                assertEquals(scalar[1], tDot, 0.0, "scalar route, Ṫ, case " + c);
                double scale = Math.max(1, Math.sqrt(q11 * q22));
                assertEquals(t, here[0], 2e-15 * scale, "vector against scalar, T, case " + c);
                assertEquals(tDot, here[1], 2e-15, "vector against scalar, Ṫ, case " + c);
            } else {
                assertEquals(here[0], t, 0.0, "off the vector route, T, case " + c);
                assertEquals(here[1], tDot, 0.0, "off the vector route, Ṫ, case " + c);
            }
        }
        assertTrue(lines.contains("matrices true"), "child JVM: " + lines);
        assertTrue(lines.contains("batch true"), "child JVM: " + lines);
    }
}
