package org.widenets.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.widenets.kernel.AbRelu;
import org.widenets.kernel.Activation;
import org.widenets.kernel.Elu;
import org.widenets.kernel.Gelu;
import org.widenets.kernel.Selu;

/**
 * The spectra behind the paper's two figures against the independent Python values of
 * shared/papers/rkhs-smoothness.md §5.3 (d = 2, σ_w = σ_b = σ_i = 1; 7 significant digits). The note promises
 * agreement to ~1e−9 relative while μ_ℓ/μ_0 &gt; 1e−8; the table's rounding (5e−7 relative) is the binding
 * limit there. Entries the note marks as round-off (below ~1e−14) must come out ZERO or UNRESOLVED, never as
 * resolved values.
 */
class ReferenceSpectraTest {

    static final int[] ELL = {0, 1, 2, 3, 5, 10, 20, 50, 99};

    record Row(Activation phi, int layers, boolean bias, KernelType type, double[] mu) {
    }

    static final Row[] TABLE = {
        new Row(new Selu(), 3, true, KernelType.NTK, new double[] {4.780351e+00, 1.159948e+00, 7.218879e-02, 1.835976e-02, 4.877875e-03, 1.062224e-03, 2.561063e-04, 4.055937e-05, 1.033067e-05}),
        new Row(new Selu(), 4, true, KernelType.NTK, new double[] {6.838483e+00, 1.334955e+00, 1.193599e-01, 3.273531e-02, 8.837141e-03, 1.932984e-03, 4.666113e-04, 7.392349e-05, 1.882965e-05}),
        new Row(new Selu(), 3, true, KernelType.NNGP, new double[] {2.474818e+00, 3.507293e-01, 1.059080e-02, 1.314764e-03, 1.234483e-04, 6.489826e-06, 3.851037e-07, 9.708822e-09, 6.303037e-10}),
        new Row(new Selu(), 4, true, KernelType.NNGP, new double[] {2.912197e+00, 2.832085e-01, 1.215602e-02, 1.626367e-03, 1.542555e-04, 8.075254e-06, 4.783637e-07, 1.205447e-08, 7.825356e-10}),
        new Row(new Elu(1), 3, true, KernelType.NTK, new double[] {3.279638e+00, 5.483268e-01, 3.533778e-02, 4.348477e-03, 4.292614e-04, 2.230000e-05, 1.316952e-06, 3.316230e-08, 2.152579e-09}),
        new Row(new Elu(1), 4, true, KernelType.NTK, new double[] {4.123600e+00, 4.610309e-01, 3.616668e-02, 4.891389e-03, 4.489058e-04, 2.208289e-05, 1.285764e-06, 3.225537e-08, 2.092612e-09}),
        new Row(new Elu(1), 3, true, KernelType.NNGP, new double[] {1.968046e+00, 1.629680e-01, 6.512068e-03, 4.527491e-04, 1.987355e-05, 2.799589e-07, 4.188267e-09, 1.692389e-11, 2.796155e-13}),
        new Row(new Elu(1), 4, true, KernelType.NNGP, new double[] {2.162059e+00, 9.679637e-02, 4.784125e-03, 3.809387e-04, 1.559422e-05, 2.059399e-07, 3.021203e-09, 1.214319e-11, 2.001370e-13}),
        new Row(AbRelu.relu(), 2, true, KernelType.NTK, new double[] {2.034132e+00, 4.007702e-01, 4.983817e-02, 1.040487e-02, 3.188318e-03, 7.356394e-04, 1.802936e-04, 2.868807e-05, 7.311916e-06}),
        new Row(AbRelu.relu(), 2, false, KernelType.NTK, new double[] {3.039636e-01, 2.500000e-01, 7.880537e-02, 1.766975e-17, -7.730515e-18, 1.064798e-03, 2.564835e-04, 4.060959e-05, -1.496062e-17}),
        new Row(new Selu(), 2, true, KernelType.NTK, new double[] {2.741875e+00, 8.904723e-01, 2.830401e-02, 6.658030e-03, 1.737946e-03, 3.768277e-04, 9.076303e-05, 1.436971e-05, 3.659874e-06}),
        new Row(new Selu(), 2, false, KernelType.NTK, new double[] {2.695313e-02, 9.911694e-01, 1.467416e-02, 8.272163e-03, 1.149307e-03, 4.784335e-04, 1.251282e-04, 2.024061e-05, 6.525746e-09}),
        new Row(new Elu(1), 2, true, KernelType.NTK, new double[] {2.216307e+00, 5.917821e-01, 2.413357e-02, 2.393275e-03, 2.707473e-04, 1.505769e-05, 9.072343e-07, 2.297446e-08, 1.492474e-09}),
        new Row(new Elu(1), 2, false, KernelType.NTK, new double[] {7.885801e-02, 5.866303e-01, 2.687293e-02, 2.676284e-03, 3.718341e-04, 9.851719e-07, 1.338501e-08, 5.235302e-11, 2.111268e-09}),
        new Row(new Gelu(), 2, true, KernelType.NTK, new double[] {1.955147e+00, 4.167303e-01, 4.931921e-02, 5.154949e-03, 3.161314e-04, 4.313626e-07, 9.594452e-13, -8.945310e-17, -5.880713e-16}),
        new Row(new Gelu(), 2, false, KernelType.NTK, new double[] {2.256911e-01, 2.500000e-01, 7.523038e-02, -2.208719e-18, -1.242404e-18, 7.202588e-07, 1.580438e-12, 1.366645e-17, 2.439944e-17}),
    };

    @Test
    void paperFigureSpectraMatchTheNotesTable() {
        for (Row row : TABLE) {
            MercerSpectrum s = MercerSpectrum.of(SphereKernel.paper(row.phi, row.layers, row.bias, 2, row.type), 99);
            String config = row.phi.name() + " L=" + row.layers + (row.bias ? " bias " : " no bias ") + row.type;
            for (int i = 0; i < ELL.length; i++) {
                int l = ELL[i];
                double expected = row.mu[i], mu0 = row.mu[0];
                String what = config + " ℓ = " + l + ": " + s.raw(l) + " (" + s.status(l) + ") vs " + expected;
                if (Math.abs(expected) < 1e-14 * mu0) {
                    assertTrue(s.status(l) != MercerSpectrum.Status.RESOLVED || Math.abs(s.raw(l)) < 1e-13 * mu0, what);
                } else if (Math.abs(expected) > 1e-8 * mu0) {
                    assertEquals(expected, s.eigenvalue(l), 6e-7 * Math.abs(expected), what);
                } else {
                    // Between 1e−14 and 1e−8 of μ_0 both computations carry round-off: the note trusts its values
                    // only above ~1e−12 of μ_0 (§3.3), and ours differ by ~1e−15 between node sets.
                    assertEquals(expected, s.raw(l), 1e-14 * mu0, what);
                }
            }
        }
    }
}
