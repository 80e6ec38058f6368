package tdl.syntax.ast;

import java.util.List;
import tdl.syntax.SourceText;

/** A parsed unit: a file, a REPL entry or a -e string. */
public record Module(SourceText source, List<Stmt> body) {}
