package tdl.interp;

/**
 * What {@code @classmethod} and {@code @staticmethod} leave in a class body: the function, and how
 * attribute access binds it (to the class it is reached through, or to nothing). Plain functions
 * in a class bind to the instance instead; see {@link Access#getAttr}.
 */
record MethodDescriptor(Object function, boolean classMethod) {
    /** The value an attribute read gives: a method bound to {@code cls}, or the bare function. */
    Object bindTo(TdlClass cls) {
        return classMethod ? new BoundMethod(cls, function) : function;
    }

    String typeName() { return classMethod ? "classmethod" : "staticmethod"; }
}
