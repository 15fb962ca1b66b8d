package org.widenets.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ELU's conditional integrals over vector lanes ({@link VectorEluIntegrals}) against the scalar
 * {@link EluConditionalIntegrals} they replace (same rule, so the difference is rounding only), piece by
 * piece and in T and Ṫ, over variances from 1e-6 to 900 (equal and in ratios up to 1e±3) and
 * correlations up to ±(1 − 1e-12); and the route predicate.
 */
class VectorEluIntegralsTest {

    @BeforeAll
    static void vectorModule() {
        assumeTrue(VectorModule.PRESENT, "needs --add-modules jdk.incubator.vector");
    }

    static final double[] VARIANCES = {1e-6, 3e-5, 1e-3, 0.004, 0.0099, 12.01, 15, 40, 150, 900};
    static final double[] RHOS = {-1 + 1e-12, -1 + 1e-8, -0.9999, -0.97, -0.6, -0.4, -1e-9, 0, 1e-9, 0.25, 0.5,
            0.9, 0.999, 0.99999, 1 - 1e-8, 1 - 1e-10, 1 - 1e-12};

    /** Grid and random covariances off the Φ₂ route: (q11, q12, q22). */
    static List<double[]> covariances() {
        List<double[]> cases = new ArrayList<>();
        for (double q11 : VARIANCES) {
            for (double q22 : VARIANCES) {
                for (double rho : RHOS) {
                    cases.add(new double[] {q11, rho * Math.sqrt(q11 * q22), q22});
                }
            }
        }
        Random random = new Random(51);
        for (int i = 0; i < 3000; i++) {
            double q11 = Math.exp(Math.log(1e-6) + Math.log(9e8) * random.nextDouble());
            double q22 = q11 * Math.exp(Math.log(1e-3) + Math.log(1e6) * random.nextDouble());
            double rho = random.nextBoolean() ? 2 * random.nextDouble() - 1
                    : Math.signum(random.nextGaussian()) * (1 - Math.pow(10, -12 * random.nextDouble()));
            cases.add(new double[] {q11, rho * Math.sqrt(q11 * q22), q22});
        }
        cases.removeIf(c -> Elu.useBvn(c[0], c[1], c[2]));
        return cases;
    }

    private static double relative(double a, double b) {
        return a == b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
    }

    /**
     * Each piece against the scalar one, relative to the piece or, where the piece is far below its
     * natural scale (the bound of its integrand: C₁₂ ≤ E[u⁺]·min(1, E|v|), …), to that scale: near ρ = ±1
     * with small variances C₁₂ and D are differences of nearly equal conditional expectations, known only
     * to ε·(scale) by either route.
     */
    @Test
    void piecesAgreeWithTheScalarIntegrals() {
        double[] worst = new double[6], worstRelative = new double[6];
        String[] names = {"C12", "C21", "D", "X12", "X21", "A"};
        String[] where = new String[6];
        for (double[] c : covariances()) {
            double q11 = c[0], q12 = c[1], q22 = c[2];
            assertTrue(Elu.integralVectorRoute(q11, q12, q22), q11 + ", " + q12 + ", " + q22);
            Elu.Pieces v = VectorEluIntegrals.pieces(q11, q12, q22), s = EluConditionalIntegrals.pieces(q11, q12, q22);
            double s1 = Math.sqrt(q11), s2 = Math.sqrt(q22);
            double[] scales = {s1 * Math.min(1, s2), s2 * Math.min(1, s1), Math.min(1, s1) * Math.min(1, s2), 0, 0, 0};
            double[] dv = {v.c12(), v.c21(), v.d(), v.x12(), v.x21(), v.a()};
            double[] ds = {s.c12(), s.c21(), s.d(), s.x12(), s.x21(), s.a()};
            for (int k = 0; k < 6; k++) {
                double e = Math.abs(dv[k] - ds[k]) / Math.max(Math.abs(ds[k]), scales[k]);
                worstRelative[k] = Math.max(worstRelative[k], relative(dv[k], ds[k]));
                if (e > worst[k]) {
                    worst[k] = e;
                    where[k] = q11 + ", " + q12 + ", " + q22 + ": " + dv[k] + " vs " + ds[k];
                }
            }
        }
        for (int k = 0; k < 6; k++) {
            System.out.println("ELU vector integrals vs scalar, " + names[k] + ": worst " + worst[k]
                    + " (purely relative " + worstRelative[k] + ") at " + where[k]);
        }
        for (int k = 0; k < 6; k++) {
            assertTrue(worst[k] <= 1e-13, names[k] + ": " + worst[k] + " at " + where[k]);
        }
    }

