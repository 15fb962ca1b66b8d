package org.widenets.kernel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The built-in activations by name, for notebooks and command lines:
 * {@code Activations.byName("elu(0.5)")}, {@code byName("GELU")}, {@code byName("polynomial(0, 1, 0.5)")}.
 * Names are case-insensitive; parameters go in parentheses and may be omitted where a default is
 * listed in {@link #usage()}.
 */
public final class Activations {

    private record Entry(String usage, int minArgs, int maxArgs, Function<double[], Activation> make) {
    }

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        add("relu", "relu", 0, 0, a -> AbRelu.relu());
        add("leaky_relu", "leaky_relu(alpha = 0.01)", 0, 1, a -> AbRelu.leakyRelu(arg(a, 0, 0.01)));
        add("abrelu", "abrelu(a, b)", 2, 2, a -> new AbRelu(a[0], a[1]));
        add("abs", "abs", 0, 0, a -> AbRelu.abs());
        add("linear", "linear", 0, 0, a -> new Linear());
        add("step", "step", 0, 0, a -> new Step());
        add("sign", "sign", 0, 0, a -> new Sign());
        add("erf", "erf(a = 1, b = 1, c = 0)", 0, 3, a -> new Erf(arg(a, 0, 1), arg(a, 1, 1), arg(a, 2, 0)));
        add("gelu", "gelu", 0, 0, a -> new Gelu());
        add("elu", "elu(alpha = 1)", 0, 1, a -> new Elu(arg(a, 0, 1)));
        add("selu", "selu", 0, 0, a -> new Selu());
        add("sin", "sin(a = 1, b = 1, c = 0)", 0, 3, a -> new Sin(arg(a, 0, 1), arg(a, 1, 1), arg(a, 2, 0)));
        add("cos", "cos(a = 1, b = 1, c = 0)", 0, 3, a -> new Cos(arg(a, 0, 1), arg(a, 1, 1), arg(a, 2, 0)));
        add("rbf", "rbf(gamma = 1)", 0, 1, a -> new Rbf(arg(a, 0, 1)));
        add("exp", "exp(a = 1, b = 1)", 0, 2, a -> new Exp(arg(a, 0, 1), arg(a, 1, 1)));
        add("gaussian", "gaussian(a = 1, b = -1)", 0, 2, a -> new Gaussian(arg(a, 0, 1), arg(a, 1, -1)));
        add("rectified_monomial", "rectified_monomial(k)", 1, 1, a -> new RectifiedMonomial(integer(a[0], "k")));
        add("monomial", "monomial(k)", 1, 1, a -> new Monomial(integer(a[0], "k")));
        add("polynomial", "polynomial(c0, c1, ...)", 1, Integer.MAX_VALUE, Polynomial::new);
        add("tanh", "tanh", 0, 0, a -> new Tanh());
        add("sigmoid", "sigmoid", 0, 0, a -> new Sigmoid());
        add("softplus", "softplus", 0, 0, a -> new Softplus());
        add("silu", "silu", 0, 0, a -> new Silu());
        add("swish", "swish (= silu)", 0, 0, a -> new Silu());
        add("mish", "mish", 0, 0, a -> new Mish());
    }

    private Activations() {
    }

    private static void add(String name, String usage, int min, int max, Function<double[], Activation> make) {
        ENTRIES.put(name, new Entry(usage, min, max, make));
    }

    /**
     * The activation with the given name and parameters, e.g. {@code "leaky_relu(0.2)"}.
     *
     * @throws IllegalArgumentException for an unknown name or bad parameters, listing the valid names
     */
    public static Activation byName(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("activation name must not be blank; valid: " + usage());
        }
        String s = spec.trim().toLowerCase(Locale.ROOT);
        String name = s;
        double[] args = new double[0];
        int open = s.indexOf('(');
        if (open >= 0) {
            if (!s.endsWith(")")) {
                throw new IllegalArgumentException("activation '" + spec + "' lacks a closing parenthesis");
            }
            name = s.substring(0, open).trim();
            String inside = s.substring(open + 1, s.length() - 1).trim();
            if (!inside.isEmpty()) {
                String[] parts = inside.split(",");
                args = new double[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    try {
                        args[i] = Double.parseDouble(parts[i].trim());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("parameter " + (i + 1) + " of activation '" + spec
                                + "' is not a number: '" + parts[i].trim() + "'");
                    }
                }
            }
        }
        Entry entry = ENTRIES.get(name);
        if (entry == null) {
            throw new IllegalArgumentException("unknown activation '" + spec + "'; valid: " + usage());
        }
        if (args.length < entry.minArgs || args.length > entry.maxArgs) {
            throw new IllegalArgumentException("activation '" + spec + "' has " + args.length
                    + " parameters; usage: " + entry.usage);
        }
        return entry.make.apply(args);
    }

    /** The valid names with their parameters and defaults. */
    public static String usage() {
        return String.join(", ", ENTRIES.values().stream().map(Entry::usage).toList());
    }

    /** One instance of every built-in activation (with typical parameters), closed forms first. */
    public static List<Activation> builtIns() {
        return List.of(AbRelu.relu(), AbRelu.leakyRelu(0.2), new AbRelu(-0.3, 1.2), AbRelu.abs(), new Linear(),
                new Step(), new Sign(), Erf.standard(), new Gelu(), new Elu(1), new Selu(),
                new Sin(1.3, 0.7, 0.4), new Cos(0.8, 1.1, -0.3), new Rbf(0.5), new Exp(1.1, 0.5),
                new Gaussian(1.1, -0.3), new RectifiedMonomial(0), new RectifiedMonomial(2),
                new RectifiedMonomial(3), new Monomial(3), new Polynomial(0.5, -1, 0.25, 0.1, -0.05),
                new Tanh(), new Sigmoid(), new Softplus(), new Silu(), new Mish());
    }

    private static double arg(double[] a, int i, double fallback) {
        return i < a.length ? a[i] : fallback;
    }

    private static int integer(double x, String name) {
        if (x != Math.rint(x) || Math.abs(x) > 1000) {
            throw new IllegalArgumentException(name + " must be an integer, got " + x);
        }
        return (int) x;
    }
}
