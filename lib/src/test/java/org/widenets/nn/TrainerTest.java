package org.widenets.nn;

import org.widenets.data.BinaryTask;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrainerTest {

    private final BinaryTask task = TwoGaussians.task(64, 32, 8, 1.5, 3);

    @Test
    void fullBatchGradientDescentLowersTheLossAndLearnsTheTask() {
        Hyperparameters h = new Hyperparameters(256, 1.0 / 24, 1.0 / 384, 0.5, 0.5, 0);
        TrainingLog log = Trainer.builder(task, h).steps(200).seed(1).build().run().log();
        assertEquals(0, log.first().step());
        assertEquals(200, log.last().step());
        assertTrue(log.last().trainLoss() < 0.5 * log.first().trainLoss(), log.toString());
        assertTrue(log.last().testAccuracy() > 0.8, log.toString());
    }

    @Test
    void sameSeedSameRunAndMiniBatchesDependOnTheSeed() {
        Hyperparameters h = new Hyperparameters(100, 0.1, 0.01, 0.3, 0.3, 0);
        TrainingResult r1 = Trainer.builder(task, h).steps(20).batchSize(16).seed(5).build().run();
        TrainingResult r2 = Trainer.builder(task, h).steps(20).batchSize(16).seed(5).build().run();
        TrainingResult r3 = Trainer.builder(task, h).steps(20).batchSize(16).seed(6).build().run();
        assertArrayEquals(r1.trained().outputWeights(), r2.trained().outputWeights(), 0.0);
        assertNotEquals(r1.log().last().trainLoss(), r3.log().last().trainLoss());
    }

    @Test
    void theFrozenCopyReceivesNoGradient() {
        double c = 3.0;
        Hyperparameters h = new Hyperparameters(50, 0.1, 0.01, 0.3, 0.3, c);
        TrainingResult r = Trainer.builder(task, h).steps(30).seed(2).build().run();
        // θ₀ is what the seed draws, untouched by 30 steps.
        OneHiddenLayerNet fresh = OneHiddenLayerNet.gaussian(50, 8, 0.1, 0.01, r.initial().activation(), 2);
        assertArrayEquals(fresh.outputWeights(), r.initial().outputWeights(), 0.0);
        assertArrayEquals(fresh.inputWeights()[7], r.initial().inputWeights()[7], 0.0);

        // At θ = θ₀ the trained model is (1 + c)·f(θ₀). Its gradient must be that of θ ↦ L(f(θ) + c·f(θ₀))
        // with θ₀ held fixed, not that of θ ↦ L((1 + c)·f(θ)), which is what a gradient through the copy gives.
        LabelledInputs train = LabelledInputs.train(task);
        double[] offset = fresh.logits(train.xView());
        for (int i = 0; i < offset.length; i++) offset[i] *= c;
        TrainingObjective withFrozen = new TrainingObjective(train, offset);
        TrainingObjective plain = new TrainingObjective(train, new double[train.size()]);
        OneHiddenLayerNet.Gradient frozen = withFrozen.gradient(fresh);
        double eps = 1e-6;
        for (int rr = 0; rr < 50; rr += 7) {
            double[] ap = fresh.outputWeights(), am = fresh.outputWeights();
            ap[rr] += eps;
            am[rr] -= eps;
            OneHiddenLayerNet np = OneHiddenLayerNet.of(fresh.activation(), fresh.inputWeights(), ap);
            OneHiddenLayerNet nm = OneHiddenLayerNet.of(fresh.activation(), fresh.inputWeights(), am);
            double fdFrozen = (withFrozen.loss(np) - withFrozen.loss(nm)) / (2 * eps);
            double fdThrough = (plain.loss(OneHiddenLayerNet.of(np.activation(), np.inputWeights(),
                    times(ap, 1 + c))) - plain.loss(OneHiddenLayerNet.of(nm.activation(), nm.inputWeights(),
                    times(am, 1 + c)))) / (2 * eps);
            assertEquals(fdFrozen, frozen.outputAt(rr), 1e-7 * Math.abs(fdThrough));
            assertEquals((1 + c) * fdFrozen, fdThrough, 1e-6 * Math.abs(fdThrough));
        }
        // and the run's first step used the frozen-copy gradient: θ₁ = θ₀ − η·∇(frozen).
        TrainingResult one = Trainer.builder(task, h).steps(1).seed(2).build().run();
        double[] expected = fresh.descend(frozen, 0.3, 0.3).outputWeights();
        assertArrayEquals(expected, one.trained().outputWeights(), 0.0);
    }

    private static double[] times(double[] v, double s) {
        double[] o = v.clone();
        for (int i = 0; i < o.length; i++) o[i] *= s;
        return o;
    }

    @Test
    void aDivergingRunStopsWithAClearErrorInsteadOfLoggingNaN() {
        Hyperparameters h = new Hyperparameters(32, 0.1, 0.01, 1e150, 1e150, 0);
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> Trainer.builder(task, h).steps(20).seed(1).build().run());
        assertTrue(e.getMessage().contains("diverged at step"), e.getMessage());
    }

    @Test
    void logSpacedStepsStartDenseAndEndAtTheLastStep() {
        int[] s = Trainer.logSpacedSteps(1000, 4);
        assertEquals(0, s[0]);
        assertEquals(10, s[10]);
        assertEquals(1000, s[s.length - 1]);
        for (int i = 1; i < s.length; i++) assertTrue(s[i] > s[i - 1]);
    }
}
