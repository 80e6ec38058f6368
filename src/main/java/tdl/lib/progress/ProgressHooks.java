package tdl.lib.progress;

import tdl.interp.Runtime;
import tdl.interp.TypeHooks;

/** A progress-wrapped iterable iterates like what it wraps. */
final class ProgressHooks implements TypeHooks {
    @Override
    public String typeName(Object self) { return "progress"; }

    @Override
    public Iterable<Object> iterate(Runtime rt, Object self) { return (ProgressIterable) self; }

    @Override
    public long length(Runtime rt, Object self) { return ((ProgressIterable) self).size(); }

    @Override
    public String str(Runtime rt, Object self) { return "<progress over " + ((ProgressIterable) self).size() + " items>"; }
}
