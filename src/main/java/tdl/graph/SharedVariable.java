package tdl.graph;

import java.util.concurrent.locks.ReentrantLock;
import tdl.vocab.ErrorKind;
/**
 * A variable whose value lives between calls of compiled functions ({@code theano.shared}).
 * Its type (dtype, rank) is fixed at creation; {@link #setValue} enforces it.
 */
public final class SharedVariable extends Variable {
    private volatile NDArray value;
    private final ReentrantLock lock;

    public SharedVariable(NDArray value, String name) {
        this(value, name, new ReentrantLock());
    }

    /**
     * A shared variable guarded by {@code lock}: a session gives all its shared variables one lock,
     * so a compiled call reads and updates them atomically with respect to every other function.
     */
    public SharedVariable(NDArray value, String name, ReentrantLock lock) {
        super(value.type(), null, 0, name);
        this.value = value;
        this.lock = lock;
    }

    /** What a compiled call holds while it reads this variable and stores its updates. */
    public ReentrantLock lock() { return lock; }

    /** The stored array itself (borrow=True semantics): callers that hand it to users copy it. */
    public NDArray value() { return value; }

    /** Stores {@code v} as the new value (not copied); rank and dtype must match. Waits for a compiled call using it. */
    public void setValue(NDArray v) {
        lock.lock();
        try {
            store(v);
        } finally {
            lock.unlock();
        }
    }

    private void store(NDArray v) {
        if (v.rank() != rank()) {
            throw new GraphError(ErrorKind.TYPE_ERROR, "set_value of shared variable '" + this + "': expected rank " + rank()
                    + ", got an array of shape " + NDArray.shapeString(v.shape()),
                    "pass an array with the same number of dimensions as the initial value");
        }
        if (v.dtype() != dtype()) {
            if (dtype().isFloat() && !(v.dtype().isFloat() && v.dtype().ordinal() > dtype().ordinal())) {
                v = v.astype(dtype());
            } else {
                throw new GraphError(ErrorKind.TYPE_ERROR, "set_value of shared variable '" + this + "': expected dtype "
                        + dtype().pyName() + ", got " + v.dtype().pyName(), "convert the value with .astype('" + dtype().pyName() + "')");
            }
        }
        this.value = v;
    }
}
