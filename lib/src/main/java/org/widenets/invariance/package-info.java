/**
 * Rotation-invariant weight distributions and what they leave invariant (Tsuchida, Roosta &amp;
 * Gallagher, ICML 2018; developer note shared/papers/weight-invariance.md).
 *
 * <p>Where things are:
 * <ul>
 *   <li>the laws themselves (Gaussian, multivariate t, sphere, ball, Gaussian scale mixtures and the
 *       non-invariant i.i.d. uniform and Rademacher laws) are {@link org.widenets.nn.WeightDistribution}s
 *       in {@code nn}, because finite networks draw their rows from them;</li>
 *   <li>{@link org.widenets.invariance.EquivalentKernel}: the one-hidden-layer ReLU/LeakyReLU kernel
 *       under any rotation-invariant law, i.e. the arc-cosine kernel of {@link org.widenets.kernel.AbRelu}
 *       at the effective variance E‖w‖²/n, with a bias by input augmentation;</li>
 *   <li>{@link org.widenets.invariance.AngleMap} and its result {@link org.widenets.invariance.DeepAngles}:
 *       the law-free normalised kernel of deep rectified networks, its fixed point θ = 0 and the 1/l rate;</li>
 *   <li>{@link org.widenets.invariance.OneLayerMonteCarlo}: seeded Monte Carlo estimates with standard
 *       errors ({@link org.widenets.invariance.MonteCarloEstimate}) that check the kernel at any width.</li>
 * </ul>
 */
package org.widenets.invariance;
