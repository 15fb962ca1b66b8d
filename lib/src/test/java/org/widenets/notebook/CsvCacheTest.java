package org.widenets.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.util.function.Supplier;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class CsvCacheTest {

    @TempDir
    Path dir;

    private static Table busyTable() {
        // enough work that both clocks advance measurably
        double s = 0;
        for (int i = 1; i < 20_000_000; i++) s += Math.sqrt(i);
        return Table.create("t", DoubleColumn.create("x", 1.5, s));
    }

    @Test
    void computesOnceThenReadsBackWithItsRecordedTime() throws Exception {
        Path f = dir.resolve("sub/a.csv");
        AtomicInteger calls = new AtomicInteger();
        Table first = CsvCache.table(f, () -> { calls.incrementAndGet(); return busyTable(); });
        Table second = CsvCache.table(f, () -> { calls.incrementAndGet(); return busyTable(); });
        assertEquals(1, calls.get());
        assertEquals(first.doubleColumn("x").get(1), second.doubleColumn("x").get(1), 0);
        ComputeTime t = CsvCache.recordedTime(List.of(f));
        assertTrue(t.wallSeconds() > 0 && t.cpuSeconds() > 0, t.toString());
        assertEquals(t.wallSeconds() * 2, CsvCache.recordedTime(List.of(f, f)).wallSeconds(), 1e-12);
    }

    @Test
    void missingTimeCountsZeroAndCorruptTimeIsAClearError() throws Exception {
        Path f = dir.resolve("b.csv");
        CsvCache.table(f, CsvCacheTest::busyTable);
        Path tf = dir.resolve("b.csv.time");
        Files.delete(tf);
        assertEquals(ComputeTime.ZERO, CsvCache.recordedTime(List.of(f)));
        Files.writeString(tf, "oops\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CsvCache.recordedTime(List.of(f)));
        assertTrue(e.getMessage().contains("b.csv.time"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ComputeTime(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> new ComputeTime(0, Double.NaN));
    }

    @Test
    void readBackKeepsColumnTypesSoCachedAndFreshTablesAppend() {
        // a double column holding only whole numbers is written as "0" and would be read back as integers
        Supplier<Table> compute = () -> Table.create("t", DoubleColumn.create("jitter", 0.0, 0.0), IntColumn.create("split", 1, 2));
        Path f = dir.resolve("c.csv");
        Table fresh = CsvCache.table(f, compute);
        Table cached = CsvCache.table(f, compute);
        assertEquals(fresh.column(0).type(), cached.column(0).type());
        assertEquals(fresh.column(1).type(), cached.column(1).type());
        assertEquals(4, compute.get().append(cached).rowCount());
    }
}
