package org.widenets.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Off-diagonal kernels of the layer engine (forward composition of Residual / DenseBlock layers) against
 * the recursions of shared/papers/residual-kernels.md §3 written out independently here: the ResNet NTK
 * in its backward form with the Π products (the form of Tirer, Bruna &amp; Giryes' reference code, there
 * with c = 1) and the DenseNet sums, with the ReLU maps in their arccos form.
 */
class ResidualRecursionsBackwardFormTest {

    private static final double[] X = {0.9, -0.4, 1.3}, Y = {-0.2, 1.1, 0.7};

    /** c·E[φ(u)φ(u′)] for ReLU: c·√(qq′)(sin θ + (π−θ)cos θ)/(2π). */
    private static double lambda(double c, double q, double k, double qp) {
        double cos = Math.max(-1, Math.min(1, k / Math.sqrt(q * qp)));
        double theta = Math.acos(cos);
        return c * Math.sqrt(q * qp) * (Math.sin(theta) + (Math.PI - theta) * cos) / (2 * Math.PI);
    }

    /** c·E[φ′(u)φ′(u′)] = c(π−θ)/(2π). */
    private static double lambdaDot(double c, double q, double k, double qp) {
        double cos = Math.max(-1, Math.min(1, k / Math.sqrt(q * qp)));
        return c * (Math.PI - Math.acos(cos)) / (2 * Math.PI);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s / a.length;
    }

    /** Returns {NNGP, NTK} of the R1/R2 ResNet by the note's forward Σ / backward Π recursion. */
    private static double[] resNetBackward(boolean twoLayer, double alpha, int depth, double c) {
        double a2 = alpha * alpha;
        double[] s = new double[depth + 1], sx = new double[depth + 1], sy = new double[depth + 1];
        double[] lam = new double[depth + 1], lamDot = new double[depth + 1];
        s[0] = dot(X, Y);
        sx[0] = dot(X, X);
        sy[0] = dot(Y, Y);
        for (int l = 1; l <= depth; l++) {
            lam[l] = lambda(c, sx[l - 1], s[l - 1], sy[l - 1]);
            lamDot[l] = lambdaDot(c, sx[l - 1], s[l - 1], sy[l - 1]);
            s[l] = s[l - 1] + a2 * lam[l];
            sx[l] = sx[l - 1] * (1 + a2 * c / 2);   // diagonal: c·E[φ²] = c·q/2
            sy[l] = sy[l - 1] * (1 + a2 * c / 2);
        }
        double ntk = s[depth], pi = 1;
        for (int l = depth; l >= 1; l--) {
            ntk += a2 * pi * (twoLayer ? lam[l] + lamDot[l] * s[l - 1] : lam[l]);
            pi *= 1 + a2 * lamDot[l];
        }
        ntk += pi * s[0];
        return new double[] {s[depth], ntk};
    }

    @Test
    void resNetForwardLayersEqualTheBackwardPiRecursion() {
        for (boolean two : new boolean[] {true, false}) {
            for (double c : new double[] {1, 2}) {
                for (double alpha : new double[] {0.25, 1}) {
                    for (int depth : new int[] {1, 3, 10}) {
                        double[] expected = resNetBackward(two, alpha, depth, c);
                        PairKernel k = ResNet.builder().branch(two ? ResidualBranch.TWO_LAYER : ResidualBranch.ONE_LAYER)
                                .depth(depth).alpha(alpha).branchWeightVariance(c).build().pair(X, Y);
                        String what = (two ? "R2" : "R1") + " c=" + c + " α=" + alpha + " L=" + depth;
                        assertEquals(expected[0], k.q12(), 1e-12 * Math.abs(expected[0]) + 1e-15, what);
                        assertEquals(expected[1], k.ntk12(), 1e-12 * Math.abs(expected[1]), what);
                    }
                }
            }
        }
    }

