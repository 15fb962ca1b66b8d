package org.widenets.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigitsTest {

    @Test
    void loadsTheSharedFileWithItsDocumentedShape() {
        Digits d = Digits.load();
        assertEquals(1797, d.size());
        double[][] x = d.pixels();
        assertEquals(64, x[0].length);
        int[] counts = new int[10];
        for (int label : d.labels()) counts[label]++;
        for (int c : counts) assertTrue(c >= 174 && c <= 183, "class sizes 174–183 per the README, got " + c);
        for (double[] r : x) for (double v : r) assertTrue(v >= 0 && v <= 16 && v == Math.rint(v));
        assertEquals(65, d.table().columnCount());
        assertEquals(1797, d.table().rowCount());
    }

    @Test
    void evenVsOddSplitIsSeededDisjointAndStandardisedOnTraining() {
        Digits d = Digits.load();
        BinaryTask t = d.evenVsOdd(7, 0.2);
        assertEquals(Math.round(0.8 * 1797), t.xTrain().length);
        assertEquals(1797, t.xTrain().length + t.xTest().length);
        Set<Integer> seen = new HashSet<>();
        for (int r : t.trainRows()) seen.add(r);
        for (int r : t.testRows()) assertTrue(seen.add(r), "row " + r + " in both sets");
        int[] labels = d.labels();
        for (int k = 0; k < t.testRows().length; k++) {
            assertEquals(labels[t.testRows()[k]] % 2 == 0 ? 1.0 : -1.0, t.yTest()[k]);
        }
        double[][] raw = d.pixels();
        for (int j = 0; j < 64; j++) {
            double mean = 0, sq = 0;
            for (double[] r : t.xTrain()) mean += r[j];
            mean /= t.xTrain().length;
            for (double[] r : t.xTrain()) sq += (r[j] - mean) * (r[j] - mean);
            double sd = Math.sqrt(sq / t.xTrain().length);
            assertEquals(0, mean, 1e-12, "training mean of pixel " + j);
            boolean constant = true;
            for (int r : t.trainRows()) constant &= raw[r][j] == raw[t.trainRows()[0]][j];
            assertEquals(constant ? 0 : 1, sd, 1e-12, "training sd of pixel " + j);
        }
        BinaryTask again = d.evenVsOdd(7, 0.2);
        assertArrayEquals(t.trainRows(), again.trainRows());
        assertFalse(Arrays.equals(t.trainRows(), d.evenVsOdd(8, 0.2).trainRows()));
        assertArrayEquals(new NumpyRandomState(7).permutation(1797), concat(t.trainRows(), t.testRows()));
    }

    @Test
    void pairKeepsOnlyTheTwoDigits() {
        Digits d = Digits.load();
        BinaryTask t = d.pair(3, 8, 1, 0.25);
        int[] labels = d.labels();
        for (int r : t.trainRows()) assertTrue(labels[r] == 3 || labels[r] == 8);
        assertThrows(IllegalArgumentException.class, () -> d.pair(3, 3, 1, 0.25));
        assertThrows(IllegalArgumentException.class, () -> d.evenVsOdd(1, 1.0));
    }

    @Test
    void missingFileNamesItAndTheDownloadAddress(@TempDir Path dir) {
        DataStore store = DataStore.of("digits", dir, DataStore.checksums("digits.sha256"),
                f -> java.net.URI.create("https://example.org/" + f), false);
        DataFileException e = assertThrows(DataFileException.class, () -> Digits.load(store));
        assertTrue(e.getMessage().contains(dir.resolve("digits.csv.gz").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("https://example.org/digits.csv.gz"), e.getMessage());
    }

    @Test
    void corruptFileIsRejectedByChecksum(@TempDir Path dir) throws IOException {
        byte[] bytes = Files.readAllBytes(DataStore.digits().file(Digits.FILE));
        bytes[bytes.length / 2] ^= 1;
        Files.write(dir.resolve(Digits.FILE), bytes);
        DataStore store = DataStore.of("digits", dir, DataStore.checksums("digits.sha256"),
                f -> java.net.URI.create("https://example.org/" + f), false);
        DataFileException e = assertThrows(DataFileException.class, () -> Digits.load(store));
        assertTrue(e.getMessage().contains("corrupt") && e.getMessage().contains("digits.csv.gz")
                && e.getMessage().contains("https://example.org/digits.csv.gz"), e.getMessage());
    }

    private static int[] concat(int[] a, int[] b) {
        int[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
