package tdl.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelSpecTest {
    @TempDir
    Path dir;

    @Test
    void installWritesKernelJsonAndBothLogos() throws Exception {
        Path spec = KernelSpec.install(dir, List.of("/opt/tdl/tdl"));
        assertEquals(dir.resolve("tdl"), spec);
        Map<String, Object> json = Json.parseObject(Files.readString(spec.resolve("kernel.json")));
        assertEquals(List.of("/opt/tdl/tdl", "kernel", "--connection-file", "{connection_file}"), json.get("argv"));
        assertEquals("TDL", json.get("display_name"));
        assertEquals("tdl", json.get("language"));
        assertEquals("message", json.get("interrupt_mode"));
        for (int size : new int[] {32, 64}) {
            BufferedImage logo = ImageIO.read(spec.resolve("logo-" + size + "x" + size + ".png").toFile());
            assertEquals(size, logo.getWidth());
            assertEquals(size, logo.getHeight());
        }
        KernelSpec.install(dir, List.of("/elsewhere/tdl"));
        assertEquals("/elsewhere/tdl", ((List<?>) Json.parseObject(Files.readString(spec.resolve("kernel.json"))).get("argv")).get(0),
                "installing again replaces the spec");
    }

    @Test
    void userKernelsFollowJupytersDataFolders() {
        Path home = Path.of("/home/u");
        assertEquals(Path.of("/home/u/.local/share/jupyter/kernels"), KernelSpec.userKernels(Map.of(), "Linux", home));
        assertEquals(Path.of("/x/jupyter/kernels"), KernelSpec.userKernels(Map.of("XDG_DATA_HOME", "/x"), "Linux", home));
        assertEquals(Path.of("/d/kernels"), KernelSpec.userKernels(Map.of("JUPYTER_DATA_DIR", "/d"), "Linux", home));
        assertEquals(Path.of("/home/u/Library/Jupyter/kernels"), KernelSpec.userKernels(Map.of(), "Mac OS X", home));
        assertEquals(Path.of("/p/share/jupyter/kernels"), KernelSpec.prefixKernels(Path.of("/p")));
    }
}
