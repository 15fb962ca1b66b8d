package org.widenets.invariance;

import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.widenets.kernel.AbRelu;
import org.widenets.kernel.Checks;

/**
 * The deep angle map of an infinitely wide rectified network with rotation-invariant rows in every
 * layer (Tsuchida, Roosta &amp; Gallagher, ICML 2018; shared/papers/weight-invariance.md §2.4):
 * <pre>
 *   cos θ_{l+1} = T(1, cos θ_l, 1) / diag(1)
 *              = [ (1−a)²(sin θ_l + (π − θ_l) cos θ_l) + 2πa cos θ_l ] / (π(1 + a²))   (LeakyReLU a)
 * </pre>
 * with T and diag from {@link AbRelu}. The scale E‖w‖²/n cancels, so the map is the same for every
 * rotation-invariant law. θ = 0 is its unique fixed point on [0, π] and attracts every start (the
 * "pathological fixed point": deep random networks make all inputs parallel), but only polynomially:
 * θ_{l+1} = θ_l − c θ_l² + O(θ_l³), c = (a − b)²/(3π(a² + b²)), hence θ_l ≈ C/l with
 * C = 1/c = 3π(1 + a²)/(1 − a)² for LeakyReLU (3π for ReLU).
 *
 * <p>Precision: the map goes through cos θ, so each step loses about 1e−16/θ² relative accuracy; summed
 * over l = 10⁴ layers that is below 1e−5 relative, far inside the 1/l asymptotics studied here.
 *
 * @param activation ABReLU(a, b) with b &gt; 0 and 0 ≤ a &lt; b (ReLU, LeakyReLU); a = b is linear and
 *                   fixes every angle, a &lt; 0 (e.g. Abs) folds θ and π − θ together.
 */
public record AngleMap(AbRelu activation) {

    public AngleMap {
        Objects.requireNonNull(activation, "activation");
        if (!(activation.b() > 0 && activation.a() >= 0 && activation.a() < activation.b())) {
            throw new IllegalArgumentException("the angle map needs a rectifier ABReLU(a, b) with 0 ≤ a < b, got "
                    + activation.name() + " (a = " + activation.a() + ", b = " + activation.b() + ")");
        }
    }

    /** The map of a LeakyReLU with negative slope a ∈ [0, 1) (a = 0: ReLU). */
    public static AngleMap leakyRelu(double a) {
        Checks.finite("a", a);
        return new AngleMap(AbRelu.leakyRelu(a));
    }

    /** θ_{l+1} from θ_l ∈ [0, π]. */
    public double next(double theta) {
        EquivalentKernel.requireAngle(theta);
        double rho = activation.t(1, Math.cos(theta), 1) / activation.diag(1);
        return Math.acos(Math.max(-1, Math.min(1, rho)));
    }

    /** θ_0, θ_1, …, θ_L for depth L ≥ 0. */
    public DeepAngles iterate(double theta0, int depth) {
        Checks.atLeast("depth", depth, 0);
        EquivalentKernel.requireAngle(theta0);
        double[] thetas = new double[depth + 1];
        thetas[0] = theta0;
        for (int l = 0; l < depth; l++) {
            thetas[l + 1] = next(thetas[l]);
        }
        return new DeepAngles(this, thetas);
    }

    /**
     * The normalised infinite-width kernel cos θ_L(x_a, x_b) of the rows of {@code inputs} after L layers:
     * each pair's input angle θ_0 = atan2(‖x_a‖‖x_b‖ sin, x_a·x_b) iterated L times. Diagonal entries are 1;
     * a pair with a zero input has no angle and is reported as 1 as well (as in
     * {@link org.widenets.kernel.PairKernel#correlation()}). Result P×P, new.
     */
    public DMatrixRMaj normalisedGram(double[][] inputs, int depth) {
        Checks.atLeast("depth", depth, 0);
        int p = inputs.length;
        DMatrixRMaj out = new DMatrixRMaj(p, p);
        for (int a = 0; a < p; a++) {
            Checks.finite("inputs[" + a + "]", inputs[a]);
            if (inputs[a].length != inputs[0].length) {
                throw new IllegalArgumentException("inputs[" + a + "] has dimension " + inputs[a].length
                        + " but inputs[0] has " + inputs[0].length);
            }
        }
        for (int a = 0; a < p; a++) {
            out.set(a, a, 1);
            for (int b = a + 1; b < p; b++) {
                double xx = 0, xy = 0, yy = 0;
                for (int i = 0; i < inputs[a].length; i++) {
                    xx += inputs[a][i] * inputs[a][i];
                    xy += inputs[a][i] * inputs[b][i];
                    yy += inputs[b][i] * inputs[b][i];
                }
                double det = xx * yy - xy * xy;
                double theta = xx == 0 || yy == 0 ? 0 : Math.atan2(det > 0 ? Math.sqrt(det) : 0, xy);
                for (int l = 0; l < depth; l++) theta = next(theta);
                double c = Math.cos(theta);
                out.set(a, b, c);
                out.set(b, a, c);
            }
        }
        return out;
    }

    /** The fixed point θ* = 0 (unique on [0, π]: the map sends every θ &gt; 0 to a strictly smaller angle). */
    public double fixedPoint() {
        return 0.0;
    }

    /** c = (a − b)²/(3π(a² + b²)) in θ_{l+1} = θ_l − c θ_l² + O(θ_l³). */
    public double quadraticCoefficient() {
        double a = activation.a(), b = activation.b();
        return (a - b) * (a - b) / (3 * Math.PI * (a * a + b * b));
    }

    /** C = 1/c: θ_l ≈ C/l for large l (3π for ReLU, 3π(1 + a²)/(1 − a)² for LeakyReLU a). */
    public double rateConstant() {
        return 1 / quadraticCoefficient();
    }
}
