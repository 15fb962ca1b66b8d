package org.widenets.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The 13-region table of shared/papers/width-scalings.md §3, row by row, typed in from the note. */
class ClassificationTest {

    /** One example point of the note's table with its row number and property columns. */
    private record Row(double qSigma, double qTilde, int region, String logits, String kernels, boolean evolve,
            boolean logitsKept) {
    }

    private static final Row[] TABLE = {
        new Row(-1.5, 1.5, 1, "vanish", "vanish", true, false),
        new Row(-10, 10, 1, "vanish", "vanish", true, false),
        new Row(-1, 1, 2, "vanish", "finite", true, false),
        new Row(-0.75, 0.75, 3, "vanish", "diverge", true, false),
        new Row(-0.5, 0.5, 4, "finite", "diverge", true, false),
        new Row(0, 0, 5, "diverge", "diverge", true, false),
        new Row(10, -10, 5, "diverge", "diverge", true, false),
        new Row(-1, 0.75, 6, "vanish", "vanish", false, false),
        new Row(-10, 9.75, 6, "vanish", "vanish", false, false),
        new Row(-0.75, 0.5, 7, "vanish", "finite", false, false),
        new Row(-0.66, 0.5, 8, "vanish", "diverge", false, false),
        new Row(-0.5, 0.25, 9, "finite", "diverge", false, false),
        new Row(0, -0.25, 10, "diverge", "diverge", false, false),
        new Row(10, -10.25, 10, "diverge", "diverge", false, false),
        new Row(-1, 0.5, 11, "vanish", "vanish", false, true),
        new Row(-10, 9.5, 11, "vanish", "vanish", false, true),
        new Row(-0.5, 0, 12, "finite", "finite", false, true),
        new Row(0, -0.5, 13, "diverge", "diverge", false, true),
        new Row(10, -10.5, 13, "diverge", "diverge", false, true),
    };

    @Test
    void everyExamplePointOfTheTableLandsInItsRegionWithItsProperties() {
        Set<LimitModel> seen = EnumSet.noneOf(LimitModel.class);
        for (Row row : TABLE) {
            Classification c = Classification.of(row.qSigma, row.qTilde);
            String where = row.qSigma + ", " + row.qTilde + " → " + c;
            assertEquals(row.region, c.model().number(), where);
            assertTrue(c.stable(), where);
            assertEquals(row.logits, c.model().initLogits().toString(), where);
            assertEquals(row.kernels, c.model().initKernels().toString(), where);
            assertEquals(row.evolve, c.model().kernelsEvolve(), where);
            assertEquals(row.logitsKept, c.model().initLogitsKept(), where);
            // the region's declared behaviour agrees with the signs of the exponents at the point
            assertEquals(c.model().initLogits(), Growth.of(c.exponents().p0()), where);
            assertEquals(c.model().initKernels(), Growth.of(c.exponents().kappa()), where);
            seen.add(c.model());
        }
        assertEquals(13, seen.size(), "all 13 regions appear: " + seen);
    }

    @Test
    void namedPointsOfTheCode() {
        assertEquals(LimitModel.MF, Scaling.meanField().classification().model());
        assertEquals(LimitModel.NTK, Scaling.ntk().classification().model());
        assertEquals(LimitModel.SYM_DEFAULT, Scaling.symDefault().classification().model());
        assertEquals(LimitModel.MF_NTK, Scaling.intermediate(0.75).classification().model());
        assertEquals(LimitModel.MF, Scaling.icMeanField().classification().model());
        assertThrows(IllegalStateException.class, () -> Scaling.defaultScaling().classification());
    }

    @Test
    void outsideTheBandTheScalingDivergesOrStagnates() {
        assertEquals(LimitModel.DIVERGES, Classification.of(1, 1).model());
        assertEquals(LimitModel.STAGNATES, Classification.of(-1, -1).model());
        assertFalse(Classification.of(1, 1).stable());
        assertFalse(Classification.of(-1, -1).stable());
        assertEquals(LimitModel.DIVERGES, Classification.of(-0.5, 0.5 + 1e-6).model());
        assertEquals(LimitModel.STAGNATES, Classification.of(-0.5, -1e-6).model());
    }

    @Test
    void exponentIdentityHoldsOnAGrid() {
        for (double qs = -3; qs <= 2; qs += 0.125) {
            for (double qt = -3; qt <= 3; qt += 0.125) {
                Exponents e = Classification.of(qs, qt).exponents();
                assertEquals(e.p0() + e.delta() + 0.5, e.kappa(), 1e-12);
                boolean band = qs + qt <= 1e-12 && qs + qt >= -0.5 - 1e-12;
                assertEquals(band, Classification.of(qs, qt).stable(), qs + ", " + qt);
            }
        }
    }

    @Test
    void nonFiniteCoordinatesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Classification.of(Double.NaN, 0));
        assertTrue(e.getMessage().contains("qSigma"), e.getMessage());
    }
}
