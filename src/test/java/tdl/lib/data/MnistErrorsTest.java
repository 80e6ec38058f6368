package tdl.lib.data;

import tdl.vocab.ErrorKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.Executable;
import tdl.syntax.TdlError;

/** Every broken-file case is a TdlError naming the file and what is wrong. */
class MnistErrorsTest {
    @TempDir Path tmp;

    private static TdlError fails(Executable e) {
        return assertThrows(TdlError.class, e);
    }

    /** A complete, valid standard layout of 6 + 2 images of 2x2 (gzipped). */
    private Path valid(String name) {
        Path dir = tmp.resolve(name);
        Idx.write(dir, "train-images-idx3-ubyte.gz", Idx.gzip(Idx.images(6, 2, 2, Idx.pattern(6, 4))));
        Idx.write(dir, "train-labels-idx1-ubyte.gz", Idx.gzip(Idx.labels(new byte[6])));
        Idx.write(dir, "t10k-images-idx3-ubyte.gz", Idx.gzip(Idx.images(2, 2, 2, Idx.pattern(2, 4))));
        Idx.write(dir, "t10k-labels-idx1-ubyte.gz", Idx.gzip(Idx.labels(new byte[2])));
        return dir;
    }

    @Test
    void anEmptyFolderListsTheNamesLookedFor() {
        FakeRuntime rt = new FakeRuntime(tmp);
        Idx.write(tmp.resolve("empty"), "README", new byte[0]);
        TdlError e = fails(() -> DataLibrary.loadPath(rt, "empty"));
        assertEquals(ErrorKind.FILE_NOT_FOUND_ERROR, e.kind());
        assertTrue(e.detail().contains("train-images-idx3-ubyte.gz"), e.detail());
        assertTrue(e.detail().contains("mnist10k-images-idx3-ubyte.gz"), e.detail());
    }

    @Test
    void aMissingLabelFileIsNamed() throws Exception {
        Path dir = valid("nolabels");
        java.nio.file.Files.delete(dir.resolve("t10k-labels-idx1-ubyte.gz"));
        TdlError e = fails(() -> MnistLoader.loadDirectory(dir));
        assertEquals(ErrorKind.FILE_NOT_FOUND_ERROR, e.kind());
        assertTrue(e.detail().contains("t10k-labels-idx1-ubyte"), e.detail());
    }

    @Test
    void aMissingDirectoryIsFileNotFound() {
        FakeRuntime rt = new FakeRuntime(tmp);
        TdlError e = fails(() -> DataLibrary.loadPath(rt, "no/such/dir"));
        assertEquals(ErrorKind.FILE_NOT_FOUND_ERROR, e.kind());
        assertTrue(e.detail().contains("no/such/dir"), e.detail());
    }

    @Test
    void theTutorialPickleGetsAHint() {
        FakeRuntime rt = new FakeRuntime(tmp);
        Idx.write(tmp, "mnist.pkl.gz", new byte[] {1});
        TdlError e = fails(() -> DataLibrary.loadPath(rt, "mnist.pkl.gz"));
        assertTrue(e.detail().contains("mnist.pkl.gz"), e.detail());
        assertTrue(e.hint().contains("load_mnist()"), e.hint());
    }

    @Test
    void aLabelFileWhereImagesBelongIsABadMagic() {
        Path dir = valid("magic");
        Idx.write(dir, "train-images-idx3-ubyte.gz", Idx.gzip(Idx.labels(new byte[6])));
        TdlError e = fails(() -> MnistLoader.loadDirectory(dir));
        assertEquals(ErrorKind.VALUE_ERROR, e.kind());
        assertEquals("train-images-idx3-ubyte.gz: not an IDX image file (magic 0x00000801, expected 0x00000803)", e.detail());
        assertTrue(e.hint().contains("label file"), e.hint());
    }

    @Test
    void truncatedPixelDataSaysHowMuchIsThere() {
        Path dir = valid("trunc");
        byte[] full = Idx.images(6, 2, 2, Idx.pattern(6, 4));
        Idx.write(dir, "train-images-idx3-ubyte.gz", Idx.gzip(Arrays.copyOf(full, full.length - 5)));
        TdlError e = fails(() -> MnistLoader.loadDirectory(dir));
        assertEquals(ErrorKind.VALUE_ERROR, e.kind());
        assertTrue(e.detail().startsWith("train-images-idx3-ubyte.gz: truncated: header says 6 images of 2x2, "
                + "file holds only 19 bytes of pixel data"), e.detail());
    }

    @Test
    void aCutOffGzipStreamIsNamed() {
        Path dir = valid("cutgz");
        byte[] gz = Idx.gzip(Idx.images(6, 2, 2, Idx.pattern(6, 4)));
        Idx.write(dir, "train-images-idx3-ubyte.gz", Arrays.copyOf(gz, gz.length / 2));
        TdlError e = fails(() -> MnistLoader.loadDirectory(dir));
        assertEquals(ErrorKind.VALUE_ERROR, e.kind());
        assertTrue(e.detail().startsWith("train-images-idx3-ubyte.gz: truncated"), e.detail());
    }

    @Test
    void truncatedLabelsAndShortHeadersAreNamed() {
        Path dir = valid("trunclabels");
        Idx.write(dir, "t10k-labels-idx1-ubyte.gz", Idx.gzip(Arrays.copyOf(Idx.labels(new byte[2]), 9)));
        TdlError e = fails(() -> MnistLoader.loadDirectory(dir));
        assertTrue(e.detail().startsWith("t10k-labels-idx1-ubyte.gz: truncated: header says 2 labels"), e.detail());

        Idx.write(dir, "t10k-labels-idx1-ubyte.gz", new byte[] {0, 0});
        e = fails(() -> MnistLoader.loadDirectory(dir));
        assertTrue(e.detail().startsWith("t10k-labels-idx1-ubyte.gz: truncated"), e.detail());
    }

    @Test
    void imageAndLabelCountsMustAgree() {
        Path dir = valid("count");
        Idx.write(dir, "train-labels-idx1-ubyte.gz", Idx.gzip(Idx.labels(new byte[5])));
        TdlError e = fails(() -> MnistLoader.loadDirectory(dir));
        assertEquals(ErrorKind.VALUE_ERROR, e.kind());
        assertEquals("train-labels-idx1-ubyte.gz holds 5 labels but train-images-idx3-ubyte.gz holds 6 images", e.detail());
    }

    @Test
    void theFileAccessPolicyIsAskedForAGivenPath() {
        FakeRuntime rt = new FakeRuntime(tmp);
        valid("policy");
        rt.denyAll = true;
        TdlError e = fails(() -> DataLibrary.loadPath(rt, "policy"));
        assertEquals(ErrorKind.PERMISSION_ERROR, e.kind());
    }

    @Test
    void aNonStringPathIsATypeError() {
        FakeRuntime rt = new FakeRuntime(tmp);
        DataLibrary.install(rt);
        TdlError e = fails(() -> rt.callGlobal("load_mnist", 3L));
        assertEquals(ErrorKind.TYPE_ERROR, e.kind());
        assertTrue(e.detail().contains("int"), e.detail());
    }
}
