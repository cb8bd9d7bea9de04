package org.dailypapers.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * A small closed-loop HTTP/1.1 load generator: each connection is one virtual thread with one keep-alive socket that
 * sends a request, reads the whole response and sends the next. Plain sockets instead of {@code java.net.http}
 * because the server and the load share the same few cores: the lighter the client, the more the figures say
 * about the server.
 */
final class HttpLoad {

    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int READ_TIMEOUT_MS = 30_000;

    private final URI base;
    private final int connections;
    private final boolean gzip;

    /** @param gzip ask for gzip as browsers do ({@code Accept-Encoding: gzip}); bodies are timed, not decoded */
    HttpLoad(URI base, int connections, boolean gzip) {
        this.base = base;
        this.connections = connections;
        this.gzip = gzip;
    }

    /**
     * The figures of one run. Latencies in nanoseconds, sorted.
     *
     * @param errorsByStatus answers of status 400 and above by status, and I/O failures under 0
     */
    record Result(long requests, long errors, double seconds, long[] latencies, Map<Integer, Long> errorsByStatus) {

        double requestsPerSecond() {
            return seconds == 0 ? 0 : requests / seconds;
        }

        double percentileMillis(double p) {
            if (latencies.length == 0) {
                return 0;
            }
            int i = (int) Math.ceil(p / 100.0 * latencies.length) - 1;
            return latencies[Math.max(0, Math.min(latencies.length - 1, i))] / 1e6;
        }

        /** "none", or e.g. "503=12 io=1". */
        String errorSummary() {
            if (errorsByStatus.isEmpty()) {
                return "none";
            }
            StringBuilder sb = new StringBuilder();
            errorsByStatus.forEach((status, n) -> {
                if (!sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append(status < 0 ? "io" : Integer.toString(status))
                        .append('=')
                        .append(n);
            });
            return sb.toString();
        }
    }

    /** One response: status and body (decoded from Content-Length or chunked framing). */
    record Response(int status, byte[] body) {}

    /**
     * The paths a run sends. Each connection asks for its next path; null ends that connection's part of the run
     * (a list of distinct queries, each sent once, is used up).
     */
    @FunctionalInterface
    interface Paths {
        @Nullable
        String next(int connection);

        static Paths fixed(String path) {
            return c -> path;
        }
    }

    /** Sends {@code path} over all connections; see {@link #run(Paths, long, long)}. */
    Result run(String path, long maxRequests, long maxNanos) throws InterruptedException {
        return run(Paths.fixed(path), maxRequests, maxNanos);
    }

