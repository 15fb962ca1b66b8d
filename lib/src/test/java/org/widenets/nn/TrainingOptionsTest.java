package org.widenets.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.widenets.data.BinaryTask;
import org.widenets.scaling.ScalingExperiment;

/** The run options shared by {@link Trainer.Builder} and {@link ScalingExperiment.Builder} reject bad values by name. */
class TrainingOptionsTest {

    private final BinaryTask task = TwoGaussians.task(16, 8, 4, 1.5, 3);
    private final Hyperparameters h = new Hyperparameters(32, 0.1, 0.01, 0.3, 0.3, 0);

    private static void assertRejects(String name, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith(name + " must be ≥"), e.getMessage());
    }

    @Test
    void bothBuildersRejectTheSameValuesWithTheSameNames() {
        assertRejects("steps", () -> Trainer.builder(task, h).steps(-1));
        assertRejects("steps", () -> ScalingExperiment.builder(task).steps(-1));
        assertRejects("batchSize", () -> Trainer.builder(task, h).batchSize(0));
        assertRejects("batchSize", () -> ScalingExperiment.builder(task).batchSize(0));
        assertRejects("trainSize", () -> Trainer.builder(task, h).trainSize(1));
        assertRejects("trainSize", () -> ScalingExperiment.builder(task).trainSize(1));
        assertRejects("testSize", () -> Trainer.builder(task, h).testSize(0));
        assertRejects("testSize", () -> ScalingExperiment.builder(task).testSize(0));
        assertRejects("kernelPoints", () -> Trainer.builder(task, h).kernelPoints(0));
        assertRejects("kernelPoints", () -> ScalingExperiment.builder(task).kernelPoints(0));
    }

    @Test
    void zeroMeansFullBatchAndAllExamplesButNegativesAreRejected() {
        TrainingOptions o = TrainingOptions.DEFAULT.withSteps(0).withTrainSize(2).withTestSize(1);
        assertEquals(new TrainingOptions(0, 0, 2, 1, 10), o);
        assertRejects("batchSize", () -> new TrainingOptions(1, -1, 0, 0, 1));
        assertRejects("trainSize", () -> new TrainingOptions(1, 0, -3, 0, 1));
        assertRejects("testSize", () -> new TrainingOptions(1, 0, 0, -1, 1));
    }

    @Test
    void optionsSetAtOnceActLikeTheSetters() {
        TrainingResult a = Trainer.builder(task, h).steps(6).batchSize(4).trainSize(12).testSize(6).kernelPoints(3)
                .seed(2).build().run();
        TrainingResult b = Trainer.builder(task, h).options(new TrainingOptions(6, 4, 12, 6, 3)).seed(2).build().run();
        assertEquals(a.log().toTable().print(), b.log().toTable().print());
    }
}
