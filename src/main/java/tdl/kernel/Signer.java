package tdl.kernel;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Message signatures: the hex HMAC of header, parent header, metadata and content with the
 * connection file's key and scheme ({@code hmac-sha256}). An empty key means unsigned messages
 * (an empty signature), as the protocol allows.
 */
final class Signer {
    private final SecretKeySpec key;
    private final String algorithm;

    Signer(String key, String scheme) {
        if (!scheme.toLowerCase(Locale.ROOT).startsWith("hmac-")) {
            throw new IllegalArgumentException("unsupported signature scheme '" + scheme + "' (expected hmac-sha256)");
        }
        // hmac-sha256 -> HmacSHA256, the JDK's name
        this.algorithm = "Hmac" + scheme.substring(5).toUpperCase(Locale.ROOT);
        this.key = key.isEmpty() ? null : new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm);
        try {
            Mac.getInstance(algorithm);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("unsupported signature scheme '" + scheme + "'", e);
        }
    }

    /** The hex signature of the four JSON frames, in order. */
    String sign(List<byte[]> parts) {
        if (key == null) return "";
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(key);
            for (byte[] p : parts) mac.update(p);
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + algorithm, e);
        }
    }

    /** Whether {@code signature} is that of the parts; constant time, so timing tells nothing of the key. */
    boolean verify(String signature, List<byte[]> parts) {
        return MessageDigest.isEqual(sign(parts).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }
}