    /**
     * Sends the paths over all connections until {@code maxRequests} were answered, {@code maxNanos} passed or the
     * paths ran out, whichever comes first. A status of 400 or above or an I/O failure counts as an error (the socket
     * is reopened).
     */
    Result run(Paths paths, long maxRequests, long maxNanos) throws InterruptedException {
        AtomicLong issued = new AtomicLong();
        Map<Integer, LongAdder> errorCounts = new ConcurrentSkipListMap<>();
        long start = System.nanoTime();
        long deadline = start + maxNanos;
        List<long[]> perConnection = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Future<Integer>> counts = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < connections; c++) {
                int slot = c;
                perConnection.add(new long[1024]);
                counts.add(pool.submit(() -> {
                    long[] latencies = perConnection.get(slot);
                    int n = 0;
                    Connection conn = null;
                    try {
                        while (System.nanoTime() < deadline && issued.incrementAndGet() <= maxRequests) {
                            String path = paths.next(slot);
                            if (path == null) {
                                break;
                            }
                            long t0 = System.nanoTime();
                            try {
                                if (conn == null) {
                                    conn = new Connection(base, gzip);
                                }
                                Response r = conn.get(path);
                                if (r.status() >= 400) {
                                    errorCounts
                                            .computeIfAbsent(r.status(), k -> new LongAdder())
                                            .increment();
                                }
                                if (!conn.isOpen()) {
                                    conn.close();
                                    conn = null;
                                }
                            } catch (IOException e) {
                                errorCounts
                                        .computeIfAbsent(-1, k -> new LongAdder())
                                        .increment();
                                if (conn != null) {
                                    conn.close();
                                }
                                conn = null;
                            }
                            if (n == latencies.length) {
                                latencies = Arrays.copyOf(latencies, n * 2);
                                perConnection.set(slot, latencies);
                            }
                            latencies[n++] = System.nanoTime() - t0;
                        }
                    } finally {
                        if (conn != null) {
                            conn.close();
                        }
                    }
                    return n;
                }));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long total = 0;
        long[][] parts = new long[connections][];
        for (int c = 0; c < connections; c++) {
            int n;
            try {
                n = counts.get(c).get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("load connection failed", e.getCause());
            }
            parts[c] = Arrays.copyOf(perConnection.get(c), n);
            total += n;
        }
        long[] all = new long[(int) total];
        int at = 0;
        for (long[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        Arrays.sort(all);
        Map<Integer, Long> errors = new TreeMap<>();
        errorCounts.forEach((status, n) -> errors.put(status, n.sum()));
        long errorTotal = errors.values().stream().mapToLong(Long::longValue).sum();
        return new Result(total, errorTotal, seconds, all, errors);
    }

    /** One request on a fresh connection, for discovery and for checking a target before loading it. */
    Response fetch(String path) throws IOException {
        try (Connection c = new Connection(base, false)) {
            return c.get(path);
        }
    }

    /** A keep-alive HTTP/1.1 connection that understands Content-Length and chunked bodies. */
    static final class Connection implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final String host;
        private final boolean gzip;
        private boolean open = true;

        Connection(URI base, boolean gzip) throws IOException {
            this.gzip = gzip;
            if (!"http".equalsIgnoreCase(base.getScheme())) {
                throw new IOException("only http:// URLs can be benchmarked, got " + base);
            }
            int port = base.getPort() < 0 ? 80 : base.getPort();
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(base.getHost(), port), CONNECT_TIMEOUT_MS);
            socket.setSoTimeout(READ_TIMEOUT_MS);
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out = socket.getOutputStream();
            host = base.getHost() + ":" + port;
        }

        boolean isOpen() {
            return open;
        }

        Response get(String path) throws IOException {
            String request = "GET " + path + " HTTP/1.1\r\nHost: " + host
                    + "\r\nAccept: text/html,application/json,*/*\r\nUser-Agent: dailypapers-bench\r\n"
                    + (gzip ? "Accept-Encoding: gzip\r\n" : "") + "\r\n";
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = line();
            if (status == null || !status.startsWith("HTTP/1.")) {
                throw new IOException("no HTTP response: " + status);
            }
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            String header;
            while ((header = line()) != null && !header.isEmpty()) {
                int colon = header.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" ->
                        chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> close = value.equalsIgnoreCase("close");
                    default -> {}
                }
            }
            byte[] body;
            if (chunked) {
                body = chunkedBody();
            } else if (length >= 0) {
                body = in.readNBytes((int) length);
                if (body.length != length) {
                    throw new IOException("connection closed inside a body");
                }
            } else if (code == 204 || code == 304) {
                body = new byte[0];
            } else {
                body = in.readAllBytes();
                close = true;
            }
            // Servers close keep-alive connections now and then (Tomcat after 100 requests); that is no error.
            open = !close;
            return new Response(code, body);
        }

        private byte[] chunkedBody() throws IOException {
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            while (true) {
                String sizeLine = line();
                if (sizeLine == null) {
                    throw new IOException("connection closed inside a chunked body");
                }
                int semi = sizeLine.indexOf(';');
                int size = Integer.parseInt((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
                if (size == 0) {
                    String trailer;
                    while ((trailer = line()) != null && !trailer.isEmpty()) {
                        // trailers are not used here
                    }
                    return body.toByteArray();
                }
                body.write(in.readNBytes(size));
                line();
            }
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder(64);
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    int len = sb.length();
                    if (len > 0 && sb.charAt(len - 1) == '\r') {
                        sb.setLength(len - 1);
                    }
                    return sb.toString();
                }
                sb.append((char) b);
            }
            return sb.isEmpty() ? null : sb.toString();
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a benchmark socket cannot lose anything
            }
        }
    }
}
