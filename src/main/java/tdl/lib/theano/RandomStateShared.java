package tdl.lib.theano;

import java.util.List;
import tdl.graph.ops.RandomCounter;
import tdl.interp.Runtime;
import tdl.interp.TdlCallable;
import tdl.interp.TdlTuple;
import tdl.interp.TypeHooks;
import tdl.lib.numpy.RandomState;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * One random draw's generator state, as Theano's RandomStreams gives every draw its own
 * RandomStateSharedVariable ({@code rv.rng}) holding a numpy RandomState. Here the RandomState
 * supplies the draw's evaluation keys (64 bits per evaluation; the numbers of the evaluation come
 * from TDL's counter-based generator keyed by them), so {@code rv.rng.get_value()} and
 * {@code set_value} save, restore, copy and reseed a stream as in Theano, though the numbers drawn
 * are TDL's, not numpy's.
 */
final class RandomStateShared implements RandomCounter.KeySource {
    private RandomState state;
    // the state before the running call (made on the first call, then reused: calls allocate nothing)
    private RandomState marked;
    private final String kind;
    final RandomCounter counter = new RandomCounter(this);
    /** Theano's {@code new_r}: the state after an evaluation, the second half of the draw's update pair. */
    final NewState update = new NewState(this);

    RandomStateShared(RandomState state, String kind) {
        this.state = state;
        this.kind = kind;
    }

    @Override
    public synchronized long next() { return state.nextUint64(); }

    @Override
    public synchronized long peek() { return state.copy().nextUint64(); }

    @Override
    public synchronized void mark() {
        if (marked == null) marked = new RandomState(0L);
        state.copyStateTo(marked);
    }

    @Override
    public synchronized void rollback() {
        if (marked != null) marked.copyStateTo(state);
    }

    /** get_value(borrow): the state itself with borrow=True (changing it changes the stream, as in Theano), else a deep copy. */
    synchronized RandomState get(boolean borrow) { return borrow ? state : state.copy(); }

    synchronized void set(RandomState s, boolean borrow) { state = borrow ? s : s.copy(); }

    String kind() { return kind; }

    /** The pair Theano keeps as {@code rv.update} and lists in {@code srng.updates()}. */
    TdlTuple updatePair() { return TdlTuple.of(this, update); }

    /** {@code new_r}: only meaningful as the value of this rng in function(updates=...). */
    record NewState(RandomStateShared rng) {}

    static final class Hooks implements TypeHooks {
        @Override public String typeName(Object self) { return "RandomStateSharedVariable"; }

        /** Theano's str of an unnamed variable: its type in angle brackets. */
        @Override public String str(Runtime rt, Object self) { return "<RandomStateType>"; }

        @Override
        public Object getAttr(Runtime rt, Object self, String name) {
            RandomStateShared s = (RandomStateShared) self;
            return switch (name) {
                case "get_value" -> (TdlCallable) (r, a) -> s.get(r.truth(a.check(1, "borrow", "return_internal_type").get(0, "borrow", false)));
                case "set_value" -> (TdlCallable) (r, a) -> {
                    Object v = a.check(2, "new_value", "borrow").get(0, "new_value");
                    if (!(v instanceof RandomState rs)) {
                        // Theano's RandomStateType.filter takes only a numpy RandomState
                        throw new TdlError(ErrorKind.TYPE_ERROR, "a random stream's state must be a np.random.RandomState, got " + r.typeName(v),
                                "set it to np.random.RandomState(seed), or to what rv.rng.get_value() returned");
                    }
                    s.set(rs, r.truth(a.get(1, "borrow", false)));
                    return null;
                };
                case "name", "owner" -> null;
                case "default_update" -> s.update;
                default -> UNSUPPORTED;
            };
        }

        @Override
        public List<String> attributeNames(Object self) { return List.of("get_value", "set_value", "name", "owner", "default_update"); }
    }

    static final class NewStateHooks implements TypeHooks {
        @Override public String typeName(Object self) { return "Variable"; }

        /** Theano's str of an op's output: the op, then the output index. */
        @Override public String str(Runtime rt, Object self) { return "RandomFunction{" + ((NewState) self).rng().kind() + "}.0"; }
    }
}
