package tdl.interp;

import tdl.vocab.ErrorKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import tdl.syntax.Parser;
import tdl.syntax.SourcePos;
import tdl.syntax.SourceText;
import tdl.syntax.TdlError;
import tdl.syntax.ast.Module;
import tdl.syntax.ast.Stmt;

/**
 * import / from-import: a {@code name.tdl} beside the importing file wins (run once per session),
 * else a built-in module registered under the dotted name.
 */
final class Imports {
    private final Interpreter in;

    Imports(Interpreter in) { this.in = in; }

    void importStmt(Stmt.Import i, Scope sc) {
        TdlModule m = load(i.module(), sc, i.pos());
        if (i.alias() != null) { sc.assign(i.alias(), m); return; }
        int dot = i.module().indexOf('.');
        if (dot < 0) { sc.assign(i.module(), m); return; }
        String head = i.module().substring(0, dot);
        sc.assign(head, load(head, sc, i.pos()));
    }

    void fromImport(Stmt.FromImport f, Scope sc) {
        TdlModule m = load(f.module(), sc, f.pos());
        for (int k = 0; k < f.names().size(); k++) {
            String name = f.names().get(k);
            if (name.equals("*")) {
                for (Map.Entry<String, Object> e : m.members().entrySet()) {
                    if (!e.getKey().startsWith("_")) sc.assign(e.getKey(), e.getValue());
                }
                continue;
            }
            Object v = m.members().getOrDefault(name, Scope.MISSING);
            if (v == Scope.MISSING) {
                TdlModule sub = in.modules.get(m.name() + "." + name);
                if (sub == null) sub = fileModule(m.name() + "." + name, sc);
                if (sub == null) {
                    throw new TdlError(ErrorKind.IMPORT_ERROR, "cannot import name '" + name + "' from '" + m.name() + "'", f.pos(),
                            Access.hint(name, m.members().keySet()));
                }
                v = sub;
            }
            String alias = f.aliases() == null || f.aliases().size() <= k || f.aliases().get(k) == null ? name : f.aliases().get(k);
            sc.assign(alias, v);
        }
    }

    /** The module named {@code dotted}, loading a .tdl (else .py) file beside the importing file first. */
    TdlModule load(String dotted, Scope sc, SourcePos pos) {
        TdlModule m = fileModule(dotted, sc);
        if (m != null) return m;
        m = in.modules.get(dotted);
        if (m != null) return m;
        String prefix = dotted + ".";
        for (String k : in.modules.keySet()) {
            if (k.startsWith(prefix)) {
                TdlModule pkg = new TdlModule(dotted);
                in.modules.put(dotted, pkg);
                return pkg;
            }
        }
        TreeSet<String> known = new TreeSet<>(in.modules.keySet());
        throw new TdlError(ErrorKind.IMPORT_ERROR, "No module named '" + dotted + "'", pos,
                "known modules: " + String.join(", ", known) + "; or put " + dotted.replace('.', '/')
                        + ".tdl (or .py) beside the script");
    }

    private TdlModule fileModule(String dotted, Scope sc) {
        Object file = sc.globals.get("__file__");
        Path dir = file instanceof String f ? Path.of(f).toAbsolutePath().getParent() : in.workingDirectory();
        if (dir == null) return null;
        // name.tdl first, then name.py: Theano scripts import their helpers (load.py, utils.py) as they are
        Path checked = null;
        for (String ext : new String[] {".tdl", ".py"}) {
            Path candidate = dir.resolve(dotted.replace('.', '/') + ext).normalize();
            Path p;
            try {
                p = in.resolvePath(candidate.toString(), false);
            } catch (TdlError e) {
                return null; // file access is off or confined elsewhere: only built-in modules
            }
            if (Files.isRegularFile(p)) {
                checked = p;
                break;
            }
        }
        if (checked == null) return null;
        TdlModule cached = in.fileModules.get(checked);
        if (cached != null) return cached;
        String text;
        try {
            text = tdl.syntax.SourceText.decodeUtf8(Files.readAllBytes(checked), checked.toString());
        } catch (IOException e) {
            throw new TdlError(ErrorKind.IMPORT_ERROR, "cannot read " + checked + ": " + e.getMessage());
        }
        Module module = Parser.parse(new SourceText(checked.toString(), text));
        Map<String, Object> globals = new HashMap<>();
        globals.put("__name__", dotted);
        globals.put("__file__", checked.toString());
        TdlModule m = new TdlModule(dotted, globals);
        in.fileModules.put(checked, m);
        try {
            in.executor.runModule(module, Scope.module(globals), false);
        } catch (RuntimeException e) {
            in.fileModules.remove(checked);
            throw e;
        }
        return m;
    }
}
