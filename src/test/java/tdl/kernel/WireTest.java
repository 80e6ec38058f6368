package tdl.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The frames of a message and their signature, checked against Python's hmac module. */
class WireTest {
    private static byte[] b(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    @Test
    void theSignatureIsTheHexHmacSha256OfTheFourJsonFrames() {
        Signer s = new Signer("secret", "hmac-sha256");
        // python3: hmac.new(b'secret', b'{"a":1}{}{}{"b":"x"}', hashlib.sha256).hexdigest()
        assertEquals("6cdacbf592ac7592d73996afad1502159f784918d380e40299fdd725ecd563e1",
                s.sign(List.of(b("{\"a\":1}"), b("{}"), b("{}"), b("{\"b\":\"x\"}"))));
        assertEquals("", new Signer("", "hmac-sha256").sign(List.of(b("{}"))), "an empty key signs nothing");
        assertThrows(IllegalArgumentException.class, () -> new Signer("k", "rsa"));
    }

    @Test
    void aMessageRoundTripsWithItsIdentitiesAndIsAnsweredToThem() {
        Wire wire = new Wire(new Signer("k", "hmac-sha256"));
        Message request = wire.make("execute_request", Map.of("code", "print('é')", "silent", false), null);
        List<byte[]> frames = new ArrayList<>(List.of(b("client-id")));
        frames.addAll(wire.encode(request));
        Message decoded = wire.decode(frames);
        assertArrayEquals(b("client-id"), decoded.identities().get(0));
        assertEquals("print('é')", decoded.text("code"));
        assertEquals("5.3", decoded.header().get("version"));
        assertEquals(request.header().get("msg_id"), decoded.header().get("msg_id"));
        Message reply = wire.make("execute_reply", Map.of("status", "ok"), decoded);
        assertArrayEquals(b("client-id"), reply.identities().get(0));
        assertEquals(decoded.header(), reply.parentHeader());
        assertEquals("<IDS|MSG>", new String(wire.encode(reply).get(1), StandardCharsets.US_ASCII));
    }

    @Test
    void aTamperedOrForeignMessageIsRefused() {
        Wire wire = new Wire(new Signer("k", "hmac-sha256"));
        List<byte[]> frames = new ArrayList<>(wire.encode(wire.make("execute_request", Map.of("code", "1"), null)));
        frames.set(5, b("{\"code\":\"2\"}"));
        assertThrows(IllegalArgumentException.class, () -> wire.decode(frames));
        assertThrows(IllegalArgumentException.class, () -> wire.decode(List.of(b("<IDS|MSG>"), b("sig"))));
        Wire other = new Wire(new Signer("other", "hmac-sha256"));
        assertThrows(IllegalArgumentException.class,
                () -> wire.decode(other.encode(other.make("kernel_info_request", Map.of(), null))));
    }

    @Test
    void integersStayIntegersAndNullsAreWritten() {
        Map<String, Object> m = Json.parseObject("{\"n\": 3, \"x\": 0.5, \"z\": null}");
        assertEquals(3L, m.get("n"));
        assertEquals(0.5, m.get("x"));
        assertEquals("{\"a\":null,\"s\":\"<b>\"}", Json.write(new java.util.TreeMap<>(java.util.Collections.singletonMap("a", null)) {{
            put("s", "<b>");
        }}));
        assertThrows(IllegalArgumentException.class, () -> Json.parseObject("[1]"));
    }

    @Test
    void printedTextIsCutOnlyAtWholeCharacters() {
        byte[] e = "é".getBytes(StandardCharsets.UTF_8);
        assertEquals(1, StreamOutput.wholeCharacters(new byte[] {'a', e[0]}), "the lead byte waits for its partner");
        assertEquals(3, StreamOutput.wholeCharacters(new byte[] {'a', e[0], e[1]}));
        byte[] four = "\uD835\uDD35".getBytes(StandardCharsets.UTF_8);
        assertEquals(0, StreamOutput.wholeCharacters(new byte[] {four[0], four[1], four[2]}));
        assertEquals(4, StreamOutput.wholeCharacters(four));
    }
}
