package org.widenets.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * Monte Carlo estimates of the kernels of P inputs over S independent finite networks, each a P×P
 * matrix with its standard error (sample standard deviation over networks / √S); not to be mutated.
 *
 * @param nngp           mean over networks of E[f(x_a) f(x_b) | hidden layers] = s²·(E‖w‖²/n)·h_a·h_b + σ_b²
 *                       (readout integrated out exactly: same mean as f f′, much smaller variance)
 * @param nngpError      its standard error
 * @param outputProduct  mean over networks of f(x_a) f(x_b) itself
 * @param outputProductError its standard error
 * @param ntk            mean over networks of the empirical NTK Θ̂(x_a, x_b)
 * @param ntkError       its standard error
 * @param width          hidden width n
 * @param networks       number of networks S
 */
public record KernelEstimate(DMatrixRMaj nngp, DMatrixRMaj nngpError,
                             DMatrixRMaj outputProduct, DMatrixRMaj outputProductError,
                             DMatrixRMaj ntk, DMatrixRMaj ntkError, int width, int networks) {

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("KernelEstimate(width " + width + ", " + networks + " networks)\n");
        append(s, "NNGP", nngp, nngpError);
        append(s, "NTK", ntk, ntkError);
        return s.toString();
    }

    private static void append(StringBuilder s, String name, DMatrixRMaj mean, DMatrixRMaj error) {
        s.append(name).append(":\n");
        for (int i = 0; i < mean.numRows; i++) {
            for (int j = 0; j < mean.numCols; j++) {
                s.append(String.format("  %.5g ± %.2g", mean.get(i, j), error.get(i, j)));
            }
            s.append('\n');
        }
    }
}
