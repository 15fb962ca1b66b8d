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
 * path. In this JVM (with the module, as surefire runs) both vector routes (Φ₂ and the conditional
 * integrals) agree with them to rounding, entry by entry and in the kernel matrices of deep ELU networks
 * whose variances cross 0.01 and 12.
 */
class VectorModuleAbsentTest {

    /** Covariances on the Φ₂ route at every rule and near ±1, and off it (below 0.01, above 12 or 24, x = x′). */
    static double[][] cases() {
        Random random = new Random(41);
        List<double[]> cases = new ArrayList<>();
        for (double rho : new double[] {-1 + 1e-12, -0.99, -0.8, -0.3, 0, 0.2, 0.5, 0.9, 0.93, 0.999, 1 - 1e-10}) {
            double q11 = 0.01 + 12 * random.nextDouble(), q22 = 0.01 + 12 * random.nextDouble();
            cases.add(new double[] {q11, rho * Math.sqrt(q11 * q22), q22});
        }
        cases.add(new double[] {20, 3, 1});
        cases.add(new double[] {1, 1, 1});
        cases.add(new double[] {1e-4, -2e-5, 0.5});
        cases.add(new double[] {900, -800, 1600});
        cases.add(new double[] {15, 15 * (1 - 1e-10), 15});
        cases.add(new double[] {0.003, 0, 40});
        cases.add(new double[] {16, 20, 25});
        cases.add(new double[] {23, -11, 18});   // the vector Φ₂ route only (12 < q ≤ 24)
        cases.add(new double[] {14, 3, 20});     // 0.1 ≤ ρ < 0.3 above 12: integrals on both
        return cases.toArray(new double[0][]);
    }

    /** Inputs whose norms span a factor 800, so that the variances of deep networks spread widely. */
    static final DMatrixRMaj SPREAD = spread();

    private static DMatrixRMaj spread() {
        DMatrixRMaj x = KernelMatricesEqualPairPathTest.randomInputs(9, 4, 43);
        double[] scales = {0.01, 0.03, 0.1, 0.3, 1, 2, 3, 5, 8};
        for (int i = 0; i < x.numRows; i++) {
            for (int k = 0; k < x.numCols; k++) {
                x.set(i, k, scales[i] * x.get(i, k));
            }
        }
        return x;
    }

    /**
     * ELU networks whose variances leave [0.01, 12]: σ_w² = 3 over 10 layers (variances grow ≈ 1.5× per
     * layer, from 0.1 to ≈ 1e4), and σ_b² = 1e-4 over 3 layers (small inputs stay below 0.01).
     */
    static List<Network> deepNetworks() {
        return List.of(Mlp.builder().activation(new Elu(1)).depth(10).weightVariance(3).biasVariance(0.1).build(),
                Mlp.builder().activation(new Elu(0.7)).depth(3).weightVariance(1).biasVariance(1e-4).build());
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
        // deep networks whose variances cross 12 and 0.01: every entry, for comparison with the vector routes
        for (Network deep : deepNetworks()) {
            KernelMatrices dm = deep.matrices(SPREAD, SPREAD);
            for (int i = 0; i < SPREAD.numRows; i++) {
                for (int j = 0; j < SPREAD.numRows; j++) {
                    System.out.println("entry " + Double.doubleToRawLongBits(dm.nngp().get(i, j)) + " "
                            + Double.doubleToRawLongBits(dm.ntk().get(i, j)));
                }
            }
        }
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
        assertTrue(lines.contains("matrices true"), "child JVM: " + lines);
        assertTrue(lines.contains("batch true"), "child JVM: " + lines);
        double[][] cases = cases();
        Elu elu = new Elu(1);
        double[] scalar = new double[2], here = new double[2];
        for (int c = 0; c < cases.length; c++) {
            String[] bits = lines.get(1 + c).split(" ");
            double t = Double.longBitsToDouble(Long.parseLong(bits[0])), tDot = Double.longBitsToDouble(Long.parseLong(bits[1]));
            double q11 = cases[c][0], q12 = cases[c][1], q22 = cases[c][2];
            elu.tAndTDot(q11, q12, q22, here);
            boolean beyondScalarPhi2 = Elu.vectorRoute(q11, q12, q22) && Math.max(q11, q22) > 12;
            if (beyondScalarPhi2 || Elu.integralVectorRoute(q11, q12, q22)) {
                // the child integrates: off the Φ₂ routes, or on the vector one beyond the scalar one's bound (12)
                String route = beyondScalarPhi2 ? "vector Φ₂" : "vector integrals";
                VectorEluIntegralsTest.scalar(elu, q11, q12, q22, scalar);
                assertEquals(scalar[0], t, 0.0, "scalar integrals, T, case " + c);
                assertEquals(scalar[1], tDot, 0.0, "scalar integrals, Ṫ, case " + c);
                double scale = Math.sqrt(elu.diag(q11) * elu.diag(q22));
                assertEquals(t, here[0], 1e-13 * scale, route + " against scalar integrals, T, case " + c);
                assertEquals(tDot, here[1], 1e-13, route + " against scalar integrals, Ṫ, case " + c);
            } else if (Elu.vectorRoute(q11, q12, q22)) {
                EluBlockTest.scalar(elu, q11, q12, q22, scalar);
                assertEquals(scalar[0], t, 0.0, "scalar route, T, case " + c);
                assertEquals(scalar[1], tDot, 0.0, "scalar route, Ṫ, case " + c);
                double scale = Math.max(1, Math.sqrt(q11 * q22));
                assertEquals(t, here[0], 2e-15 * scale, "vector against scalar, T, case " + c);
                assertEquals(tDot, here[1], 2e-15, "vector against scalar, Ṫ, case " + c);
            } else {
                assertEquals(here[0], t, 0.0, "off both vector routes, T, case " + c);
                assertEquals(here[1], tDot, 0.0, "off both vector routes, Ṫ, case " + c);
            }
        }
        // the deep networks' matrices: scalar there, vector routes here, on the scale √(K_ii K_jj)
        int line = lines.indexOf("matrices true") + 1;
        double worst = 0;
        for (Network deep : deepNetworks()) {
            KernelMatrices m = deep.matrices(SPREAD, SPREAD);
            for (int i = 0; i < SPREAD.numRows; i++) {
                for (int j = 0; j < SPREAD.numRows; j++) {
                    String[] bits = lines.get(line++).split(" ");
                    assertEquals("entry", bits[0], "child JVM: " + lines);
                    double nngp = Double.longBitsToDouble(Long.parseLong(bits[1])), ntk = Double.longBitsToDouble(Long.parseLong(bits[2]));
                    double scale = Math.sqrt(m.nngp().get(i, i) * m.nngp().get(j, j));
                    double ntkScale = Math.sqrt(m.ntk().get(i, i) * m.ntk().get(j, j));
                    worst = Math.max(worst, Math.max(Math.abs(nngp - m.nngp().get(i, j)) / scale,
                            Math.abs(ntk - m.ntk().get(i, j)) / ntkScale));
                    assertEquals(nngp, m.nngp().get(i, j), 1e-12 * scale, "NNGP " + i + ", " + j + " of " + deep);
                    assertEquals(ntk, m.ntk().get(i, j), 1e-12 * ntkScale, "NTK " + i + ", " + j + " of " + deep);
                }
            }
        }
        System.out.println("deep ELU kernel matrices with and without the Vector API: worst difference / scale " + worst);
    }
}
