package tdl.syntax.ast;

import tdl.syntax.SourcePos;

/** A function parameter: plain (with optional default), *args (star) or **kwargs (doubleStar). */
public record Param(SourcePos pos, String name, Expr defaultValue, boolean star, boolean doubleStar) {}
