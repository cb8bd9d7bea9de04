package org.dailypapers.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeTextTest {

    @Test
    void shouldDropEveryXmlIllegalCharacterAndKeepTheRest() {
        String illegal = "\u0000\u0001\u0008\u000B\u000C\u000E\u001F\uFFFE\uFFFF\uD800\uDC00x\uDBFF";
        // U+D800 U+DC00 is a pair (U+10000) and stays; the lone U+DBFF goes
        assertThat(SafeText.clean("a" + illegal + "b")).isEqualTo("a\uD800\uDC00xb");
        assertThat(SafeText.clean("tab\there\nline\r")).isEqualTo("tab\there\nline\r");
        String clean = "Attention Is All You Need — 𝒜";
        assertThat(SafeText.clean(clean)).isSameAs(clean);
        assertThat(SafeText.isClean("\u0001")).isFalse();
        // after a long legal run, past the one-comparison scan
        assertThat(SafeText.clean("x".repeat(100) + "\uFFFE\u0007é")).isEqualTo("x".repeat(100) + "é");
        assertThat(SafeText.clean("ab\uFFFF")).isEqualTo("ab");
    }

    @Test
    void shouldAcceptOnlyHttpAndHttpsLinks() {
        assertThat(WebLinks.isWebLink("https://github.com/a/b")).isTrue();
        assertThat(WebLinks.isWebLink("HTTP://example.org/x")).isTrue();
        for (String bad : new String[] {
            "javascript:alert(5)",
            "JavaScript:alert(5)",
            " javascript:alert(5)",
            "java\tscript:alert(5)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox",
            "file:///etc/passwd",
            "//evil.example/x",
            "https:///nohost",
            "https://exa mple.org",
            ""
        }) {
            assertThat(WebLinks.isWebLink(bad)).as(bad).isFalse();
        }
        assertThat(WebLinks.webOrSitePathOrNull("/avatars/a.png")).isEqualTo("/avatars/a.png");
        assertThat(WebLinks.webOrSitePathOrNull("//evil.example/a.png")).isNull();
    }
}
