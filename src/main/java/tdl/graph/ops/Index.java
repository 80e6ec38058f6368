package tdl.graph.ops;

import tdl.graph.Variable;

/** One entry of an index expression as a script writes it; {@link TensorOps#subtensor} picks the op. */
public sealed interface Index {
    /** x[i] (i an integer scalar; negative counts from the end). */
    record Scalar(Variable i) implements Index {}

    /** x[lo:hi:step]; absent parts are null. */
    record Range(Variable lo, Variable hi, Variable step) implements Index {}

    /** x[:] on one axis. */
    record All() implements Index {}

    /** x[None]: a new size-1 axis. */
    record NewAxis() implements Index {}

    /** x[ivec], x[imatrix]: an integer array index of any rank (numpy advanced indexing). */
    record Vector(Variable v) implements Index {}

    /** x[mask]: a boolean array covering x's leading axes; read as mask.nonzero(), as numpy does. */
    record Mask(Variable mask) implements Index {}

    All ALL = new All();
    NewAxis NEW_AXIS = new NewAxis();
}
