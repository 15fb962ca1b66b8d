package org.widenets.fixedpoint;

import java.util.Arrays;
import java.util.Locale;
import org.hipparchus.complex.Complex;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionNonSymmetric;

/**
 * The Jacobian J = ∂M/∂(q11, q12, q22) of one layer's covariance map at a point, with its eigenvalues
 * (Hipparchus non-symmetric eigen-decomposition). Rows: (V(q11), σ_w²T + σ_b², V(q22)); columns:
 * q11, q12, q22. Because each variance only feeds its own next variance, J is block triangular and
 * its eigenvalues are V′(q11), σ_w² Ṫ(q11, q12, q22) and V′(q22) — the λ₁, λ₃, λ₂ of the reference
 * code (shared/papers/elu-gelu-kernels.md §4.1); at a symmetric fixed point λ₃ = C′(ρ*).
 */
public record MapJacobian(double q11, double q12, double q22, double[][] matrix) {

    public MapJacobian {
        if (matrix.length != 3 || Arrays.stream(matrix).anyMatch(r -> r.length != 3)) {
            throw new IllegalArgumentException("the Jacobian of (q11, q12, q22) is 3×3");
        }
        matrix = Arrays.stream(matrix).map(double[]::clone).toArray(double[][]::new);
    }

    /** A copy of J. */
    @Override
    public double[][] matrix() {
        return Arrays.stream(matrix).map(double[]::clone).toArray(double[][]::new);
    }

    /** J_ij. */
    public double entry(int i, int j) {
        return matrix[i][j];
    }

    /** Eigenvalues of J sorted in decreasing order; real because J is block triangular. */
    public double[] eigenvalues() {
        Complex[] z = new EigenDecompositionNonSymmetric(new Array2DRowRealMatrix(matrix, false)).getEigenvalues();
        double scale = Arrays.stream(z).mapToDouble(Complex::norm).max().orElse(0);
        double[] re = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            if (Math.abs(z[i].getImaginary()) > 1e-9 * Math.max(scale, 1)) {
                throw new IllegalStateException("complex eigenvalue " + z[i] + " of a block-triangular Jacobian");
            }
            re[i] = z[i].getReal();
        }
        Arrays.sort(re);
        for (int i = 0; i < re.length / 2; i++) {
            double t = re[i];
            re[i] = re[re.length - 1 - i];
            re[re.length - 1 - i] = t;
        }
        return re;
    }

    /** Largest |eigenvalue|: the point is a locally attracting fixed point of M iff this is &lt; 1. */
    public double spectralRadius() {
        return Arrays.stream(eigenvalues()).map(Math::abs).max().orElse(0);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "Jacobian of M at (q11, q12, q22) = (%.6g, %.6g, %.6g), eigenvalues %s%n",
                q11, q12, q22, Arrays.toString(Arrays.stream(eigenvalues())
                        .mapToObj(v -> String.format(Locale.ROOT, "%.6g", v)).toArray())));
        for (double[] row : matrix) {
            sb.append(String.format(Locale.ROOT, "  [%12.6g %12.6g %12.6g]%n", row[0], row[1], row[2]));
        }
        return sb.toString().stripTrailing();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MapJacobian m && q11 == m.q11 && q12 == m.q12 && q22 == m.q22
                && Arrays.deepEquals(matrix, m.matrix);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(matrix) * 31 + Double.hashCode(q11 + q12 + q22);
    }
}