    /** T and Ṫ of the pair methods (the vector route) against the scalar integrals, on the kernels' scale. */
    @Test
    void kernelsAgreeWithTheScalarIntegrals() {
        double worstT = 0, worstTDot = 0, worstTRelative = 0;
        String whereT = "", whereTDot = "";
        for (double alpha : new double[] {1, 0.4, Selu.ALPHA}) {
            Elu elu = new Elu(alpha);
            double[] vector = new double[2], scalar = new double[2];
            for (double[] c : covariances()) {
                double q11 = c[0], q12 = c[1], q22 = c[2];
                elu.tAndTDot(q11, q12, q22, vector);
                scalar(elu, q11, q12, q22, scalar);
                // T's natural scale √(T(x, x)T(x′, x′)) (|T| ≤ it); Ṫ's likewise
                double scale = Math.sqrt(elu.diag(q11) * elu.diag(q22));
                double dotScale = Math.sqrt(elu.diagDot(q11) * elu.diagDot(q22));
                double eT = Math.abs(vector[0] - scalar[0]) / scale, eTDot = Math.abs(vector[1] - scalar[1]) / dotScale;
                worstTRelative = Math.max(worstTRelative, relative(vector[0], scalar[0]));
                if (eT > worstT) {
                    worstT = eT;
                    whereT = alpha + ": " + q11 + ", " + q12 + ", " + q22;
                }
                if (eTDot > worstTDot) {
                    worstTDot = eTDot;
                    whereTDot = alpha + ": " + q11 + ", " + q12 + ", " + q22;
                }
            }
        }
        System.out.println("ELU vector vs scalar integral route: worst |ΔT|/scale " + worstT + " at " + whereT
                + " (purely relative " + worstTRelative + "), |ΔṪ|/scale " + worstTDot + " at " + whereTDot);
        assertTrue(worstT <= 1e-13, "T: " + worstT + " at " + whereT);
        assertTrue(worstTDot <= 1e-13, "Ṫ: " + worstTDot + " at " + whereTDot);
    }

    /**
     * q11, q12, q22 and the six pieces C₁₂, C₂₁, D, X₁₂, X₂₁, A summed over the same rule's nodes with the
     * exact conditional expectations (mpmath, 40 digits, ρ and σ from the exact covariance), so that the
     * difference is the code's rounding alone: cases where the scalar code loses digits (ρ → −1 with a
     * small variance, D to 1e-7 relative; C₁₂ at small variances and ρ ≈ 1, 4e-7; ρ → 1 at q = 900,
     * C₁₂ 5e-13), both signs of ρ, ratios of variances up to 1e9, and σ &lt; ½ with |m| up to 1.
     */
    private static final double[][] SAME_RULE_REFERENCE = {
            {900.0, -0.02999999999997, 1.0E-6, -0.014988039227585417735, -0.00039850048061911526026, 4.5016582010656151472e-21, 0.49960108250482827619, 0.013283124278115786858, 2.250758677938467065e-7},
            {1.0E-6, -9.99999999999E-7, 1.0E-6, -4.9960130758618063093e-7, -4.9960130758618063093e-7, 1.5003525206457199776e-25, 0.49960108251633526347, 0.49960108251633526347, 2.2507034475372380448e-7},
            {15.0, -0.003872983346203544, 1.0E-6, -0.001934947544024726833, -0.0003764244837481171995, 5.8108305875837059162e-22, 0.49960108251626792235, 0.097192158707869338888, 2.2506963980763211637e-7},
            {900.0, 899.99999991, 900.0, -1.3502042851751690757e-13, -1.3502042851751692987e-13, 0.48008049328260465838, 2.2501919834646619874e-6, 2.2501919834646622266e-6, 0.0066449423968669370633},
            {900.0, 899.1, 900.0, -0.0025766838079823131067, -0.0025766838079824482047, 0.47667405578021771119, 0.0037104113027220973987, 0.0037104113027222468102, 0.0029381505858607033903},
            {5.005944184283008E-6, 3.024112535755389E-7, 1.82687946415922E-8, -4.2302822947505855556e-25, -4.2302822823102359989e-25, 1.509198039229542647e-7, 4.7370827684061015377e-7, 4.7370827498317806858e-7, 0.49905441773947646316},
            {1.131087382923287E-6, 2.5289580116348868E-8, 1.2899257976336013E-9, -1.1460121784781366868e-9, -1.1455653167017319577e-9, 1.3779254886797289401e-8, 0.13483429760447806025, 0.13476506299850157871, 0.364799040886442661},
            {1.0E-6, 0.0, 150.0, -0.00018656114904270650196, -0.0019480211462465203759, 0.00018644430133775662563, 0.016180274430951798825, 0.24980065379334010903, 0.016167372525629695781},
            {15.0, -14.999999999985, 15.0, -1.4578857566611823302, -1.4578857566611823302, 2.2506795277837227689e-18, 0.097192158702525382668, 0.097192158702525382668, 2.2507421144221302729e-7},
            {900.0, -242.99999999999997, 150.0, -9.6239894818207025942, -4.0082163095534369854, 0.1138035993367558431, 0.017093230318705502766, 0.0067969504147572951292, 0.00056800338622402219167},
            {0.004, 0.0070992957397195, 15.0, -0.0098192955930330691829, -0.03581666309485305978, 0.010102834609014220873, 0.048335732001998462257, 0.23360250428208375161, 0.046479594341737769338},
            {150.0, -145.49226783578367, 150.0, -4.7550140096420318611, -4.755014009642043128, 0.017767508686321056819, 0.019994964083919171565, 0.019994964083918229377, 0.0033819794602785419984},
            // σ < ½ with |m| up to 1: the small-σ branch over its whole range, where the mass series needs its terms
            {0.002656720880082881, -0.0018521750818264711, 0.24529699661699303, -0.0034012337463037225015, -0.0043898434799453889146, 0.0026677496510205172778, 0.18186916341019876787, 0.25088303565172319576, 0.16223723594353830539},
            {0.0045117171343530636, 0.003119759663563196, 0.2469199403321305, -0.0034777784609962406498, -0.0043778102833273690419, 0.004378551512569150827, 0.16675235487636547289, 0.22343618011433685543, 0.1738966992324812015},
            {40.0, 2.5455844122715714, 0.2, -0.012326328031181281543, -0.0055787472220034464187, 0.12396094868621958715, 0.063717620371708408078, 0.02370865410627084243, 0.031714010055347276575},
            {900.0, -9.01249133147988, 0.1, -3.5768699271707206482, -0.12240778644448190489, 0.0025590526989505635496, 0.34764192430191267553, 0.0071725980031232850739, 0.0056749495314504745218}};

