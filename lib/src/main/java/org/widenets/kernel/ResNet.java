package org.widenets.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A residual network of L blocks in the NTK parametrisation (all weights N(0, 1), every product divided
 * by √fan-in; shared/papers/residual-kernels.md §2, after Littwin, Galanti &amp; Wolf, arXiv 2001.10460):
 * <pre>
 *   h⁰ = σ₀·A x/√n₀
 *   hˡ = h^{l−1} + α·B(h^{l−1}),  l = 1..L       (B = R1 or R2, see {@link ResidualBranch})
 *   f  = v·h^L/√n
 * </pre>
 * with α = {@link BranchScale#alpha(int) α(L)} and the branch's last weight variance c
 * (default c_φ = 1/E[φ(g)²], g ~ N(0, 1): 2 for ReLU, so that a branch preserves the variance).
 * On the diagonal, for ReLU, c = 2, q₀ = |x|²/n₀ (note §4):
 * <pre>
 *   R2: Θ(x,x) = q₀(1+α²)^{L−1}[2(1+α²) + 2α²L],   R1: Θ(x,x) = q₀(1+α²)^{L−1}[2(1+α²) + α²L]
 * </pre>
 * With {@code skip = false} the identity paths are removed: the same branches stacked as a plain
 * network (for R1, α = 1: the MLP Dense(σ₀²) → [φ → Dense(c)]×L followed by a linear readout).
 *
 * <pre>
 * Network net = ResNet.builder().depth(16).branch(ResidualBranch.TWO_LAYER)
 *         .branchScale(BranchScale.inverseSqrtDepth()).build();
 * </pre>
 *
 * @param activation           φ
 * @param depth                number of residual blocks L ≥ 1
 * @param branch               R1 or R2
 * @param branchScale          α as a function of L
 * @param branchWeightVariance c, the variance of the branch's last layer
 * @param inputWeightVariance  σ₀² of the input layer A
 * @param skip                 whether blocks have their identity path
 * @param inputScaling         x·x′/n₀ ({@link InputScaling#MEAN}) or x·x′ ({@link InputScaling#SUM})
 */
public record ResNet(Activation activation, int depth, ResidualBranch branch, BranchScale branchScale,
                     double branchWeightVariance, double inputWeightVariance, boolean skip,
                     InputScaling inputScaling) {

    public ResNet {
        Objects.requireNonNull(activation, "activation");
        Checks.atLeast("depth", depth, 1);
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(branchScale, "branchScale");
        Checks.variance("branchWeightVariance c", branchWeightVariance);
        Checks.variance("inputWeightVariance σ₀²", inputWeightVariance);
        Objects.requireNonNull(inputScaling, "inputScaling");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** c_φ = 1/E[φ(g)²], g ~ N(0, 1): the weight variance under which φ followed by a layer keeps q = 1. */
    public static double varianceNormaliser(Activation activation) {
        double m = activation.diag(1);
        if (!(m > 0) || !Double.isFinite(m)) {
            throw new IllegalArgumentException("E[φ(g)²] of " + activation.name() + " is " + m
                    + ": no variance-preserving weight variance; set it explicitly");
        }
        return 1 / m;
    }

    /** α(L). */
    public double alpha() {
        return branchScale.alpha(depth);
    }

    /** The same architecture with L blocks (α re-evaluated at the new depth). */
    public ResNet withDepth(int newDepth) {
        return new ResNet(activation, newDepth, branch, branchScale, branchWeightVariance,
                inputWeightVariance, skip, inputScaling);
    }

    /** The kernel network: Dense(σ₀²) → L residual blocks → Dense(1) readout. */
    public Network network() {
        List<Layer> b = new ArrayList<>(3);
        if (branch == ResidualBranch.TWO_LAYER) b.add(Dense.of(1, 0));
        b.add(new Nonlinearity(activation));
        b.add(Dense.of(branchWeightVariance, 0));
        Residual block = new Residual(b, alpha(), skip);
        List<Layer> layers = new ArrayList<>(depth + 2);
        layers.add(Dense.of(inputWeightVariance, 0));
        for (int l = 0; l < depth; l++) layers.add(block);
        layers.add(Dense.of(1, 0));
        return Network.serial(inputScaling, layers);
    }

    /** Trainable weights of the width-n network on inputs of dimension n₀: n·n₀ + L·m·n² + n (m matrices per block). */
    public long parameterCount(int width, int inputDimension) {
        Checks.atLeast("width", width, 1);
        Checks.atLeast("inputDimension", inputDimension, 1);
        long n = width;
        return n * inputDimension + (long) depth * branch.matrices() * n * n + n;
    }

    /** E.g. "ResNet R2 α = 1/√L" (depth not included, for legends of depth sweeps). */
    public String name() {
        return (skip ? "ResNet " : "plain ") + branch + " " + branchScale;
    }

    @Override
    public String toString() {
        return name() + ", L = " + depth + ", φ = " + activation.name();
    }

    /**
     * Builder with defaults: ReLU, depth 1, R2, α = 1, c = c_φ of the activation, σ₀² = 1, skips on,
     * {@link InputScaling#MEAN}.
     */
    public static final class Builder {
        private Activation activation = AbRelu.relu();
        private int depth = 1;
        private ResidualBranch branch = ResidualBranch.TWO_LAYER;
        private BranchScale branchScale = BranchScale.one();
        private Double branchWeightVariance;
        private double inputWeightVariance = 1;
        private boolean skip = true;
        private InputScaling inputScaling = InputScaling.MEAN;

        private Builder() {
        }

        public Builder activation(Activation activation) {
            this.activation = Objects.requireNonNull(activation, "activation");
            return this;
        }

        /** Number of residual blocks L ≥ 1. */
        public Builder depth(int depth) {
            this.depth = Checks.atLeast("depth", depth, 1);
            return this;
        }

        public Builder branch(ResidualBranch branch) {
            this.branch = Objects.requireNonNull(branch, "branch");
            return this;
        }

        public Builder branchScale(BranchScale branchScale) {
            this.branchScale = Objects.requireNonNull(branchScale, "branchScale");
            return this;
        }

        /** A fixed multiplier α ≥ 0. */
        public Builder alpha(double alpha) {
            return branchScale(BranchScale.constant(alpha));
        }

        public Builder branchWeightVariance(double c) {
            this.branchWeightVariance = Checks.variance("branchWeightVariance c", c);
            return this;
        }

        public Builder inputWeightVariance(double sigma0Squared) {
            this.inputWeightVariance = Checks.variance("inputWeightVariance σ₀²", sigma0Squared);
            return this;
        }

        /** Removes the identity paths: the plain network with the same branches. */
        public Builder withoutSkip() {
            this.skip = false;
            return this;
        }

        public Builder inputScaling(InputScaling inputScaling) {
            this.inputScaling = Objects.requireNonNull(inputScaling, "inputScaling");
            return this;
        }

        /** The architecture as a value (also what finite networks in {@code nn} are sampled from). */
        public ResNet architecture() {
            double c = branchWeightVariance != null ? branchWeightVariance : varianceNormaliser(activation);
            return new ResNet(activation, depth, branch, branchScale, c, inputWeightVariance, skip, inputScaling);
        }

        /** The kernel network, {@code architecture().network()}. */
        public Network build() {
            return architecture().network();
        }
    }
}
