package dev.tender.app.http;

import io.vavr.control.Option;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * What makes a text unstorable: PostgreSQL refuses NUL in {@code text} and a lone surrogate (which Java
 * strings can hold, and a JSON {@code \ud800} escape makes) in {@code jsonb}; bytes that are not UTF-8 would
 * be kept as U+FFFD, silently changing what was sent.
 */
public final class Text {

    public static final String NUL = "must not contain NUL characters (\\u0000)";
    public static final String SURROGATE = "must not contain a lone UTF-16 surrogate (e.g. \\ud800)";

    private Text() {
    }

    /** Why the value cannot be kept, if it cannot. */
    public static Option<String> problem(String value, int maxLength) {
        if (value.indexOf('\0') >= 0) {
            return Option.some(NUL);
        }
        if (hasLoneSurrogate(value)) {
            return Option.some(SURROGATE);
        }
        if (value.length() > maxLength) {
            return Option.some("must be at most " + maxLength + " characters");
        }
        return Option.none();
    }

    public static boolean hasLoneSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** The text of strict UTF-8 bytes; none when any byte sequence is not UTF-8 (or encodes a surrogate). */
    public static Option<String> decodeUtf8(byte[] bytes) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return Option.some(chars.toString());
        } catch (CharacterCodingException notUtf8) {
            return Option.none();
        }
    }

    /** The bytes a URL's path or query stands for; a {@code %} not followed by two hex digits is kept as is. */
    public static byte[] percentDecoded(String raw, boolean plusIsSpace) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length() && hex(raw.charAt(i + 1)) >= 0 && hex(raw.charAt(i + 2)) >= 0) {
                bytes.write(hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toByteArray();
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    /** A name fit to quote in an error: control characters and surrogates replaced, at most 40 characters. */
    public static String printable(String name) {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < name.length() && shown.length() < 40; i++) {
            char c = name.charAt(i);
            shown.append(c < 0x20 || Character.isSurrogate(c) ? '?' : c);
        }
        return name.length() > 40 ? shown + "…" : shown.toString();
    }
}
