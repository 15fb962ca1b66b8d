package org.widenets.nn;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.hipparchus.random.RandomGenerator;
import org.widenets.kernel.Activation;
import org.widenets.kernel.Checks;

/**
 * Batched pieces shared by the finite networks: inputs are the rows of an N×d matrix, so a layer is one
 * matrix product for all inputs. EJML has no elementwise function application; it is written here.
 */
final class Batch {

    private Batch() {
    }

    /** An out×in weight matrix whose rows (the incoming weights of a unit) are drawn from {@code law}. */
    static DMatrixRMaj draw(WeightDistribution law, RandomGenerator rng, int out, int in) {
        DMatrixRMaj w = new DMatrixRMaj(out, in);
        double[] row = new double[in];
        for (int i = 0; i < out; i++) {
            law.sampleRow(rng, row);
            System.arraycopy(row, 0, w.data, i * in, in);
        }
        return w;
    }

    /** φ applied to every entry. */
    static DMatrixRMaj phi(Activation f, DMatrixRMaj u) {
        DMatrixRMaj out = new DMatrixRMaj(u.numRows, u.numCols);
        for (int i = 0; i < u.getNumElements(); i++) out.data[i] = f.phi(u.data[i]);
        return out;
    }

    /** φ′ applied to every entry, multiplied into {@code g} in place. */
    static void timesDphi(DMatrixRMaj g, Activation f, DMatrixRMaj u) {
        for (int i = 0; i < u.getNumElements(); i++) g.data[i] *= f.dphi(u.data[i]);
    }

    /** N copies of the row vector v as an N×n matrix. */
    static DMatrixRMaj rows(int count, double[] v, double scale) {
        DMatrixRMaj out = new DMatrixRMaj(count, v.length);
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < v.length; j++) out.data[i * v.length + j] = scale * v[j];
        }
        return out;
    }

    /** A·Aᵀ. */
    static DMatrixRMaj gram(DMatrixRMaj a) {
        return CommonOps_DDRM.multOuter(a, new DMatrixRMaj(a.numRows, a.numRows));
    }

    /** target += s²·(D Dᵀ)∘(A Aᵀ): the tangent kernel of the weights of a layer z = s·W a with δ = ∂f/∂z. */
    static void addLayer(DMatrixRMaj target, double s2, DMatrixRMaj deltas, DMatrixRMaj inputs) {
        addGrams(target, s2, gram(deltas), gram(inputs));
    }

    /** target += s²·G_δ∘G_a for precomputed Gram matrices. */
    static void addGrams(DMatrixRMaj target, double s2, DMatrixRMaj deltaGram, DMatrixRMaj inputGram) {
        for (int i = 0; i < target.getNumElements(); i++) {
            target.data[i] += s2 * deltaGram.data[i] * inputGram.data[i];
        }
    }

    /** Checks an input batch against the network's input dimension. */
    static void checkInputs(DMatrixRMaj x, int inputDimension) {
        if (x.numCols != inputDimension) {
            throw new IllegalArgumentException("inputs have dimension " + x.numCols
                    + " but the network expects " + inputDimension);
        }
        Checks.finite("x", x.data);
    }

    static double[] column(DMatrixRMaj a) {
        double[] out = new double[a.numRows];
        for (int i = 0; i < a.numRows; i++) out[i] = a.get(i, 0);
        return out;
    }
}
