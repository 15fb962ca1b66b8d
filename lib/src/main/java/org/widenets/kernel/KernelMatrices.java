package org.widenets.kernel;

import org.ejml.data.DMatrixRMaj;

/** The NNGP matrix K and the NTK matrix Θ of a network on two input sets; not to be mutated. */
public record KernelMatrices(DMatrixRMaj nngp, DMatrixRMaj ntk) {
}
