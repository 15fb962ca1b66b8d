package org.widenets.notebook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Results of long notebook computations cached as CSV files, so that re-running a notebook reads them
 * instead of recomputing. Delete the file to recompute. The file name should encode everything the
 * result depends on (mode, data set, kernel, grid).
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
                return Table.read().csv(CsvReadOptions.builder(file.toFile()).header(true).build());
            }
            Table t = compute.get();
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            t.write().csv(tmp.toFile());
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return t;
        } catch (IOException e) {
            throw new UncheckedIOException("cache file " + file, e);
        }
    }
}
