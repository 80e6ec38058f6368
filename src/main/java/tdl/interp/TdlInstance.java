package tdl.interp;

import java.util.LinkedHashMap;
import java.util.Map;

/** An instance of a TDL class (exceptions included: their message args live in attribute "args"). */
public final class TdlInstance {
    final TdlClass cls;
    final Map<String, Object> attrs = new LinkedHashMap<>();
    /** For an exception caught from TDL itself: the original error, re-raised as is by a bare raise. */
    tdl.syntax.TdlError origin;

    TdlInstance(TdlClass cls) {
        this.cls = cls;
    }

    public TdlClass cls() { return cls; }

    public Map<String, Object> attributes() { return attrs; }
}
