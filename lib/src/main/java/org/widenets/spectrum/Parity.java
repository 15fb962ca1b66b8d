package org.widenets.spectrum;

/** Which degrees ℓ a fit uses. Bias-free shallow networks have different decay on even and odd ℓ. */
public enum Parity {
    EVEN,
    ODD;

    public boolean contains(int ell) {
        return (ell % 2 == 0) == (this == EVEN);
    }
}
