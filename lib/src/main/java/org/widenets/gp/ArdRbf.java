package org.widenets.gp;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.widenets.kernel.Checks;

/**
 * The ARD squared-exponential kernel k(x, x′) = s²·exp(−½ Σ_d (x_d − x′_d)²/ℓ_d²)
 * (Rasmussen &amp; Williams 2006, eq. 5.1), the usual exact-GP baseline on the UCI benchmark.
 *
 * @param signalVariance s² &gt; 0
 * @param lengthscales   ℓ_d &gt; 0, one per input dimension
 */
public record ArdRbf(double signalVariance, double[] lengthscales) implements GpKernel {

    public ArdRbf {
        Checks.positive("signalVariance", signalVariance);
        lengthscales = lengthscales.clone();
        for (int d = 0; d < lengthscales.length; d++) Checks.positive("lengthscales[" + d + "]", lengthscales[d]);
    }

    @Override
    public double[] lengthscales() {
        return lengthscales.clone();
    }

    private void checkDimension(double[][] x, String name) {
        if (x.length > 0 && x[0].length != lengthscales.length) {
            throw new IllegalArgumentException(name + " has " + x[0].length + " columns but the kernel has "
                    + lengthscales.length + " lengthscales");
        }
    }

    private double[][] scaled(double[][] x, String name) {
        checkDimension(x, name);
        GpKernel.matrix(name, x); // validates shape and finiteness
        double[][] s = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            s[i] = new double[lengthscales.length];
            for (int d = 0; d < lengthscales.length; d++) s[i][d] = x[i][d] / lengthscales[d];
        }
        return s;
    }

    @Override
    public DMatrixRMaj gram(double[][] x) {
        double[][] s = scaled(x, "x");
        int n = s.length;
        DMatrixRMaj k = new DMatrixRMaj(n, n);
        IntStream.range(0, n).parallel().forEach(i -> {
            for (int j = 0; j <= i; j++) {
                double v = value(s[i], s[j]);
                k.data[i * n + j] = v;
                k.data[j * n + i] = v;
            }
        });
        return k;
    }

    @Override
    public DMatrixRMaj cross(double[][] a, double[][] b) {
        double[][] sa = scaled(a, "a"), sb = scaled(b, "b");
        int m = sa.length, n = sb.length;
        DMatrixRMaj k = new DMatrixRMaj(m, n);
        IntStream.range(0, m).parallel().forEach(i -> {
            for (int j = 0; j < n; j++) k.data[i * n + j] = value(sa[i], sb[j]);
        });
        return k;
    }

    private double value(double[] u, double[] v) {
        double r2 = 0;
        for (int d = 0; d < u.length; d++) {
            double t = u[d] - v[d];
            r2 += t * t;
        }
        return signalVariance * Math.exp(-0.5 * r2);
    }

    @Override
    public double[] diagonal(double[][] x) {
        checkDimension(x, "x");
        double[] d = new double[x.length];
        Arrays.fill(d, signalVariance);
        return d;
    }

    @Override
    public String name() {
        return "ARD RBF";
    }

    @Override
    public String toString() {
        return String.format("ArdRbf[s² = %.4g, ℓ = %s]", signalVariance,
                Arrays.toString(Arrays.stream(lengthscales).mapToObj(l -> String.format("%.3g", l)).toArray()));
    }
}
