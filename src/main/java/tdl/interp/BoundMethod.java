package tdl.interp;

/** A function bound to its receiver: {@code obj.method} (also the receiver of super()). */
record BoundMethod(Object self, Object function) {
    @Override
    public String toString() { return "<bound method " + function + ">"; }
}
