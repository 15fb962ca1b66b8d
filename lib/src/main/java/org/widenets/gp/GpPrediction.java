package org.widenets.gp;

/**
 * Posterior predictive marginals at test points (in the units the GP was fitted in):
 * mean μ_i, latent variance Var f(x_i) and noisy variance Var y_i = Var f(x_i) + σ_n².
 *
 * @param mean           predictive mean
 * @param latentVariance posterior variance of the latent function
 * @param noiseVariance  the observation noise σ_n² (jitter excluded) added for {@link #noisyVariance()}
 */
public record GpPrediction(double[] mean, double[] latentVariance, double noiseVariance) {

    public GpPrediction {
        if (mean.length != latentVariance.length) {
            throw new IllegalArgumentException("mean has " + mean.length + " entries, variance " + latentVariance.length);
        }
    }

    /** Var y_i = latent variance + noise. */
    public double[] noisyVariance() {
        double[] v = latentVariance.clone();
        for (int i = 0; i < v.length; i++) v[i] += noiseVariance;
        return v;
    }

    public int size() {
        return mean.length;
    }

    @Override
    public String toString() {
        return "GpPrediction[" + mean.length + " points, noise " + noiseVariance + "]";
    }
}
