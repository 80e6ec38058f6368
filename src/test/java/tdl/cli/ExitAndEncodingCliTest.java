package tdl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** sys.exit / exit as Python: the status it names, nothing printed unless the argument is not an int; a non-UTF-8 file is a SyntaxError. */
class ExitAndEncodingCliTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "import sys; print('a'); sys.exit(0) | 0 | ''",
            "import sys; sys.exit(3)             | 3 | ''",
            "exit()                              | 0 | ''",
            "quit(None)                          | 0 | ''",
            "import sys; sys.exit('msg')         | 1 | 'msg\n'",
    })
    void exitEndsTheScriptWithPythonsStatus(String code, int status, String stderr) {
        assertEquals(status, run("-e", code.replace("; ", "\n")));
        assertEquals(stderr, err.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"));
    }

    @Test
    void aFileThatIsNotUtf8IsASyntaxErrorNamingTheByteAndLine() throws Exception {
        Path f = dir.resolve("latin1.tdl");
        Files.write(f, "x = 1\nprint('caf\u00e9')\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(1, run(f.toString()));
        assertEquals("SyntaxError: " + f + ": invalid UTF-8 at byte 16 (line 2)", err.toString(StandardCharsets.UTF_8).lines().findFirst().orElse(""));
    }
}
