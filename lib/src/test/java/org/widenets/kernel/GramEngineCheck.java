package org.widenets.kernel;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * Run by {@link InputGramTest} in a JVM of its own, where the Vector API engine must be off (no module, or
 * {@code -Dwidenets.vector=false}): prints which engine is on, then checks that the kernel path still
 * gives every Gram entry as the ordered fma chain, bit for bit, and exits 1 on the first difference.
 */
public final class GramEngineCheck {

    private GramEngineCheck() {
    }

    public static void main(String[] args) {
        System.out.println("module=" + ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                + " vectorised=" + InputGram.vectorised());
        int[][] shapes = {{1, 1, 1}, {7, 5, 1}, {13, 29, 17}, {37, 50, 300}};
        long checked = 0;
        for (int[] s : shapes) {
            int n = s[0], m = s[1], d = s[2];
            double[] x = InputGramTest.inputs(n * d, 11L * n + d), y = InputGramTest.inputs(m * d, 13L * m + d);
            double[] out = new double[n * m];
            InputGram.of(x, y, d, m).rows(0, n, 0, m, out, m);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++, checked++) {
                    if (Double.doubleToLongBits(out[i * m + j]) != Double.doubleToLongBits(InputGramTest.fmaChain(x, i, y, j, d))) {
                        System.out.println("MISMATCH n=" + n + " m=" + m + " d=" + d + " at " + i + "," + j);
                        System.exit(1);
                    }
                }
            }
        }
        // through the public kernel path: one identity layer, both input conventions
        DMatrixRMaj x = new DMatrixRMaj(9, 21);
        Random r = new Random(3);
        for (int k = 0; k < x.data.length; k++) {
            x.data[k] = r.nextGaussian();
        }
        for (InputScaling scaling : InputScaling.values()) {
            DMatrixRMaj k = Network.serial(scaling, Dense.of(1, 0)).matrices(x, x).nngp();
            for (int i = 0; i < 9; i++) {
                for (int j = 0; j < 9; j++, checked++) {
                    if (k.get(i, j) != scaling.factor(21) * InputGramTest.fmaChain(x.data, i, x.data, j, 21)) {
                        System.out.println("MISMATCH " + scaling + " at " + i + "," + j);
                        System.exit(1);
                    }
                }
            }
        }
        System.out.println("checked " + checked + " entries");
    }
}