    @Test
    void denseBlockEqualsTheNotesSums() {
        for (int depth : new int[] {1, 2, 6}) {
            double c = 2;
            double[] s = new double[depth + 1], sx = new double[depth + 1], sy = new double[depth + 1];
            double[] t = new double[depth + 1];
            s[0] = t[0] = dot(X, Y);
            sx[0] = dot(X, X);
            sy[0] = dot(Y, Y);
            for (int l = 1; l <= depth; l++) {
                double sum = 0, sumT = 0;
                for (int k = 0; k < l; k++) {
                    double lam = lambda(c, sx[k], s[k], sy[k]);
                    sum += lam;
                    sumT += lam + lambdaDot(c, sx[k], s[k], sy[k]) * t[k];
                }
                s[l] = sum / l;
                t[l] = sumT / l;
                sx[l] = sx[0];   // c·E[φ²] = q on the diagonal: every layer keeps q₀
                sy[l] = sy[0];
            }
            double nngp = 0, ntk = 0;
            for (int k = 0; k <= depth; k++) {
                double lam = lambda(c, sx[k], s[k], sy[k]);
                nngp += lam / (depth + 1);
                ntk += (lam + lambdaDot(c, sx[k], s[k], sy[k]) * t[k]) / (depth + 1);
            }
            PairKernel k = DenseNet.builder().depth(depth).build().pair(X, Y);
            assertEquals(nngp, k.q12(), 1e-12 * Math.abs(nngp), "L=" + depth);
            assertEquals(ntk, k.ntk12(), 1e-12 * Math.abs(ntk), "L=" + depth);
        }
    }

    @Test
    void angularProfileIsOneAtZeroSymmetricAndConvergesWithInverseSqrtDepth() {
        AngularProfile p = AngularProfile.of(ResNet.builder().depth(16)
                .branchScale(BranchScale.inverseSqrtDepth()).build(), 41);
        assertEquals(1.0, p.ntk()[20], 1e-14);
        assertEquals(1.0, p.nngp()[20], 1e-14);
        for (int i = 0; i < 41; i++) assertEquals(p.ntk()[i], p.ntk()[40 - i], 1e-12);
        AngularProfile deep = AngularProfile.of(ResNet.builder().depth(256)
                .branchScale(BranchScale.inverseSqrtDepth()).build(), 41);
        AngularProfile deeper = AngularProfile.of(ResNet.builder().depth(512)
                .branchScale(BranchScale.inverseSqrtDepth()).build(), 41);
        assertTrue(deep.ntkDistance(deeper) < 2e-3, "α = 1/√L shape moves by " + deep.ntkDistance(deeper));
        // The MLP's normalised NTK keeps flattening towards its degenerate limit.
        AngularProfile mlp64 = AngularProfile.of(Mlp.builder().depth(64).weightVariance(2).build(), 41);
        AngularProfile mlp128 = AngularProfile.of(Mlp.builder().depth(128).weightVariance(2).build(), 41);
        assertTrue(mlp64.ntkDistance(mlp128) > 10 * deep.ntkDistance(deeper),
                "MLP shape moves by " + mlp64.ntkDistance(mlp128));
    }

    @Test
    void kernelMatricesOfResidualAndDenseNetworksEqualThePairPath() {
        org.ejml.data.DMatrixRMaj x = new org.ejml.data.DMatrixRMaj(new double[][] {
                {0.9, -0.4, 1.3}, {-0.2, 1.1, 0.7}, {0.9, -0.4, 1.3}, {0, 0, 0}, {-1.8, 0.8, -2.6}});
        for (Network net : java.util.List.of(
                ResNet.builder().depth(5).branchScale(BranchScale.inverseSqrtDepth()).build(),
                ResNet.builder().branch(ResidualBranch.ONE_LAYER).depth(3).alpha(0.6).build(),
                DenseNet.builder().depth(4).build())) {
            KernelMatrices km = net.matrices(x, x);
            for (int i = 0; i < x.numRows; i++) {
                for (int j = 0; j < x.numRows; j++) {
                    double[] xi = java.util.Arrays.copyOfRange(x.data, 3 * i, 3 * i + 3);
                    double[] xj = java.util.Arrays.copyOfRange(x.data, 3 * j, 3 * j + 3);
                    PairKernel k = net.pair(xi, xj);
                    assertEquals(k.q12(), km.nngp().get(i, j), 1e-12 * (1 + Math.abs(k.q12())), net + " K" + i + j);
                    assertEquals(k.ntk12(), km.ntk().get(i, j), 1e-12 * (1 + Math.abs(k.ntk12())), net + " Θ" + i + j);
                }
            }
        }
    }
}
