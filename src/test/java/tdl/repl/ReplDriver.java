package tdl.repl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import tdl.session.Session;
import tdl.session.SessionOptions;

/** Runs the REPL in-process on a JLine dumb terminal over piped streams; collects what it printed. */
final class ReplDriver {
    final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    Repl repl;

    /** Types {@code input} (lines separated by \n) into a fresh REPL and runs it to the end of input. */
    static ReplDriver run(String input, Path history) {
        return run(input, history, r -> {});
    }

    static ReplDriver run(String input, Path history, Consumer<Repl> beforeRun) {
        return run(Terminal.TYPE_DUMB, input, history, beforeRun);
    }

    /**
     * With a terminal type other than dumb, JLine applies its key bindings (Tab, Ctrl-R, Ctrl-P, Ctrl-C),
     * and the output holds its redisplay escape sequences.
     */
    static ReplDriver run(String type, String input, Path history, Consumer<Repl> beforeRun) {
        ReplDriver d = new ReplDriver();
        try (Terminal t = new DumbTerminal("test", type, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                d.outBytes, StandardCharsets.UTF_8)) {
            d.repl = new Repl(t, (o, e) -> new Session(SessionOptions.defaults().withOut(o).withErr(e).withSeed(1L)),
                    d.out, d.err, history);
            beforeRun.accept(d.repl);
            d.repl.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return d;
    }

    String out() { return outBytes.toString(StandardCharsets.UTF_8); }

    String err() { return errBytes.toString(StandardCharsets.UTF_8); }
}
