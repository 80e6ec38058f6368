package tdl.api;

import tdl.syntax.ast.Module;

/** Code parsed once by {@link TdlSession#compile}, run as often as needed in that session. */
public final class TdlScript {
    private final TdlSession session;
    private final Module module;

    TdlScript(TdlSession session, Module module) {
        this.session = session;
        this.module = module;
    }

    /** Runs the code in the session's globals; the value of a final expression statement, else null. */
    public Object run() { return session.toJava(session.runParsed(module)); }

    /** Runs and converts the final value to {@code type}. */
    public <T> T run(Class<T> type) { return session.toJava(session.runParsed(module), type); }

    /** Runs in a session other than the one that compiled the code (the parse is reused). */
    public Object runIn(TdlSession other) { return other.toJava(other.runParsed(module)); }

    public TdlSession session() { return session; }
}
