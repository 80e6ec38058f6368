package tdl.kernel;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The wire format of the Jupyter messaging protocol 5.3: the frames
 * {@code [identities..., "<IDS|MSG>", signature, header, parent_header, metadata, content, buffers...]},
 * signed by {@link Signer}; and new message headers for this kernel's session.
 */
final class Wire {
    static final String PROTOCOL_VERSION = "5.3";
    private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final Signer signer;
    private final String session = UUID.randomUUID().toString();
    private final String username;

    Wire(Signer signer) {
        this.signer = signer;
        String user = System.getProperty("user.name");
        this.username = user == null || user.isBlank() ? "kernel" : user;
    }

    /** The kernel's session id: every header it writes carries it. */
    String session() { return session; }

    /** A message with a fresh header answering {@code parent} (null for none), sent back to its identities. */
    Message make(String type, Map<String, Object> content, Message parent) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("msg_id", UUID.randomUUID().toString());
        header.put("session", session);
        header.put("username", username);
        header.put("date", DATE.format(Instant.now()));
        header.put("msg_type", type);
        header.put("version", PROTOCOL_VERSION);
        return new Message(parent == null ? List.of() : parent.identities(), header,
                parent == null ? Map.of() : parent.header(), new LinkedHashMap<>(), content, List.of());
    }

    /** The frames of a message, signed. */
    List<byte[]> encode(Message m) {
        List<byte[]> json = List.of(bytes(m.header()), bytes(m.parentHeader()), bytes(m.metadata()), bytes(m.content()));
        List<byte[]> frames = new ArrayList<>(m.identities());
        frames.add(DELIMITER);
        frames.add(signer.sign(json).getBytes(StandardCharsets.US_ASCII));
        frames.addAll(json);
        frames.addAll(m.buffers());
        return frames;
    }

    /**
     * The message the frames hold; IllegalArgumentException when they are no message or the signature
     * does not match (a message not from our client, which must not run).
     */
    Message decode(List<byte[]> frames) {
        int d = 0;
        while (d < frames.size() && !Arrays.equals(frames.get(d), DELIMITER)) d++;
        if (d + 6 > frames.size()) {
            throw new IllegalArgumentException("not a Jupyter message: " + frames.size() + " frames, delimiter at " + d);
        }
        List<byte[]> json = frames.subList(d + 2, d + 6);
        String signature = new String(frames.get(d + 1), StandardCharsets.US_ASCII);
        if (!signer.verify(signature, json)) throw new IllegalArgumentException("message with a bad signature");
        return new Message(List.copyOf(frames.subList(0, d)), object(json.get(0)), object(json.get(1)),
                object(json.get(2)), object(json.get(3)), List.copyOf(frames.subList(d + 6, frames.size())));
    }

    private static byte[] bytes(Map<String, Object> m) {
        return Json.write(m).getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> object(byte[] b) {
        return Json.parseObject(new String(b, StandardCharsets.UTF_8));
    }
}
