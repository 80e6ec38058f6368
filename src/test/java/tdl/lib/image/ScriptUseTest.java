package tdl.lib.image;

import tdl.vocab.ErrorKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tdl.interp.Interpreter;
import tdl.lib.data.DataLibrary;
import tdl.syntax.Parser;
import tdl.syntax.SourceText;
import tdl.syntax.TdlError;

/** The Lab 4 RBM's data and picture lines, run by the real interpreter. */
class ScriptUseTest {
    @TempDir Path tmp;

    private String run(String code) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        // file access confined to tmp: the shipped sample then comes from inside the jar
        Interpreter in = new Interpreter(new Interpreter.Config(out, out, null, tmp, true, tmp));
        DataLibrary.install(in);
        ImageLibrary.install(in);
        in.run(Parser.parse(new SourceText("rbm.tdl", code)), false);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void tutorialStyleImportsLoadTileAndSave() throws Exception {
        String out = run(String.join("\n",
                "import PIL.Image as Image",
                "from utils import tile_raster_images",
                "datasets = load_mnist()",
                "train_x, train_y = datasets[0]",
                "valid_x, valid_y = datasets[1]",
                "image = Image.fromarray(tile_raster_images(X=train_x, img_shape=(28, 28),",
                "                        tile_shape=(10, 10), tile_spacing=(1, 1)))",
                "print(image.size, image.mode)",
                "image.save('filters_at_epoch_0.png')",
                "save_image(tile_raster_images(valid_x, (28, 28), (2, 5)), 'valid.png')",
                "from PIL import Image as Image2",
                "import PIL.Image",
                "print(Image2 is Image, PIL.Image is Image)",
                ""));
        assertEquals("(289, 289) L\nTrue True\n", out);
        BufferedImage filters = ImageIO.read(tmp.resolve("filters_at_epoch_0.png").toFile());
        assertEquals(289, filters.getWidth());
        assertEquals(289, filters.getHeight());
        BufferedImage valid = ImageIO.read(tmp.resolve("valid.png").toFile());
        assertEquals(5 * 28, valid.getWidth());
        assertEquals(2 * 28, valid.getHeight());
        // the spacer row between the first and second row of tiles is black
        for (int x = 0; x < 289; x++) assertEquals(0, filters.getRaster().getSample(x, 28, 0));
    }

    @Test
    void aMissingFolderCanBeCaughtByKind() {
        String out = run(String.join("\n",
                "try:",
                "    load_mnist('nowhere')",
                "except FileNotFoundError:",
                "    print('caught')",
                ""));
        assertEquals("caught\n", out);
    }

    @Test
    void anErrorFromTheLoaderGetsTheCallPosition() {
        TdlError e = assertThrows(TdlError.class, () -> run("x = 1\nload_mnist(path='nowhere')\n"));
        assertEquals(ErrorKind.FILE_NOT_FOUND_ERROR, e.kind());
        assertTrue(e.format().contains("rbm.tdl:2"), e.format());
    }
}
