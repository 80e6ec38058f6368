package tdl.cli;

import java.nio.file.Path;
import java.util.List;
import tdl.syntax.TdlError;

/**
 * What the command line needs from an interpreter session. The real one wraps
 * {@code tdl.session.Session}; tests substitute their own to check the command line's contract
 * (exit codes, messages) apart from the language.
 */
public interface ScriptHost {
    /** Runs a script file as {@code __main__}; {@code argv} is [file, args...] like sys.argv. */
    void runFile(Path file, List<String> argv);

    /** Runs source text; {@code sourceName} names it in error messages ({@code <string>}, {@code <stdin>}). */
    void exec(String code, String sourceName, List<String> argv);

    /** The user-facing text of an error (with a Java stack trace when the session is in debug mode). */
    String format(TdlError error);

    /** Flushes and releases what the session holds (profile tables are printed here). */
    default void close() {}

    /** Builds a host for one run of the command line. */
    @FunctionalInterface
    interface Factory {
        ScriptHost create(HostSettings settings);
    }
}
