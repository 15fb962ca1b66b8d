package org.widenets.nn;

import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.widenets.kernel.AbRelu;
import org.widenets.kernel.Activation;
import org.widenets.kernel.InputScaling;

/**
 * Finite random MLPs of width 1024 (mean over seeded networks) agree with the analytic NNGP and NTK
 * within 4 standard errors for the ABReLU family, depth 1 and 5, both input conventions.
 */
class ReluFamilyFiniteWidthConvergesToKernelsTest {

    static Stream<Arguments> cases() {
        Activation relu = AbRelu.relu(), leaky = AbRelu.leakyRelu(0.2), abs = AbRelu.abs();
        return Stream.of(
                Arguments.of(relu, 2.0, 0.1, 1, InputScaling.MEAN),
                Arguments.of(relu, 2.0, 0.0, 5, InputScaling.SUM),
                Arguments.of(leaky, 1.9, 0.2, 1, InputScaling.SUM),
                Arguments.of(leaky, 1.9, 0.2, 5, InputScaling.MEAN),
                Arguments.of(abs, 1.0, 0.1, 1, InputScaling.MEAN),
                Arguments.of(abs, 1.0, 0.1, 5, InputScaling.SUM));
    }

    @ParameterizedTest(name = "{0} σw²={1} σb²={2} depth {3} {4}")
    @MethodSource("cases")
    void nngpAndNtkAgreeWithinFourStandardErrors(Activation phi, double sw2, double sb2, int depth,
                                                 InputScaling scaling) {
        MlpConfig config = MlpConfig.builder().width(1024).depth(depth).activation(phi)
                .weightVariance(sw2).biasVariance(sb2).inputScaling(scaling).build();
        int networks = depth == 1 ? 48 : 10;
        KernelEstimate mc = EmpiricalKernels.estimate(config, MonteCarlo.INPUTS, networks, 11 + depth);
        DMatrixRMaj[] exact = MonteCarlo.analytic(config.kernel(), MonteCarlo.INPUTS);
        MonteCarlo.assertWithin(phi.name() + " NNGP", exact[0], mc.nngp(), mc.nngpError(), 4, 0.05);
        MonteCarlo.assertWithin(phi.name() + " NTK", exact[1], mc.ntk(), mc.ntkError(), 4, 0.05);
    }
}
