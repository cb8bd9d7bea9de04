package org.dailypapers.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The one way to arXiv: a GET that keeps the configured interval since the previous request (arXiv asks for 3 s
 * and bans clients that hurry), honours {@code 503} with {@code Retry-After} as arXiv sends it during load, and
 * retries lost connections a bounded number of times. Shared by the harvester and the API client so that together
 * they stay within the limit.
 */
final class PoliteHttp {

    /** Used when arXiv answers 503 without saying how long to wait. */
    private static final Duration DEFAULT_RETRY = Duration.ofSeconds(10);

    private static final String USER_AGENT = "dailypapers/0.1 (self-hosted research-paper feed)";

    private final HttpClient client;
    /** For requests a user waits on: a short connect timeout, one attempt, a bounded total wait. */
    private final HttpClient quickClient;

    private final Duration connectTimeout;
    private final Duration answerTimeout;
    /** Fair, so that a user's request waits its turn behind a harvest page, and can give up waiting. */
    private final ReentrantLock gate = new ReentrantLock(true);

    private final Duration interval;
    private final Duration timeout;
    private final int maxAttempts;
    private final Duration maxRetryAfter;
    private final Sleeper sleeper;
    private final long maxBytes;
    private long lastRequestNanos;
    private boolean anyRequest;

    PoliteHttp(
            Duration interval,
            Duration timeout,
            int maxAttempts,
            Duration maxRetryAfter,
            long maxBytes,
            Sleeper sleeper,
            Duration connectTimeout,
            Duration answerTimeout) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(30))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.quickClient = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.connectTimeout = connectTimeout;
        this.answerTimeout = answerTimeout;
        this.interval = interval;
        this.timeout = timeout;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.maxRetryAfter = maxRetryAfter;
        this.sleeper = sleeper;
        this.maxBytes = maxBytes;
    }

    static PoliteHttp of(ArxivProperties p, Sleeper sleeper) {
        return new PoliteHttp(
                p.requestInterval(),
                p.timeout(),
                p.maxAttempts(),
                p.maxRetryAfter(),
                p.maxResponseSize().toBytes(),
                sleeper,
                p.connectTimeout(),
                p.answerTimeout());
    }

    /** A response whose status is anything but 503: the caller decides what 200, 400 or 500 mean for it. */
    record Response(URI uri, int status, byte[] body) {}

    /**
     * Sends the request, waiting first when the previous one was too recent. Synchronized: requests go out one at a
     * time, in order, never in parallel.
     */
    Response get(URI uri) {
        gate.lock();
        try {
            return patiently(uri);
        } finally {
            gate.unlock();
        }
    }

    /**
     * For a user who waits on the answer (a paper submission): one attempt, a connection within the connect timeout
     * and the whole answer within the answer timeout (3 s and 10 s by default, waiting for the gate included), and
     * a message that says which bound was hit. A 503 is not waited out but reported.
     */
    Response getQuickly(URI uri) {
        long deadline = System.nanoTime() + answerTimeout.toNanos();
        try {
            if (!gate.tryLock(answerTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new ArxivException(uri + ": arXiv is busy with this instance's other requests; not answered"
                        + " within " + seconds(answerTimeout) + " (dailypapers.arxiv.answer-timeout)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ArxivException(uri + ": interrupted", null, e);
        }
        try {
            pace();
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new ArxivException(uri + ": not answered within " + seconds(answerTimeout)
                        + " (dailypapers.arxiv.answer-timeout)");
            }
            HttpResponse<byte[]> response;
            try {
                response = quickClient
                        .sendAsync(
                                HttpRequest.newBuilder(uri)
                                        .timeout(Duration.ofNanos(remaining))
                                        .header("User-Agent", USER_AGENT)
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.ofByteArray())
                        .get(remaining, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                throw new ArxivException(
                        uri + ": arXiv did not answer within " + seconds(answerTimeout)
                                + " (dailypapers.arxiv.answer-timeout)",
                        null,
                        e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                String why = cause instanceof java.net.http.HttpConnectTimeoutException
                        ? "cannot connect to arXiv within " + seconds(connectTimeout)
                                + " (dailypapers.arxiv.connect-timeout)"
                        : cause instanceof java.net.http.HttpTimeoutException
                                ? "arXiv did not answer within " + seconds(answerTimeout)
                                        + " (dailypapers.arxiv.answer-timeout)"
                                : "cannot reach arXiv: " + describe(cause);
                throw new ArxivException(uri + ": " + why, null, cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ArxivException(uri + ": interrupted", null, e);
            }
            if (response.body().length > maxBytes) {
                throw new ArxivException(uri + ": response larger than " + maxBytes
                        + " bytes (dailypapers.arxiv.max-response-size); refused");
            }
            if (response.statusCode() == 503) {
                throw new ArxivException(uri + ": arXiv is busy (503); try again in a minute");
            }
            return new Response(uri, response.statusCode(), response.body());
        } finally {
            gate.unlock();
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private Response patiently(URI uri) {
        @Nullable IOException lastFailure = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            pace();
            HttpResponse<InputStream> response;
            byte[] body;
            try {
                response = client.send(
                        HttpRequest.newBuilder(uri)
                                .timeout(timeout)
                                .header("User-Agent", USER_AGENT)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream in = response.body()) {
                    body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                }
            } catch (IOException e) {
                lastFailure = e;
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ArxivException(uri + ": interrupted", null, e);
            }
            if (body.length > maxBytes) {
                throw new ArxivException(uri + ": response larger than " + maxBytes
                        + " bytes (dailypapers.arxiv.max-response-size); refused");
            }
            if (response.statusCode() != 503) {
                return new Response(uri, response.statusCode(), body);
            }
            if (attempt == maxAttempts) {
                throw new ArxivException(uri + ": arXiv is busy (503) after " + maxAttempts + " attempts");
            }
            Duration wait = retryAfter(response).orElse(DEFAULT_RETRY);
            if (wait.compareTo(maxRetryAfter) > 0) {
                throw new ArxivException(uri + ": arXiv asks to retry after " + wait.toSeconds()
                        + " s, longer than dailypapers.arxiv.max-retry-after (" + maxRetryAfter.toSeconds() + " s)");
            }
            sleep(uri, wait);
        }
        throw new ArxivException(
                uri + ": cannot connect after " + maxAttempts + " attempts: " + describe(lastFailure),
                null,
                lastFailure);
    }

    private void pace() {
        if (anyRequest) {
            long elapsed = System.nanoTime() - lastRequestNanos;
            long remaining = interval.toNanos() - elapsed;
            if (remaining > 0) {
                sleep(null, Duration.ofNanos(remaining));
            }
        }
        anyRequest = true;
        lastRequestNanos = System.nanoTime();
    }

    private void sleep(@Nullable URI uri, Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ArxivException((uri == null ? "arXiv" : uri.toString()) + ": interrupted", null, e);
        }
    }

    /** {@code Retry-After} holds seconds or an HTTP date; anything else is ignored. */
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(PoliteHttp::parseRetryAfter);
    }

    static Optional<Duration> parseRetryAfter(String value) {
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ENGLISH))
                        .toInstant();
                Duration d = Duration.between(Instant.now(), at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    private static String describe(@Nullable Throwable t) {
        if (t == null) {
            return "unknown failure";
        }
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
