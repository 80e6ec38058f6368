package tdl.kernel;

import java.util.List;
import java.util.Map;

/**
 * One Jupyter message: the routing identities it came with (replies go back to them), its header,
 * the header of the message it answers, metadata, content and binary buffers.
 */
record Message(List<byte[]> identities, Map<String, Object> header, Map<String, Object> parentHeader,
               Map<String, Object> metadata, Map<String, Object> content, List<byte[]> buffers) {

    String type() {
        Object t = header.get("msg_type");
        return t == null ? "" : t.toString();
    }

    /** A content field, or {@code fallback} when it is absent or null. */
    Object get(String name, Object fallback) {
        Object v = content.get(name);
        return v == null ? fallback : v;
    }

    String text(String name) {
        Object v = content.get(name);
        return v == null ? "" : v.toString();
    }

    boolean flag(String name, boolean fallback) {
        return get(name, fallback) instanceof Boolean b ? b : fallback;
    }

    int number(String name, int fallback) {
        return get(name, fallback) instanceof Number n ? n.intValue() : fallback;
    }
}
