package org.dailypapers.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Webhook URLs into this server's own networks are refused unless an admin allows them (SSRF). */
class UrlGuardTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:8080/hook",
                "http://localhost/hook",
                "https://10.1.2.3/hook",
                "https://172.16.0.5/hook",
                "https://192.168.1.10/hook",
                "http://169.254.169.254/latest/meta-data/",
                "http://100.64.0.1/hook",
                "http://0.0.0.0/hook",
                "http://[::1]/hook",
                "http://[fc00::1]/hook",
                "http://[fe80::1]/hook",
                "http://[::ffff:127.0.0.1]/hook",
                "http://224.0.0.1/hook"
            })
    void shouldRefusePrivateAndLoopbackAddresses(String url) {
        assertThatThrownBy(() -> UrlGuard.check(url, false))
                .isInstanceOf(UrlGuard.RefusedUrl.class)
                .hasMessageContaining("dailypapers.webhooks.allow-private-networks");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.org/x", "file:///etc/passwd", "https://user:pw@93.184.216.34/", "not a url"})
    void shouldRefuseOtherSchemesAndCredentials(String url) {
        assertThatThrownBy(() -> UrlGuard.check(url, false)).isInstanceOf(UrlGuard.RefusedUrl.class);
    }

    @Test
    void shouldAcceptPublicAddressesAndPrivateOnesWhenAllowed() throws Exception {
        assertThat(UrlGuard.check("https://93.184.216.34/hook", false).getHost())
                .isEqualTo("93.184.216.34");
        assertThat(UrlGuard.check("http://127.0.0.1:9999/hook", true).getPort()).isEqualTo(9999);
    }
}
