package dev.tender.app.api;

import dev.tender.domain.payment.Redirect;
import io.vavr.collection.LinkedHashMap;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The processor's next page after a return (a 3DS2 challenge after the fingerprint), as the browser gets it. */
class NextStepPageTest {

    @Test
    void aGetPageIsItsUrlWithItsParametersInTheQuery() {
        // given
        Redirect challenge = new Redirect("https://acs.example/challenge?v=2", "GET",
                LinkedHashMap.of("creq", "a b&c", "id", "7"));

        // when
        String location = NextStepPage.location(challenge);

        // then
        assertThat(location).isEqualTo("https://acs.example/challenge?v=2&creq=a+b%26c&id=7");
    }

    @Test
    void aPostPageIsAFormThatSubmitsItselfWithEveryValueEscaped() {
        // given
        Redirect challenge = new Redirect("https://acs.example/challenge?a=1&b=\"2\"", "POST",
                LinkedHashMap.of("creq", "\"><script>alert(1)</script>", "it's", "<&>"));

        // when
        String html = NextStepPage.form(challenge);

        // then
        assertThat(html).contains("<form method=\"post\" action=\"https://acs.example/challenge?a=1&amp;b=&quot;2&quot;\">")
                .contains("<input type=\"hidden\" name=\"creq\" value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">")
                .contains("<input type=\"hidden\" name=\"it&#39;s\" value=\"&lt;&amp;&gt;\">")
                .contains("onload=\"document.forms[0].submit()\"")
                .doesNotContain("<script>");
    }
}
