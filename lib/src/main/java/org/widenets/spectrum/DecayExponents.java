package org.widenets.spectrum;

/** The decay fits of the even and the odd degrees of one spectrum. */
public record DecayExponents(DecayFit even, DecayFit odd) {

    public DecayFit of(Parity parity) {
        return parity == Parity.EVEN ? even : odd;
    }

    @Override
    public String toString() {
        return even + "; " + odd;
    }
}
