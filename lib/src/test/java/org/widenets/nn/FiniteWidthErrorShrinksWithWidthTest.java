package org.widenets.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.widenets.kernel.AbRelu;

/**
 * The Monte Carlo kernels approach the analytic ones as the width grows: same seeds, same number of
 * networks, widths 256 and 4096. The sampling error shrinks like 1/√n (a factor 4 expected here) and,
 * from depth 2 on, the finite-width bias like 1/n.
 */
class FiniteWidthErrorShrinksWithWidthTest {

    @ParameterizedTest(name = "depth {0}, {1} networks: error shrinks by more than {2}")
    @CsvSource({"1, 64, 2.5", "2, 6, 1.5"})
    void relativeErrorOfNngpAndNtkShrinksFrom256To4096(int depth, int networks, double factor) {
        MlpConfig config = MlpConfig.builder().depth(depth).activation(AbRelu.relu())
                .weightVariance(2).biasVariance(0.1).build();
        DMatrixRMaj[] exact = MonteCarlo.analytic(config.kernel(), MonteCarlo.INPUTS);
        double[] narrow = errors(config.withWidth(256), networks, exact);
        double[] wide = errors(config.withWidth(4096), networks, exact);
        System.out.printf("depth %d: relative error NNGP %.4f → %.4f, NTK %.4f → %.4f%n",
                depth, narrow[0], wide[0], narrow[1], wide[1]);
        for (int k = 0; k < 2; k++) {
            String what = k == 0 ? "NNGP" : "NTK";
            assertTrue(wide[k] < narrow[k] / factor,
                    what + " relative error " + wide[k] + " at width 4096 vs " + narrow[k] + " at 256");
        }
    }

    private static double[] errors(MlpConfig config, int networks, DMatrixRMaj[] exact) {
        KernelEstimate mc = EmpiricalKernels.estimate(config, MonteCarlo.INPUTS, networks, 2024);
        return new double[] {relativeError(mc.nngp(), exact[0]), relativeError(mc.ntk(), exact[1])};
    }

    private static double relativeError(DMatrixRMaj estimate, DMatrixRMaj exact) {
        double num = 0, den = 0;
        for (int k = 0; k < exact.data.length; k++) {
            num += (estimate.data[k] - exact.data[k]) * (estimate.data[k] - exact.data[k]);
            den += exact.data[k] * exact.data[k];
        }
        return Math.sqrt(num / den);
    }
}
