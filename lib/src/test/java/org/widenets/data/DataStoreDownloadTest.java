package org.widenets.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache-and-download path against a local HTTP server standing in for the public address. */
class DataStoreDownloadTest {

    private static HttpServer serve(byte[] body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    @Test
    void missingFileIsDownloadedVerifiedAndCached(@TempDir Path cache) throws IOException {
        byte[] original = Files.readAllBytes(DataStore.uci().file("yacht/data.txt"));
        HttpServer server = serve(original);
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            DataStore store = DataStore.of("uci", cache, DataStore.checksums("uci.sha256"),
                    f -> URI.create(base + f), true);
            Path p = store.file("yacht/data.txt");
            assertArrayEquals(original, Files.readAllBytes(p));
            assertTrue(p.startsWith(cache));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void corruptDownloadIsRejectedAndNotKept(@TempDir Path cache) throws IOException {
        HttpServer server = serve("not the data\n".getBytes());
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            DataStore store = DataStore.of("uci", cache, DataStore.checksums("uci.sha256"),
                    f -> URI.create(base + f), true);
            DataFileException e = assertThrows(DataFileException.class, () -> store.file("yacht/data.txt"));
            assertTrue(e.getMessage().contains("yacht/data.txt") && e.getMessage().contains(base), e.getMessage());
            assertFalse(Files.exists(cache.resolve("yacht/data.txt")));
        } finally {
            server.stop(0);
        }
    }
}
