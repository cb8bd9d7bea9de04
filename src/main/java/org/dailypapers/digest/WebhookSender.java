package org.dailypapers.digest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Posts one delivery: signed, never following redirects, within the time-out. */
@Component
class WebhookSender {

    private final HttpClient http;
    private final Duration timeout;

    WebhookSender(WebhookProperties properties) {
        this.timeout = properties.timeout();
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(properties.timeout())
                .build();
    }

    /**
     * The answer: an HTTP status, or {@code status = 0} with the reason when there was none (time-out, refused
     * connection).
     */
    record Answer(int status, String detail) {
        boolean delivered() {
            return status >= 200 && status < 300;
        }
    }

    Answer post(URI url, String deliveryId, String secret, String body, Instant now) {
        long timestamp = now.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "dailypapers-webhooks/1")
                .header(WebhookSignature.DELIVERY_HEADER, deliveryId)
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String text = response.body() == null ? "" : response.body().strip();
            return new Answer(response.statusCode(), text.length() > 200 ? text.substring(0, 200) + "\u2026" : text);
        } catch (HttpTimeoutException e) {
            return new Answer(0, "no answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            return new Answer(
                    0,
                    "cannot connect: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "interrupted");
        }
    }
}
