/**
 * Width scalings of one-hidden-layer classifiers and their infinite-width limit models (Golikov,
 * "Dynamically Stable Infinite-Width Limits of Neural Classifiers", arXiv 2006.06574;
 * shared/papers/width-scalings.md): {@link org.widenets.scaling.Scaling} turns a point (q_σ, q̃) of the
 * scaling plane into hyper-parameters at each width, {@link org.widenets.scaling.Classification} gives
 * its exponents and which of the 13 limit models it leads to, {@link org.widenets.scaling.PhaseDiagram}
 * draws the plane and {@link org.widenets.scaling.ScalingExperiment} runs the finite-width experiments.
 */
package org.widenets.scaling;
