package org.dailypapers.digest;

import java.time.Instant;
import java.util.Optional;
import org.dailypapers.shared.DailyPapersProperties;
import org.springframework.stereotype.Component;

/** The signed links of mails and pages, under the site's public base URL. */
@Component
class DigestLinks {

    private final LinkSigner signer;
    private final DigestProperties properties;
    private final String baseUrl;

    DigestLinks(LinkSigner signer, DigestProperties properties, DailyPapersProperties app) {
        this.signer = signer;
        this.properties = properties;
        String base = app.baseUrl();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    String baseUrl() {
        return baseUrl;
    }

    String confirmUrl(String subscriptionId, Instant now) {
        return baseUrl + "/digest/confirm?token="
                + signer.sign(LinkSigner.Purpose.CONFIRM, subscriptionId, now.plus(properties.confirmationValidity()));
    }

    String unsubscribeUrl(String subscriptionId, Instant now) {
        return baseUrl + "/digest/unsubscribe?token=" + unsubscribeToken(subscriptionId, now);
    }

    String unsubscribeToken(String subscriptionId, Instant now) {
        return signer.sign(LinkSigner.Purpose.UNSUBSCRIBE, subscriptionId, now.plus(properties.linkValidity()));
    }

    String manageToken(String subscriptionId, Instant now) {
        return signer.sign(LinkSigner.Purpose.MANAGE, subscriptionId, now.plus(properties.linkValidity()));
    }

    String manageUrl(String subscriptionId, Instant now) {
        return baseUrl + "/digest/preferences?token=" + manageToken(subscriptionId, now);
    }

    DigestRenderer.Links mailLinks(String subscriptionId, Instant now) {
        return new DigestRenderer.Links(unsubscribeUrl(subscriptionId, now), manageUrl(subscriptionId, now));
    }

    Optional<String> verify(String token, LinkSigner.Purpose purpose, Instant now) {
        return signer.verify(token, purpose, now);
    }
}
