package tdl.jsr223;

import java.util.List;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import tdl.api.Tdl;

/**
 * Makes TDL engines; found by {@code new ScriptEngineManager().getEngineByName("tdl")} through
 * META-INF/services. Engines from the manager have default settings; an application that runs
 * untrusted scripts makes its own factory with limits:
 * {@code new TdlScriptEngineFactory(Tdl.builder().noFileAccess().timeLimit(Duration.ofSeconds(5)))}.
 */
public final class TdlScriptEngineFactory implements ScriptEngineFactory {
    private static final List<String> NAMES = List.of("tdl", "TDL");
    private static final List<String> EXTENSIONS = List.of("tdl");
    private static final List<String> MIME_TYPES = List.of("application/x-tdl", "text/x-tdl");

    private final Tdl.Builder settings;

    /** The factory the ScriptEngineManager uses: default settings. */
    public TdlScriptEngineFactory() {
        this(Tdl.builder());
    }

    /** Engines with these settings (file access, time limit, seed); each engine gets its own session. */
    public TdlScriptEngineFactory(Tdl.Builder settings) {
        this.settings = settings;
    }

    @Override public String getEngineName() { return "TDL"; }

    @Override public String getEngineVersion() { return version(); }

    @Override public List<String> getExtensions() { return EXTENSIONS; }

    @Override public List<String> getMimeTypes() { return MIME_TYPES; }

    @Override public List<String> getNames() { return NAMES; }

    @Override public String getLanguageName() { return "TDL"; }

    @Override public String getLanguageVersion() { return version(); }

    @Override
    public Object getParameter(String key) {
        return switch (key) {
            case ScriptEngine.ENGINE -> getEngineName();
            case ScriptEngine.ENGINE_VERSION -> getEngineVersion();
            case ScriptEngine.NAME -> "tdl";
            case ScriptEngine.LANGUAGE -> getLanguageName();
            case ScriptEngine.LANGUAGE_VERSION -> getLanguageVersion();
            // one engine is one interpreter: not for concurrent use; separate engines are independent
            case "THREADING" -> null;
            default -> null;
        };
    }

    @Override
    public String getMethodCallSyntax(String obj, String m, String... args) {
        return obj + "." + m + "(" + String.join(", ", args) + ")";
    }

    @Override
    public String getOutputStatement(String toDisplay) {
        return "print(" + pyString(toDisplay) + ")";
    }

    @Override
    public String getProgram(String... statements) {
        return String.join("\n", statements) + "\n";
    }

    @Override
    public ScriptEngine getScriptEngine() {
        return new TdlScriptEngine(this, settings.build());
    }

    private static String pyString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'";
    }

    /** The jar's version as Maven recorded it; "dev" when running from classes. */
    private static String version() {
        String v = TdlScriptEngineFactory.class.getPackage().getImplementationVersion();
        if (v != null) return v;
        try (java.io.InputStream in = TdlScriptEngineFactory.class.getResourceAsStream("/META-INF/maven/tdl/tdl/pom.properties")) {
            if (in == null) return "dev";
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (java.io.IOException e) {
            return "dev";
        }
    }
}
