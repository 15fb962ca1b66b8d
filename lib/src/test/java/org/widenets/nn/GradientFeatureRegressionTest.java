package org.widenets.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.widenets.kernel.BranchScale;
import org.widenets.kernel.ResNet;
import tech.tablesaw.api.Table;

class GradientFeatureRegressionTest {

    @Test
    void linearKernelRidgeMatchesThePrimalClosedForm() {
        // k(x, x′) = x x′ on x = 1, 2 (train, y = x) and 3 (test, y = 3): by the push-through identity
        // f(3) = 3·Σxy/(Σx² + λ) with λ = 0.1·mean(1, 4) = 0.25, so f(3) = 15/5.25 and RMSE = 3 − 15/5.25.
        double[] x = {1, 2, 3};
        DMatrixRMaj k = new DMatrixRMaj(3, 3);
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) k.set(i, j, x[i] * x[j]);
        double rmse = new GradientFeatureRegression(0.1, 2, 0).rmse(k, new double[] {1, 2}, new double[] {3});
        assertEquals(3 - 15 / 5.25, rmse, 1e-12);
        assertThrows(IllegalArgumentException.class,
                () -> new GradientFeatureRegression(0.1, 2, 0).rmse(k, new double[] {1}, new double[] {3}));
        assertThrows(IllegalArgumentException.class, () -> new GradientFeatureRegression(0, 2, 0));
    }

    @Test
    void wideNetworksRegressLikeTheirLimitOnASmoothTask() {
        // y = sin(x₁) + x₂/2 on 40 training and 20 test points in R³; at width 512 the empirical NTK's
        // predictions are close to the infinite-width NTK's.
        double[][] xTrain = new double[40][], xTest = new double[20][];
        double[] yTrain = new double[40], yTest = new double[20];
        Xoshiro256 rng = new Xoshiro256(5);
        for (int i = 0; i < 60; i++) {
            double[] p = {rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian()};
            double y = Math.sin(p[0]) + p[1] / 2;
            if (i < 40) { xTrain[i] = p; yTrain[i] = y; } else { xTest[i - 40] = p; yTest[i - 40] = y; }
        }
        Table t = new GradientFeatureRegression(1e-3, 3, 1).vsDepth(List.of(Architecture.of(ResNet.builder()
                .branchScale(BranchScale.inverseSqrtDepth()).architecture())), new int[] {2}, 512,
                xTrain, yTrain, xTest, yTest);
        double empirical = t.doubleColumn("rmse").get(0), limit = t.doubleColumn("rmse").get(1);
        assertTrue(limit < 0.5, "the NTK fits a smooth function: RMSE " + limit);
        assertEquals(limit, empirical, 0.25 * limit + 3 * t.doubleColumn("rmseSE").get(0));
    }
}
