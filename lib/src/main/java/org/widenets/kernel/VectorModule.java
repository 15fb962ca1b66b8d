package org.widenets.kernel;

/**
 * Whether the vectorised kernel code may run: the incubating module {@code jdk.incubator.vector} must be in
 * the boot layer (the JVM was started with {@code --add-modules jdk.incubator.vector}), and the system
 * property {@code widenets.vector} must not be {@code false} (a switch for comparing the two paths).
 *
 * <p>Classes that use the Vector API ({@link VectorGram}, {@link VectorNormal}, {@link VectorBivariateNormal},
 * {@link EluBlock}, {@link VectorEluIntegrals}) are reached only behind {@link #PRESENT}: without the module they are never loaded
 * and the scalar code runs, so the library works on any Java 17 runtime.
 */
final class VectorModule {

    /** The system property that, set to {@code false}, keeps the scalar code although the module is there. */
    static final String PROPERTY = "widenets.vector";

    /** Decided once at class initialisation; a constant the JIT folds. */
    static final boolean PRESENT = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !"false".equalsIgnoreCase(System.getProperty(PROPERTY, "true").trim());

    private VectorModule() {
    }
}
