package org.widenets.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.widenets.data.RegressionSplit;
import org.widenets.data.Uci;
import org.widenets.data.UciProtocol;
import org.widenets.kernel.AbRelu;
import tech.tablesaw.api.Table;

/** Merging repeated inputs gives the plain n-row GP's predictions and objective ({@link ExactGp} on all rows). */
class MergedDuplicatesTest {

    private static double objective(GpPosterior post) {
        return -post.logMarginalLikelihood() - 0.5 * post.size() * Math.log(2 * Math.PI);
    }

    @Test
    void mergedGpEqualsThePlainGpOnRowsWithRepeatedInputsAndDifferentTargets() {
        Random r = new Random(21);
        double[][] x = ExactGpTest.randomInputs(r, 40, 3), xs = ExactGpTest.randomInputs(r, 7, 3);
        // rows 30–39 repeat rows 0–9 (row 0 three times), with their own noisy targets
        for (int i = 30; i < 40; i++) x[i] = x[i - 30].clone();
        x[29] = x[0].clone();
        double[] y = new double[40];
        for (int i = 0; i < 40; i++) y[i] = Math.sin(x[i][0]) + 0.3 * r.nextGaussian();
        GpKernel k = NetworkKernel.nngp(PaperKernels.deep(AbRelu.relu(), 3, 1.4));
        double noise = 0.1;
        GpPosterior plain = ExactGp.fit(k.gram(x), y, noise);
        double[] plainMean = plain.predictMean(k.cross(xs, x));

        MergedDuplicates m = MergedDuplicates.of(x, y);
        assertEquals(29, m.distinct());
        CholeskyFactor f = CholeskyFactor.of(k.gram(m.inputs()), m.noise(noise), JitterPolicy.DEFAULT);
        double[] alpha = f.solve(m.meanTargets());
        double[] mean = ExactGp.mean(k.cross(xs, m.inputs()), alpha);
        for (int i = 0; i < xs.length; i++) assertEquals(plainMean[i], mean[i], 1e-10 * (1 + Math.abs(plainMean[i])));
        double expected = objective(plain);
        assertEquals(expected, m.halfQuadraticPlusHalfLogDet(f, alpha, noise), 1e-10 * Math.abs(expected));
    }

    /** Figure 7's grid on red wine (about 15 % repeated inputs) against a plain Cholesky of all training rows. */
    @Test
    void deepGridOnWineEqualsThePlainGpOfAllRows() {
        var wine = Uci.load("wine-quality-red");
        RegressionSplit s = UciProtocol.deepPaper(wine, 3);
        assertTrue(MergedDuplicates.of(s.xTrain(), s.yTrain()).distinct() < s.xTrain().length - 100,
                "wine's training rows repeat inputs");
        Table grid = UciGpBenchmark.deepGrid(wine, AbRelu.relu(), new double[] {1.7}, 2, new long[] {3}, null);
        DepthSweep sweep = DepthSweep.compute(AbRelu.relu(), 1.7, 2, s.xTrain(), s.xTest());
        GpPosterior post = ExactGp.fit(sweep.gram(2), s.yTrain(), 0.1);
        double[] mean = post.predictMean(sweep.cross(2));
        double sq = 0;
        for (int i = 0; i < mean.length; i++) sq += (mean[i] - s.yTest()[i]) * (mean[i] - s.yTest()[i]);
        double rmse = s.target().scale() * Math.sqrt(sq / mean.length);
        assertEquals(rmse, grid.doubleColumn("rmse").get(1), 1e-9 * rmse);
        assertEquals(objective(post), grid.doubleColumn("nll").get(1), 1e-9 * Math.abs(objective(post)));
    }
}
