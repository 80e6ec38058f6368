package tdl.interp;

import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * What {@code property(fget, fset)} and {@code @property} / {@code @x.setter} leave in a class body:
 * reading the attribute on an instance calls fget(self), assigning calls fset(self, value)
 * (see {@link Access}); reached through the class it is the property itself.
 */
record Property(Object fget, Object fset, Object doc) {
    Object get(Interpreter in, TdlInstance self, String name) {
        if (fget == null) {
            throw new TdlError(ErrorKind.ATTRIBUTE_ERROR, "property '" + name + "' of '" + self.cls.name + "' object has no getter");
        }
        return in.protocol.call(fget, java.util.Arrays.asList(self), null, null);
    }

    void set(Interpreter in, TdlInstance self, String name, Object value) {
        if (fset == null) {
            throw new TdlError(ErrorKind.ATTRIBUTE_ERROR, "property '" + name + "' of '" + self.cls.name + "' object has no setter",
                    "add one with @" + name + ".setter, or store the value under another name");
        }
        in.protocol.call(fset, java.util.Arrays.asList(self, value), null, null);
    }

    /** prop.setter / prop.getter (decorators giving a copy with that function), fget, fset, __doc__. */
    Object attribute(String name) {
        return switch (name) {
            case "setter" -> new Builtin("setter", (rt, a) -> new Property(fget, a.check(1).get(0, "fset"), doc));
            case "getter" -> new Builtin("getter", (rt, a) -> new Property(a.check(1).get(0, "fget"), fset, doc));
            case "fget" -> fget;
            case "fset" -> fset;
            case "__doc__" -> doc;
            default -> Scope.MISSING;
        };
    }
}
