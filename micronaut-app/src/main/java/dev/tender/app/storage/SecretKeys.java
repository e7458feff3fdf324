package dev.tender.app.storage;

import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.TreeMap;
import io.vavr.control.Option;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.util.Base64;

/**
 * The AES-256 keys that connector credentials are encrypted under, by key id, and the id new writes use.
 * Several keys are configured while a key is rotated: rows under any of them read, the active one writes.
 * {@link #toString()} shows the ids only.
 */
public final class SecretKeys {

    /** Lower-case letters and digits: an id given by environment variable is read lower-case. */
    private static final String ID = "[a-z0-9]{1,32}";
    private static final int KEY_BYTES = 32;

    private final Map<String, SecretKey> keys;
    private final String activeId;

    private SecretKeys(Map<String, SecretKey> keys, String activeId) {
        this.keys = keys;
        this.activeId = activeId;
    }

    /**
     * The keys from {@code tender.secrets.keys} (id → base64 of 32 bytes) and {@code tender.secrets.active-key}.
     * When there is one key, it is the active one unless another id is named.
     *
     * @throws IllegalArgumentException naming the setting that is wrong, never quoting a key
     */
    public static SecretKeys of(java.util.Map<String, String> base64ById, String activeId) {
        if (base64ById.isEmpty()) {
            throw new IllegalArgumentException("tender.secrets.keys is not set: connector credentials are stored "
                    + "encrypted (AES-256-GCM) under a key from configuration. Generate one with "
                    + "`openssl rand -base64 32` and set TENDER_SECRETS_KEYS_K1=<that key> and "
                    + "TENDER_SECRETS_ACTIVE_KEY=k1 (see docs/configuration.md)");
        }
        Map<String, SecretKey> keys = TreeMap.empty();
        for (java.util.Map.Entry<String, String> entry : base64ById.entrySet()) {
            keys = keys.put(entry.getKey(), key(entry.getKey(), entry.getValue()));
        }
        String active = activeId == null || activeId.isBlank()
                ? (keys.size() == 1 ? keys.head()._1 : null) : activeId.strip();
        if (active == null) {
            throw new IllegalArgumentException("tender.secrets.active-key is not set: with several keys in "
                    + "tender.secrets.keys (" + keys.keySet().mkString(", ") + "), name the one new writes use");
        }
        if (!keys.containsKey(active)) {
            throw new IllegalArgumentException("tender.secrets.active-key is " + active
                    + ", which tender.secrets.keys does not hold (it holds " + keys.keySet().mkString(", ") + ")");
        }
        return new SecretKeys(keys, active);
    }

    private static SecretKey key(String id, String base64) {
        if (id == null || !id.matches(ID)) {
            throw new IllegalArgumentException("tender.secrets.keys: the key id '" + id + "' is not 1 to 32 "
                    + "lower-case letters and digits");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64 == null ? "" : base64.strip());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("tender.secrets.keys." + id + " is not base64 (generate a key with "
                    + "`openssl rand -base64 32`)");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("tender.secrets.keys." + id + " is " + bytes.length + " bytes; an "
                    + "AES-256 key is " + KEY_BYTES + " (generate one with `openssl rand -base64 32`)");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** The id new writes use. */
    public String activeId() {
        return activeId;
    }

    Option<SecretKey> key(String id) {
        return keys.get(id);
    }

    SecretKey active() {
        return keys.apply(activeId);
    }

    public List<String> ids() {
        return keys.keySet().toList();
    }

    @Override
    public String toString() {
        return "SecretKeys[" + keys.keySet().mkString(", ") + "; active " + activeId + "]";
    }
}
