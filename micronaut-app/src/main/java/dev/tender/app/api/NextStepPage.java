package dev.tender.app.api;

import dev.tender.domain.payment.Redirect;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Sends the browser on to the processor's next page (a 3DS2 challenge after the fingerprint): a GET page
 * is a 302 to its URL with its parameters in the query; a POST page needs the browser to post a form, so
 * it is a tiny HTML page that submits itself (with a button for browsers without JavaScript).
 */
final class NextStepPage {

    private NextStepPage() {
    }

    static boolean isGet(Redirect redirect) {
        return redirect.method().equalsIgnoreCase("GET");
    }

    /** The URL of a GET page with its parameters added to the query. */
    static String location(Redirect redirect) {
        if (redirect.parameters().isEmpty()) {
            return redirect.url();
        }
        String query = redirect.parameters().map(p -> encode(p._1) + "=" + encode(p._2)).mkString("&");
        return redirect.url() + (redirect.url().contains("?") ? "&" : "?") + query;
    }

    /** An HTML page posting the parameters to the URL; every value is escaped as an attribute. */
    static String form(Redirect redirect) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                + "<title>Redirecting</title></head><body onload=\"document.forms[0].submit()\">"
                + "<form method=\"post\" action=\"").append(escape(redirect.url())).append("\">");
        redirect.parameters().forEach(p -> html.append("<input type=\"hidden\" name=\"").append(escape(p._1))
                .append("\" value=\"").append(escape(p._2)).append("\">"));
        return html.append("<noscript><button type=\"submit\">Continue</button></noscript></form></body></html>")
                .toString();
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