    @Test
    void piecesMatchHighPrecisionSumsOverTheSameRule() {
        String[] names = {"C12", "C21", "D", "X12", "X21", "A"};
        double worst = 0;
        for (double[] c : SAME_RULE_REFERENCE) {
            Elu.Pieces v = VectorEluIntegrals.pieces(c[0], c[1], c[2]);
            double[] dv = {v.c12(), v.c21(), v.d(), v.x12(), v.x21(), v.a()};
            for (int k = 0; k < 6; k++) {
                double e = Math.abs(dv[k] - c[3 + k]) / Math.abs(c[3 + k]);
                worst = Math.max(worst, e);
                // measured: ≤ 8e-16 relative on 200 such cases (q 1e-6 … 900, ρ up to ±(1 − 1e-12))
                assertEquals(c[3 + k], dv[k], 4e-15 * Math.abs(c[3 + k]), names[k] + " at " + c[0] + ", " + c[1] + ", " + c[2]);
            }
        }
        System.out.println("ELU vector integrals vs 40-digit sums over the same rule: worst relative " + worst);
    }

    @Test
    void routeTakesValidEntriesOffThePhi2RouteOnly() {
        assertTrue(Elu.integralVectorRoute(30, 3, 1));
        assertFalse(Elu.integralVectorRoute(20, 0.9, 1), "the vector Φ₂ route above 12 (ρ = 0.2)");
        assertFalse(Elu.integralVectorRoute(20, 3, 1), "the vector Φ₂ route above 12 (ρ = 0.67)");
        assertTrue(Elu.integralVectorRoute(1e-4, -1e-5, 2));
        assertTrue(Elu.integralVectorRoute(900, 899.99999991, 900));
        assertFalse(Elu.integralVectorRoute(1, 0.5, 2), "the Φ₂ route");
        assertFalse(Elu.integralVectorRoute(20, 20, 20), "x = x′");
        assertFalse(Elu.integralVectorRoute(16, 20, 25), "ρ = 1 exactly: σ = 0");
        assertFalse(Elu.integralVectorRoute(16, -20, 25), "ρ = −1 exactly");
        assertFalse(Elu.integralVectorRoute(20, 30, 20), "not a covariance: Checks names it");
        assertFalse(Elu.integralVectorRoute(20, Double.NaN, 20));
        assertFalse(Elu.integralVectorRoute(Double.NaN, 1, 20));
        assertFalse(Elu.integralVectorRoute(0, 0, 20), "zero variance");
        assertFalse(Elu.integralVectorRoute(0x1p101, 1, 20), "beyond 2¹⁰⁰");
        assertFalse(Elu.integralVectorRoute(1e-31, 0, 20), "below 2⁻¹⁰⁰");
        assertFalse(Elu.integralVectorRoute(Double.POSITIVE_INFINITY, 1, 20));
        // invalid input still reaches Checks through every pair method
        Elu elu = new Elu(1);
        for (double[] bad : new double[][] {{20, 30, 20}, {20, Double.NaN, 20}, {-20, 1, 20}, {20, 1, Double.POSITIVE_INFINITY}}) {
            assertThrows(IllegalArgumentException.class, () -> elu.t(bad[0], bad[1], bad[2]));
            assertThrows(IllegalArgumentException.class, () -> elu.tDot(bad[0], bad[1], bad[2]));
            assertThrows(IllegalArgumentException.class,
                    () -> elu.tAndTDot(bad[0], bad[1], bad[2], new double[2]));
        }
    }

    /** Elu's T and Ṫ on the scalar integral route, as computed without the Vector API. */
    static void scalar(Elu elu, double q11, double q12, double q22, double[] out) {
        Elu.Pieces p = EluConditionalIntegrals.pieces(q11, q12, q22);
        AbRelu.relu().tAndTDot(q11, q12, q22, out);
        double alpha = elu.alpha();
        out[0] = out[0] + alpha * (p.c12() + p.c21()) + alpha * alpha * p.d();
        out[1] = out[1] + alpha * (p.x12() + p.x21()) + alpha * alpha * p.a();
    }
}
