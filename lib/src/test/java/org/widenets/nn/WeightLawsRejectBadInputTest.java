package org.widenets.nn;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.distribution.continuous.CauchyDistribution;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** ν ≤ 2 where a second moment is needed, dimension &lt; 1, non-finite parameters: clear errors. */
class WeightLawsRejectBadInputTest {

    private static void rejects(Executable call, String mustMention) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(mustMention), "message '" + e.getMessage() + "' should name " + mustMention);
    }

    @Test
    void tWithoutSecondMomentHasNoSquaredNorm() {
        rejects(() -> new MultivariateTWeights(2, 1).expectedSquaredNorm(3), "ν = 2");
        rejects(() -> new MultivariateTWeights(1, 1).expectedSquaredNorm(3), "ν ≤ 2");
        rejects(() -> MultivariateTWeights.withEffectiveVariance(1.5, 1), "ν = 1.5");
        // sampling a heavy-tailed law is fine: only the moment does not exist
        new MultivariateTWeights(1, 1).sampleRow(new Well19937c(1), new double[3]);
    }

    @Test
    void nonFiniteOrNegativeParametersAreRejected() {
        rejects(() -> new MultivariateTWeights(Double.NaN, 1), "degreesOfFreedom");
        rejects(() -> new MultivariateTWeights(Double.POSITIVE_INFINITY, 1), "degreesOfFreedom");
        rejects(() -> new MultivariateTWeights(0, 1), "degreesOfFreedom");
        rejects(() -> new MultivariateTWeights(5, -1), "scaleSquared");
        rejects(() -> new MultivariateTWeights(5, Double.NaN), "scaleSquared");
        rejects(() -> new SphereWeights(Double.NaN), "radius");
        rejects(() -> new SphereWeights(0), "radius");
        rejects(() -> new BallWeights(Double.POSITIVE_INFINITY), "radius");
        rejects(() -> new IidUniformWeights(Double.NaN), "halfWidth");
        rejects(() -> new RademacherWeights(-1), "scale");
        rejects(() -> IidUniformWeights.withVariance(Double.NEGATIVE_INFINITY), "variance");
        rejects(() -> new GaussianWeights(Double.NaN), "variance");
        rejects(() -> new GaussianScaleMixtureWeights(new NormalDistribution(0, 1)), "[0, ∞)");
    }

    @Test
    void mixingLawWithoutMeanHasNoSquaredNorm() {
        // |Cauchy| is not available directly; a Cauchy shifted onto [0, ∞) does not exist either, so use
        // a law on [0, ∞) with infinite mean: the Lévy distribution.
        var levy = new org.hipparchus.distribution.continuous.LevyDistribution(0, 1);
        rejects(() -> new GaussianScaleMixtureWeights(levy).expectedSquaredNorm(2), "infinite");
        assertTrue(new CauchyDistribution(0, 1).getSupportLowerBound() < 0);
    }

    @Test
    void dimensionBelowOneIsRejected() {
        WeightDistribution[] laws = {new GaussianWeights(1), new MultivariateTWeights(5, 1), new SphereWeights(1),
                new BallWeights(1), new IidUniformWeights(1), new RademacherWeights(1)};
        for (WeightDistribution law : laws) {
            rejects(() -> law.expectedSquaredNorm(0), "n");
        }
        rejects(() -> new SphereWeights(1).sampleRow(new Well19937c(1), new double[0]), "dimension");
        rejects(() -> new BallWeights(1).sampleRow(new Well19937c(1), new double[0]), "dimension");
        rejects(() -> new MultivariateTWeights(5, 1).sampleRow(new Well19937c(1), new double[0]), "dimension");
        WeightDistribution bias = new IndependentBias(new GaussianWeights(1), new GaussianWeights(1));
        rejects(() -> bias.expectedSquaredNorm(1), "n + 1");
        rejects(() -> bias.sampleRow(new Well19937c(1), new double[1]), "n + 1");
    }
}
