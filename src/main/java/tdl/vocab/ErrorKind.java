package tdl.vocab;

/**
 * The kinds of error a user can meet, mirroring Python's exception hierarchy (and Theano's and
 * numpy's additions) so that {@code except ValueError:} also catches a {@link #SHAPE_ERROR}. Every
 * error TDL raises carries one of these; nothing decides a kind from a message's text.
 * A parent is declared before its children.
 */
public enum ErrorKind {
    BASE_EXCEPTION("BaseException", null),
    SYSTEM_EXIT("SystemExit", BASE_EXCEPTION),
    KEYBOARD_INTERRUPT("KeyboardInterrupt", BASE_EXCEPTION),
    EXCEPTION("Exception", BASE_EXCEPTION),
    ARITHMETIC_ERROR("ArithmeticError", EXCEPTION),
    ZERO_DIVISION_ERROR("ZeroDivisionError", ARITHMETIC_ERROR),
    OVERFLOW_ERROR("OverflowError", ARITHMETIC_ERROR),
    FLOATING_POINT_ERROR("FloatingPointError", ARITHMETIC_ERROR),
    ASSERTION_ERROR("AssertionError", EXCEPTION),
    ATTRIBUTE_ERROR("AttributeError", EXCEPTION),
    IMPORT_ERROR("ImportError", EXCEPTION),
    MODULE_NOT_FOUND_ERROR("ModuleNotFoundError", IMPORT_ERROR),
    LOOKUP_ERROR("LookupError", EXCEPTION),
    INDEX_ERROR("IndexError", LOOKUP_ERROR),
    KEY_ERROR("KeyError", LOOKUP_ERROR),
    MEMORY_ERROR("MemoryError", EXCEPTION),
    NAME_ERROR("NameError", EXCEPTION),
    UNBOUND_LOCAL_ERROR("UnboundLocalError", NAME_ERROR),
    OS_ERROR("OSError", EXCEPTION),
    FILE_NOT_FOUND_ERROR("FileNotFoundError", OS_ERROR),
    FILE_EXISTS_ERROR("FileExistsError", OS_ERROR),
    PERMISSION_ERROR("PermissionError", OS_ERROR),
    TIMEOUT_ERROR("TimeoutError", OS_ERROR),
    NOT_A_DIRECTORY_ERROR("NotADirectoryError", OS_ERROR),
    IS_A_DIRECTORY_ERROR("IsADirectoryError", OS_ERROR),
    /** Python's io.UnsupportedOperation (also a ValueError there): reading a file opened for writing, and so on. */
    UNSUPPORTED_OPERATION("UnsupportedOperation", OS_ERROR),
    RUNTIME_ERROR("RuntimeError", EXCEPTION),
    RECURSION_ERROR("RecursionError", RUNTIME_ERROR),
    NOT_IMPLEMENTED_ERROR("NotImplementedError", RUNTIME_ERROR),
    /** A bug in TDL itself, never the user's mistake; the message says so. */
    INTERNAL_ERROR("InternalError", RUNTIME_ERROR),
    STOP_ITERATION("StopIteration", EXCEPTION),
    SYNTAX_ERROR("SyntaxError", EXCEPTION),
    INDENTATION_ERROR("IndentationError", SYNTAX_ERROR),
    TAB_ERROR("TabError", INDENTATION_ERROR),
    TYPE_ERROR("TypeError", EXCEPTION),
    VALUE_ERROR("ValueError", EXCEPTION),
    UNICODE_ERROR("UnicodeError", VALUE_ERROR),
    UNICODE_DECODE_ERROR("UnicodeDecodeError", UNICODE_ERROR),
    /** numpy's AxisError (a ValueError and an IndexError in numpy; a ValueError here). */
    AXIS_ERROR("AxisError", VALUE_ERROR),
    /** numpy.linalg.LinAlgError (a ValueError in numpy): singular or non-positive-definite matrices. */
    LINALG_ERROR("LinAlgError", VALUE_ERROR),
    /** Operands whose shapes do not fit (broadcasting, products, reshapes). */
    SHAPE_ERROR("ShapeError", VALUE_ERROR),
    DTYPE_ERROR("DTypeError", TYPE_ERROR),
    GRADIENT_ERROR("GradientError", EXCEPTION),
    DISCONNECTED_INPUT_ERROR("DisconnectedInputError", GRADIENT_ERROR),
    NOT_DIFFERENTIABLE_ERROR("NotDifferentiableError", GRADIENT_ERROR),
    /** Theano's theano.gof.fg.MissingInputError. */
    MISSING_INPUT_ERROR("MissingInputError", EXCEPTION),
    /** Theano's theano.compile.function_module.UnusedInputError. */
    UNUSED_INPUT_ERROR("UnusedInputError", EXCEPTION),
    /** Theano's theano.compile.debugmode.BadOptimization: DebugMode found a rewrite that changed a value. */
    BAD_OPTIMIZATION("BadOptimization", EXCEPTION),
    WARNING("Warning", EXCEPTION),
    USER_WARNING("UserWarning", WARNING),
    DEPRECATION_WARNING("DeprecationWarning", WARNING),
    RUNTIME_WARNING("RuntimeWarning", WARNING);

    private final String pyName;
    private final ErrorKind parent;

    ErrorKind(String pyName, ErrorKind parent) {
        this.pyName = pyName;
        this.parent = parent;
    }

    /** The Python name: "TypeError". */
    public String pyName() { return pyName; }

    /** The kind this one specialises, or null for BaseException. */
    public ErrorKind parent() { return parent; }

    /** Whether {@code except other:} catches this kind. */
    public boolean isA(ErrorKind other) {
        for (ErrorKind k = this; k != null; k = k.parent) if (k == other) return true;
        return false;
    }

    @Override
    public String toString() { return pyName; }
}
