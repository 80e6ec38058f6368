package tdl.kernel;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.Map;
import java.util.UUID;
import java.util.WeakHashMap;
import javax.imageio.ImageIO;
import tdl.interp.DisplaySink;

/**
 * What a notebook shows: pictures (plt.show(), display(image)) become {@code display_data} with a
 * base64 PNG and the picture's text form; other displayed values their text. A person watches the
 * output live, so progress bars draw: each as one output that {@code update_display_data} redraws,
 * so a saved notebook keeps the final bar rather than every redraw.
 */
final class KernelDisplay implements DisplaySink {
    private final Iopub iopub;
    /** The display id of each line being redrawn; the keys (a loop's pass) go when the loop is done with. */
    private final Map<Object, String> lines = Collections.synchronizedMap(new WeakHashMap<>());

    KernelDisplay(Iopub iopub) {
        this.iopub = iopub;
    }

    @Override
    public void picture(BufferedImage image, String kind, String text) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("image/png", Base64.getEncoder().encodeToString(png(image)));
        data.put("text/plain", text);
        Map<String, Object> size = new LinkedHashMap<>();
        size.put("width", image.getWidth());
        size.put("height", image.getHeight());
        iopub.output("display_data", content(data, Map.of("image/png", size)));
    }

    @Override
    public void text(String text) {
        iopub.output("display_data", content(Map.of("text/plain", text), Map.of()));
    }

    @Override
    public boolean live() { return true; }

    @Override
    public boolean redraw(Object key, String text) {
        String id = lines.get(key);
        boolean first = id == null;
        if (first) {
            id = UUID.randomUUID().toString();
            lines.put(key, id);
        }
        Map<String, Object> c = content(Map.of("text/plain", text), Map.of());
        c.put("transient", Map.of("display_id", id));
        iopub.output(first ? "display_data" : "update_display_data", c);
        return true;
    }

    private static Map<String, Object> content(Map<String, Object> data, Map<String, Object> metadata) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("data", data);
        c.put("metadata", metadata);
        c.put("transient", Map.of());
        return c;
    }

    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
