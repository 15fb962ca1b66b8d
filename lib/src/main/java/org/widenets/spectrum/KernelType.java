package org.widenets.spectrum;

/** Which kernel of an infinitely wide network: the NNGP K^L or the NTK Θ^L. */
public enum KernelType {
    NNGP,
    NTK
}
