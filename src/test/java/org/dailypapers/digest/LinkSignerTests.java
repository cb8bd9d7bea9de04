package org.dailypapers.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LinkSignerTests {

    private final LinkSigner signer =
            new LinkSigner("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));
    private final Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void shouldAcceptItsOwnUnexpiredToken() {
        String token = signer.sign(LinkSigner.Purpose.UNSUBSCRIBE, "sub-1", now.plusSeconds(60));
        assertThat(signer.verify(token, LinkSigner.Purpose.UNSUBSCRIBE, now)).contains("sub-1");
    }

    @Test
    void shouldRefuseExpiredTamperedMisusedAndForeignTokens() {
        String token = signer.sign(LinkSigner.Purpose.CONFIRM, "sub-1", now.plusSeconds(60));
        assertThat(signer.verify(token, LinkSigner.Purpose.CONFIRM, now.plus(Duration.ofMinutes(2))))
                .isEmpty();
        assertThat(signer.verify(token, LinkSigner.Purpose.UNSUBSCRIBE, now)).isEmpty();
        String otherPayload = signer.sign(LinkSigner.Purpose.CONFIRM, "sub-2", now.plusSeconds(60));
        String spliced = otherPayload.substring(0, otherPayload.indexOf('.')) + token.substring(token.indexOf('.'));
        assertThat(signer.verify(spliced, LinkSigner.Purpose.CONFIRM, now)).isEmpty();
        LinkSigner other = new LinkSigner("another-secret-of-enough-length".getBytes(StandardCharsets.UTF_8));
        assertThat(other.verify(token, LinkSigner.Purpose.CONFIRM, now)).isEmpty();
        for (String junk : new String[] {"", ".", "abc", "a.b", "!!!.???", token + "x"}) {
            assertThat(signer.verify(junk, LinkSigner.Purpose.CONFIRM, now))
                    .as(junk)
                    .isEmpty();
        }
    }

    @Test
    void shouldDoubleTheBackoffUpToACap() {
        Duration base = Duration.ofMinutes(1);
        assertThat(DigestDelivery.backoff(base, 1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(DigestDelivery.backoff(base, 2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(DigestDelivery.backoff(base, 4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(DigestDelivery.backoff(base, 40)).isEqualTo(Duration.ofHours(6));
    }
}
