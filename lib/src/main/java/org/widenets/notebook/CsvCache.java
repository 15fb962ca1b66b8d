package org.widenets.notebook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Results of long notebook computations cached as CSV files, so that re-running a notebook reads them
 * instead of recomputing. Delete the file to recompute. The file name should encode everything the
 * result depends on (mode, data set, kernel, grid).
 *
 * <p>Beside each computed file a one-line {@code <file>.time} records its {@link ComputeTime}, so a notebook
 * resumed from a partial cache can still report what the whole computation cost, and {@code <file>.types}
 * its column types: CSV alone loses them (a column of 0.0 reads back as integers, and then no longer appends
 * to the same column computed afresh).
 */
public final class CsvCache {

    private CsvCache() {
    }

    /** The table in {@code file} if it exists, else {@code compute}'s table, written to {@code file} first. */
    public static Table table(Path file, Supplier<Table> compute) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(compute, "compute");
        try {
            if (Files.isRegularFile(file)) {
                CsvReadOptions.Builder options = CsvReadOptions.builder(file.toFile()).header(true);
                Path types = typesFile(file);
                if (Files.isRegularFile(types)) {
                    options.columnTypes(Arrays.stream(Files.readString(types, StandardCharsets.UTF_8).trim().split(","))
                            .map(ColumnType::valueOf).toArray(ColumnType[]::new));
                }
                return Table.read().csv(options.build());
            }
            long wall0 = System.nanoTime();
            long cpu0 = processCpuNanos();
            Table t = compute.get();
            ComputeTime took = new ComputeTime((System.nanoTime() - wall0) / 1e9, Math.max(0, processCpuNanos() - cpu0) / 1e9);
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            t.write().csv(tmp.toFile());
            Files.writeString(timeFile(file), took.wallSeconds() + "," + took.cpuSeconds() + "\n", StandardCharsets.UTF_8);
            Files.writeString(typesFile(file), t.columns().stream().map(c -> c.type().name())
                    .collect(Collectors.joining(",")) + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            return t;
        } catch (IOException e) {
            throw new UncheckedIOException("cache file " + file, e);
        }
    }

    /**
     * The summed compute time recorded for the given cache files; a file computed before times were recorded
     * (or whose time file was deleted) counts as zero and is named on standard error.
     */
    public static ComputeTime recordedTime(Collection<Path> files) {
        ComputeTime sum = ComputeTime.ZERO;
        for (Path f : files) {
            Path tf = timeFile(f);
            if (!Files.isRegularFile(tf)) {
                System.err.println("no compute time recorded for " + f);
                continue;
            }
            try {
                String[] parts = Files.readString(tf, StandardCharsets.UTF_8).trim().split(",");
                sum = sum.plus(new ComputeTime(Double.parseDouble(parts[0]), Double.parseDouble(parts[1])));
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("corrupt compute-time file " + tf + " (delete it and " + f + " to recompute)", e);
            }
        }
        return sum;
    }

    private static Path typesFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".types");
    }

    private static Path timeFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".time");
    }

    private static long processCpuNanos() {
        // the com.sun extension is the only JDK API for whole-process CPU time; absent on exotic JVMs
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }
}
