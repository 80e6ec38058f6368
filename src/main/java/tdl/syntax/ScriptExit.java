package tdl.syntax;

import tdl.vocab.ErrorKind;

/**
 * {@code sys.exit(code)} / {@code exit()}: a SystemExit that carries Python's exit status. None or
 * nothing is status 0, an int is that status, anything else is printed (to stderr) with status 1.
 * The command line exits with {@link #status()}; an embedding application gets this error and
 * reads the status (the JVM never exits).
 */
public final class ScriptExit extends TdlError {
    private final int status;
    private final String text;

    /** {@code text} is what to print (null for none). */
    public ScriptExit(int status, String text) {
        super(ErrorKind.SYSTEM_EXIT, text != null ? text : String.valueOf(status));
        this.status = status;
        this.text = text;
    }

    /** The process exit status Python would use. */
    public int status() { return status; }

    /** What Python prints on exit (the non-int argument), or null. */
    public String text() { return text; }
}
