package tdl.api;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The Java front door to TDL without JSR-223:
 * <pre>
 * TdlSession s = Tdl.session();
 * s.set("xs", new double[] {1, 2, 3});
 * s.eval("import numpy as np\nm = np.mean(xs)");
 * double m = s.get("m", double.class);
 * </pre>
 * For untrusted scripts, {@link #builder()} switches off or confines file access and bounds run time.
 */
public final class Tdl {
    private Tdl() {}

    /** A session with default settings: print() to System.out, files unrestricted, no time limit. */
    public static TdlSession session() { return builder().build(); }

    public static Builder builder() { return new Builder(); }

    /** How a session is set up; every setting has a safe default except file access, which is on. */
    public static final class Builder {
        Writer out = console(System.out);
        Writer err = console(System.err);
        Long seed;
        boolean fileAccess = true;
        Path fileRoot;
        Path workingDir;
        Duration timeLimit;
        String theanoFlags;

        private Builder() {}

        /** Where print() writes (default System.out). */
        public Builder output(Writer w) { this.out = w; return this; }

        /** Where warnings go (default System.err). */
        public Builder errorOutput(Writer w) { this.err = w; return this; }

        /** Seeds every default random stream, for reproducible runs. */
        public Builder seed(long s) { this.seed = s; return this; }

        /** Switches every file access off: reading data, saving arrays, images and plots, importing .tdl files. */
        public Builder noFileAccess() { this.fileAccess = false; return this; }

        /**
         * Confines file access to {@code folder}: paths that leave it fail with PermissionError.
         * Relative paths start there unless {@link #workingDirectory} says otherwise.
         */
        public Builder confineFilesTo(Path folder) { this.fileRoot = folder; this.fileAccess = true; return this; }

        /** The directory relative paths in scripts are resolved against (default the process's). */
        public Builder workingDirectory(Path dir) { this.workingDir = dir; return this; }

        /** Bounds each eval/call: a script running longer fails with TimeoutError. */
        public Builder timeLimit(Duration limit) { this.timeLimit = limit; return this; }

        /**
         * theano.config settings in THEANO_FLAGS syntax, e.g. {@code "floatX=float32"} (the session does
         * not read the environment variable itself).
         */
        public Builder theanoFlags(String flags) { this.theanoFlags = flags; return this; }

        public TdlSession build() { return new TdlSession(this); }
    }

    private static Writer console(PrintStream s) {
        return new OutputStreamWriter(s, StandardCharsets.UTF_8);
    }
}
