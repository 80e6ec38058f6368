package tdl.graph;

import java.util.concurrent.locks.ReentrantLock;
import tdl.vocab.ErrorKind;
/**
 * A variable whose value lives between calls of compiled functions ({@code theano.shared}).
 * Its type (dtype, rank) is fixed at creation; {@link #setValue} enforces it, and the axes a
 * {@code broadcastable} pattern marks must stay of length 1. The value sits in a cell that
 * {@link #cloneSharingValue clones} share, as Theano's SharedVariable.clone shares its container.
 */
public final class SharedVariable extends Variable {
    /**
     * Which of Theano's shared constructors would take the initial value: an array gives a
     * TensorSharedVariable, a Python number a ScalarSharedVariable, anything else (a list) the
     * generic SharedVariable. It decides only the class scripts see (type(), isinstance).
     */
    public enum Kind { TENSOR, SCALAR, GENERIC }

    /**
     * The storage a variable and its clones share, with the filter flags Theano keeps on the
     * container: {@code theano.shared(v, strict=, allow_downcast=)} decide what set_value accepts.
     */
    private static final class Cell {
        volatile NDArray value;
        final boolean strict;
        final Boolean allowDowncast;

        Cell(NDArray value, boolean strict, Boolean allowDowncast) {
            this.value = value;
            this.strict = strict;
            this.allowDowncast = allowDowncast;
        }
    }

    private final Cell cell;
    private final ReentrantLock lock;
    private final Kind kind;

    public SharedVariable(NDArray value, String name) {
        this(value, name, new ReentrantLock());
    }

    /**
     * A shared variable guarded by {@code lock}: a session gives all its shared variables one lock,
     * so a compiled call reads and updates them atomically with respect to every other function.
     */
    public SharedVariable(NDArray value, String name, ReentrantLock lock) {
        this(new Cell(value, false, null), value.type(), name, lock, Kind.TENSOR, null);
    }

    /** As above, with the class scripts see and an optional broadcastable pattern (checked against the value). */
    public SharedVariable(NDArray value, String name, ReentrantLock lock, Kind kind, boolean[] broadcastable) {
        this(value, name, lock, kind, broadcastable, false, null);
    }

    /** As above, with Theano's set_value filter flags ({@code strict}, {@code allow_downcast}: null, true or false). */
    public SharedVariable(NDArray value, String name, ReentrantLock lock, Kind kind, boolean[] broadcastable,
                          boolean strict, Boolean allowDowncast) {
        this(new Cell(value, strict, allowDowncast), value.type(), name, lock, kind, broadcastable);
        checkPattern(value, "theano.shared");  // before anyone can see it
    }

    private SharedVariable(Cell cell, TensorType type, String name, ReentrantLock lock, Kind kind, boolean[] broadcastable) {
        super(type, null, 0, name, broadcastable);
        this.cell = cell;
        this.lock = lock;
        this.kind = kind;
    }

    /** A new variable (a distinct graph node) over the same value: setting either's value sets both. */
    public SharedVariable cloneSharingValue() {
        return new SharedVariable(cell, type(), name(), lock, kind, broadcastable());
    }

    /** What a compiled call holds while it reads this variable and stores its updates. */
    public ReentrantLock lock() { return lock; }

    public Kind kind() { return kind; }

    /** theano.shared(strict=True): set_value takes only an ndarray of exactly this dtype. */
    public boolean strict() { return cell.strict; }

    /** theano.shared(allow_downcast=...): Theano's three-valued flag for set_value's filter (null by default). */
    public Boolean allowDowncast() { return cell.allowDowncast; }

    /** The stored array itself (borrow=True semantics): callers that hand it to users copy it. */
    public NDArray value() { return cell.value; }

    /** Stores {@code v} as the new value (not copied); rank and dtype must match. Waits for a compiled call using it. */
    public void setValue(NDArray v) {
        lock.lock();
        try {
            store(v);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Throws unless every axis the broadcastable pattern marks has length 1 in {@code v}: Theano's
     * TensorType.filter refuses such a value in the constructor, set_value and updates alike.
     */
    public void checkPattern(NDArray v, String what) {
        if (fitsPattern(v)) return;  // the message is built only for a failure: updates pass here on every call
        checkPattern(v, "shared variable '" + this + "' (" + what + ")",
                "give a value of length 1 on that axis, or make the shared variable without broadcastable=");
    }

    private void store(NDArray v) {
        if (v.rank() != rank()) {
            throw new GraphError(ErrorKind.TYPE_ERROR, "set_value of shared variable '" + this + "': expected rank " + rank()
                    + ", got an array of shape " + NDArray.shapeString(v.shape()),
                    "pass an array with the same number of dimensions as the initial value");
        }
        checkPattern(v, "set_value");
        if (v.dtype() != dtype()) {
            if (dtype().isFloat() && !(v.dtype().isFloat() && v.dtype().ordinal() > dtype().ordinal())) {
                v = v.astype(dtype());
            } else {
                throw new GraphError(ErrorKind.TYPE_ERROR, "set_value of shared variable '" + this + "': expected dtype "
                        + dtype().pyName() + ", got " + v.dtype().pyName(), "convert the value with .astype('" + dtype().pyName() + "')");
            }
        }
        cell.value = v;
    }
}
