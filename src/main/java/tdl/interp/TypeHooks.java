package tdl.interp;

import tdl.vocab.Operator;

/**
 * How the interpreter treats a Java value type it does not know itself (host arrays, symbolic
 * variables, compiled functions, random streams ...). Library code registers one per class with
 * {@link Runtime#registerHooks}. Every method may return {@link #UNSUPPORTED} to let the
 * interpreter report a TypeError (or try the other operand).
 */
public interface TypeHooks {
    Object UNSUPPORTED = new Object() {
        @Override public String toString() { return "UNSUPPORTED"; }
    };

    /**
     * When a binary operator has operands of two hooked types, the hooks with the higher priority
     * handle it (symbolic variables outrank host arrays, which outrank numbers), like numpy's
     * __array_priority__.
     */
    default int priority() { return 0; }

    /** The Python type name for messages and type(): "ndarray", "TensorVariable", ... */
    String typeName(Object self);

    default Object getAttr(Runtime rt, Object self, String name) { return UNSUPPORTED; }

    default Object setAttr(Runtime rt, Object self, String name, Object value) { return UNSUPPORTED; }

    /**
     * A binary operator (arithmetic, bitwise, a rich comparison, or IN with the container as
     * {@code b}); a or b is the hooked value.
     */
    default Object binary(Runtime rt, Operator op, Object a, Object b) { return UNSUPPORTED; }

    /** The augmented assignment a op= b on the hooked value a; UNSUPPORTED means a = a op b. */
    default Object inPlace(Runtime rt, Operator op, Object a, Object b) { return UNSUPPORTED; }

    /** NEG, POS, INVERT or ABS (abs()). */
    default Object unary(Runtime rt, Operator op, Object a) { return UNSUPPORTED; }

    /** index: Long, SliceValue, TdlTuple of those, null (newaxis), a host array or a symbolic variable. */
    default Object getItem(Runtime rt, Object self, Object index) { return UNSUPPORTED; }

    default Object setItem(Runtime rt, Object self, Object index, Object value) { return UNSUPPORTED; }

    /** Python truth value; may throw a TdlError (symbolic comparisons have none). */
    default boolean truth(Runtime rt, Object self) { return true; }

    /** len(self), or -1 when it has none. */
    default long length(Runtime rt, Object self) { return -1; }

    /** The items for iteration (a for loop over a host array yields its rows), or null. */
    default Iterable<Object> iterate(Runtime rt, Object self) { return null; }

    /** str(self) / print(self). */
    String str(Runtime rt, Object self);

    /** repr(self) and the REPL's echo. */
    default String repr(Runtime rt, Object self) { return str(rt, self); }

    /** Called as a function, or UNSUPPORTED. */
    default Object call(Runtime rt, Object self, Args args) { return UNSUPPORTED; }

    /** What type(self) answers (numpy's scalar types are np.float32 ...), or null for the class named by typeName. */
    default Object typeObject(Runtime rt, Object self) { return null; }

    /** isinstance(value, self) when self is a type this library defines (np.float32), or null when it is not a type. */
    default Boolean instanceCheck(Runtime rt, Object self, Object value) { return null; }

    /**
     * What format(self, spec) and str.format format in self's place (numpy formats a 0-d array as
     * the Python number it holds, whatever the spec); self by default. May refuse the spec.
     */
    default Object formatted(Runtime rt, Object self, String spec) { return self; }

    /** Names for dir() and REPL completion. */
    default java.util.List<String> attributeNames(Object self) { return java.util.List.of(); }
}
