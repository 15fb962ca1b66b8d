package org.widenets.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The Java port against vectors NumPy itself produced (resource numpy-permutations.txt, with the
 * generating script at its end): raw MT19937 words, permutations for several seeds and lengths, and
 * array seeding.
 */
class NumpyRandomStateTest {

    private static String[] lines() throws IOException {
        try (InputStream in = NumpyRandomStateTest.class.getResourceAsStream("numpy-permutations.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
        }
    }

    private static long[] numbers(String s) {
        return Arrays.stream(s.strip().split(" ")).mapToLong(Long::parseLong).toArray();
    }

    @Test
    void rawWordsEqualNumpys() throws IOException {
        int checked = 0;
        for (String line : lines()) {
            if (!line.startsWith("raw ")) continue;
            String[] parts = line.substring(4).split(":");
            long seed = Long.parseLong(parts[0]);
            long[] expected = numbers(parts[1]);
            NumpyRandomState r = new NumpyRandomState(seed);
            long[] actual = new long[expected.length];
            for (int i = 0; i < actual.length; i++) actual[i] = r.nextUint32();
            assertArrayEquals(expected, actual, "seed " + seed);
            checked++;
        }
        assertEquals(8, checked);
    }

    @Test
    void permutationsEqualNumpys() throws IOException {
        int checked = 0;
        for (String line : lines()) {
            if (!line.startsWith("perm ")) continue;
            String[] parts = line.substring(5).split(":");
            long[] head = numbers(parts[0]);
            int[] expected = Arrays.stream(numbers(parts[1])).mapToInt(v -> (int) v).toArray();
            assertEquals(head[1], expected.length);
            assertArrayEquals(expected, new NumpyRandomState(head[0]).permutation((int) head[1]),
                    "seed " + head[0] + ", n " + head[1]);
            checked++;
        }
        assertEquals(10, checked);
    }

    @Test
    void arraySeedingEqualsNumpys() throws IOException {
        int checked = 0;
        for (String line : lines()) {
            if (!line.startsWith("arrperm ")) continue;
            String[] parts = line.substring(8).split(":");
            String[] head = parts[0].strip().split(" ");
            long[] key = Arrays.stream(head[0].split(",")).mapToLong(Long::parseLong).toArray();
            int[] expected = Arrays.stream(numbers(parts[1])).mapToInt(v -> (int) v).toArray();
            assertArrayEquals(expected, NumpyRandomState.ofArray(key).permutation(Integer.parseInt(head[1])),
                    "key " + head[0]);
            checked++;
        }
        assertEquals(2, checked);
    }

    @Test
    void rejectsSeedsNumpyRejects() {
        assertThrows(IllegalArgumentException.class, () -> new NumpyRandomState(-1));
        assertThrows(IllegalArgumentException.class, () -> new NumpyRandomState(1L << 32));
        assertThrows(IllegalArgumentException.class, () -> new NumpyRandomState(0).permutation(-1));
    }
}
