package tdl.lib.display;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import tdl.interp.DisplaySink;
import tdl.interp.Runtime;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * Showing without a screen (scripts, the REPL): each picture is saved as {@code KIND_N.png} in the
 * working directory (figure_1.png, image_1.png, numbered per session) and its path printed; a
 * value without a picture prints its text.
 */
final class FileDisplay implements DisplaySink {
    private final Runtime rt;
    private final Map<String, Integer> shown = new HashMap<>();

    FileDisplay(Runtime rt) {
        this.rt = rt;
    }

    @Override
    public void picture(BufferedImage image, String kind, String text) {
        int n = shown.merge(kind, 1, Integer::sum);
        Path path = rt.resolvePath(kind + "_" + n + ".png", true);
        try (OutputStream os = Files.newOutputStream(path)) {
            ImageIO.write(image, "png", os);
        } catch (IOException e) {
            throw new TdlError(ErrorKind.OS_ERROR, "cannot write " + kind + " to '" + path + "': " + e.getMessage(),
                    "check that the directory exists and is writable");
        }
        rt.out().println("saved " + kind + " to " + path);
    }

    @Override
    public void text(String text) {
        rt.out().println(text);
    }
}
