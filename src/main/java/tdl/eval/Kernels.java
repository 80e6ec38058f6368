package tdl.eval;

import tdl.vocab.ErrorKind;
import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.GraphError;
import tdl.graph.NDArray;
import tdl.graph.Op;
import tdl.graph.Variable;
import tdl.graph.ops.ARangeOp;
import tdl.graph.ops.AdvancedSubtensor1Op;
import tdl.graph.ops.AdvancedSubtensorOp;
import tdl.graph.ops.AllocOp;
import tdl.graph.ops.ArgReduceOp;
import tdl.graph.ops.BatchedDotOp;
import tdl.graph.ops.CastOp;
import tdl.graph.ops.DimShuffleOp;
import tdl.graph.ops.Conv2dOp;
import tdl.graph.ops.DotOp;
import tdl.graph.ops.Pool2dOp;
import tdl.graph.ops.ElemwiseOp;
import tdl.graph.ops.EyeOp;
import tdl.graph.ops.FlattenOp;
import tdl.graph.ops.FusedElemwiseOp;
import tdl.graph.ops.GradModifierOp;
import tdl.graph.ops.IfElseOp;
import tdl.graph.ops.IncSubtensorOp;
import tdl.graph.ops.JoinOp;
import tdl.graph.ops.MaskIndexOp;
import tdl.graph.ops.RandomOp;
import tdl.graph.ops.ReduceOp;
import tdl.graph.ops.ReshapeOp;
import tdl.graph.ops.ShapeOp;
import tdl.graph.ops.SoftmaxOp;
import tdl.graph.ops.SubtensorOp;
import tdl.graph.ops.SumToShapeOp;
import tdl.graph.ops.ArgSortOp;
import tdl.graph.ops.CholeskyOp;
import tdl.graph.ops.DetOp;
import tdl.graph.ops.MatrixInverseOp;
import tdl.graph.ops.SolveOp;
import tdl.graph.ops.BincountOp;
import tdl.graph.ops.CumOp;
import tdl.graph.ops.PutAlongAxisOp;
import tdl.graph.ops.RepeatOp;
import tdl.graph.ops.SpecifyShapeOp;
import tdl.graph.ops.TakeAlongAxisOp;

/** Picks the kernel for a node. Kernels capture the node so run-time errors can blame it. */
public final class Kernels {
    private Kernels() {}

    /** The kernel of a node outside a compiled function (no op with an inner graph gets there). */
    public static Kernel forApply(Apply node) {
        return forApply(node, InnerCompiler.NONE);
    }

    /**
     * The kernel of a node; an op with an inner graph compiles it through {@code inner}. A node with
     * a float32 input or output whose kernel is not {@link Float32Native} gets a {@link Float32Adaptor}
     * around it: this is the one place where that is decided.
     */
    public static Kernel forApply(Apply node, InnerCompiler inner) {
        Kernel k = kernelOf(node, inner);
        if (k instanceof Float32Native || !touchesFloat32(node)) return k;
        if (k instanceof MultiKernel) {
            throw new GraphError(ErrorKind.NOT_IMPLEMENTED_ERROR, "op " + node.op().name()
                    + " has several outputs and no float32 kernel", "compute it in float64 (T.cast to 'float64')", node);
        }
        return new Float32Adaptor(k, node.inputs().size(), node.outputs().get(0).dtype() == DType.FLOAT32);
    }

    /** Declares a kernel that is storage-agnostic (it copies through copyAs/cast and reads only integer inputs) Float32Native. */
    private static Float32Native native32(Kernel k) {
        return k::run;
    }

    private static boolean touchesFloat32(Apply node) {
        for (Variable v : node.inputs()) if (v.dtype() == DType.FLOAT32) return true;
        for (Variable v : node.outputs()) if (v.dtype() == DType.FLOAT32) return true;
        return false;
    }

    private static Kernel kernelOf(Apply node, InnerCompiler inner) {
        Op op = node.op();
        if (op instanceof KernelFactory f) return f.kernel(node, inner);
        // common ops before rare ones: in a fresh JVM each instanceof against an op class not loaded
        // yet loads it from the jar, which the first compile paid for every rare op passed on the way
        // float32 nodes: the float kernels (float lanes, float[] storage), so they skip the adaptor's widening
        if (op instanceof ElemwiseOp) return FloatFusedKernel.serves(node) ? FloatFusedKernel.single(node, inner.team()) : new ElemwiseKernel(node, inner.team());
        if (op instanceof FusedElemwiseOp) return node.output().dtype() == DType.FLOAT32 ? FloatFusedKernel.fused(node, inner.team()) : new FusedKernel(node, inner.team());
        if (op instanceof DotOp) return FloatDotKernel.serves(node) ? new FloatDotKernel(node, inner.team()) : new DotKernel(node, inner.team());
        if (op instanceof BatchedDotOp) return new BatchedDotKernel(node, inner.team());
        if (op instanceof GradModifierOp) return (Float32Native) (in, reuse) -> copyNative(in[0], reuse);
        if (op instanceof tdl.graph.ops.PrintOp p) return (Float32Native) (in, reuse) -> {
            NDArray out = copyNative(in[0], reuse);
            p.sink().show(p, out); // Theano's perform: the output is set, then global_fn sees the value
            return out;
        };
        if (op instanceof Conv2dOp) return new ConvKernel(node, inner.team());
        if (op instanceof Pool2dOp) return new PoolKernel(node, inner.team());
        if (op instanceof ReduceOp) return FloatReduceKernel.serves(node) ? new FloatReduceKernel(node) : new ReduceKernel(node);
        if (op instanceof ArgReduceOp) return ShapeKernels.argReduce(node);
        if (op instanceof CastOp c) return (Float32Native) (in, reuse) -> cast(in[0], c.to(), reuse);
        if (op instanceof SumToShapeOp) return ShapeKernels.sumToShape(node);
        if (op instanceof DimShuffleOp d) {
            // a matrix transpose (a scan's hoisted W.T) as a blocked copy; any other pattern gathers floats itself
            return d.pattern().equals(java.util.List.of(1, 0)) ? new TransposeKernel(node, inner.team()) : native32(ShapeKernels.dimshuffle(node));
        }
        if (op instanceof SubtensorOp || op instanceof AdvancedSubtensor1Op || op instanceof AdvancedSubtensorOp
                || op instanceof IncSubtensorOp) {
            IndexKernel k = new IndexKernel(node);
            // reads gather floats themselves: a minibatch of a float32 data set must not widen the whole set
            return k.readsOnly() ? (Float32Native) k::run : k;
        }
        if (op instanceof RandomOp) return FloatBernoulliKernel.serves(node) ? new FloatBernoulliKernel(node, inner.team()) : new RandomKernel(node, inner.team());
        // copies and choices handle floats themselves (copyAs, cast): no widening for them
        if (op instanceof ReshapeOp) return native32(ShapeKernels.reshape(node));
        if (op instanceof FlattenOp) return native32(ShapeKernels.flatten(node));
        if (op instanceof ShapeOp) {
            Kernel k = ShapeKernels.shape(); // reads only the shape: nothing to widen
            return (Float32Native) k::run;
        }
        if (op instanceof JoinOp) return ShapeKernels.join(node);
        if (op instanceof AllocOp) return ShapeKernels.alloc(node);
        if (op instanceof EyeOp) return ShapeKernels.eye(node);
        if (op instanceof ARangeOp) return ShapeKernels.arange(node);
        if (op instanceof MaskIndexOp m) return ShapeKernels.maskIndex(node, m.axis(), m.offset());
        if (op instanceof SoftmaxOp) return ShapeKernels.softmax(node);
        if (op instanceof IfElseOp) return native32(ShapeKernels.ifelse(node));
        if (op instanceof CumOp) return ExtraKernels.cum(node);
        if (op instanceof MatrixInverseOp) return LinalgKernels.inverse(node);
        if (op instanceof DetOp) return LinalgKernels.det(node);
        if (op instanceof SolveOp) return LinalgKernels.solve(node);
        if (op instanceof CholeskyOp) return LinalgKernels.cholesky(node);
        if (op instanceof tdl.graph.ops.PinvOp) return LinalgKernels.pinv(node);
        if (op instanceof tdl.graph.ops.EighOp e) return LinalgKernels.decomposition(node, in -> Decompositions.eigh(in, e.lower(), e.vectors()));
        if (op instanceof tdl.graph.ops.DecompositionOp d) return LinalgKernels.decomposition(node, switch (d.kind()) {
            case SVD -> in -> Decompositions.svd(in, d.full(), !d.onlyValues());
            case EIG -> in -> Decompositions.eig(in, true);
            case QR -> in -> Decompositions.qr(in, d.onlyValues() ? "r" : d.full() ? "complete" : "reduced");
        });
        if (op instanceof RepeatOp) return ExtraKernels.repeat(node);
        if (op instanceof BincountOp) return ExtraKernels.bincount(node);
        if (op instanceof SpecifyShapeOp) return native32(ExtraKernels.specifyShape(node));
        if (op instanceof tdl.graph.ops.AlignCheckOp) return ExtraKernels.alignCheck(node);
        if (op instanceof tdl.graph.ops.SplitCheckOp) return ExtraKernels.splitCheck(node);
        if (op instanceof tdl.graph.ops.ChoiceCheckOp) return ExtraKernels.choiceCheck(node);
        if (op instanceof tdl.graph.ops.ShapeHintOp) return ExtraKernels.shapeHint(node);
        if (op instanceof tdl.graph.ops.DivisibleAxisOp) return ExtraKernels.divisibleAxis(node);
        if (op instanceof tdl.graph.ops.BroadcastCheckOp) return ExtraKernels.broadcastCheck(node);
        if (op instanceof tdl.graph.ops.NeibsCheckOp) return ExtraKernels.neibsCheck(node);
        if (op instanceof ArgSortOp) return ExtraKernels.argsort(node);
        if (op instanceof TakeAlongAxisOp) return ExtraKernels.takeAlongAxis(node);
        if (op instanceof PutAlongAxisOp) return ExtraKernels.putAlongAxis(node);
        throw new GraphError(ErrorKind.NOT_IMPLEMENTED_ERROR, "no kernel for op " + op.name(), null, node);
    }

    /**
     * {@code reuse} when it has this dtype and shape and double storage, else a new zero array stored
     * as doubles (wide for float32: a float64 kernel computes in it and its adaptor narrows).
     */
    public static NDArray output(NDArray reuse, DType dtype, int[] shape) {
        if (reuse != null && reuse.dtype() == dtype && !reuse.isFloats() && reuse.sameShape(shape)) return reuse;
        return NDArray.zerosWide(dtype, shape);
    }

    /** For {@link Float32Native} kernels: {@code reuse} when it fits, with its dtype's own storage, else a new zero array. */
    public static NDArray nativeOutput(NDArray reuse, DType dtype, int[] shape) {
        if (reuse != null && reuse.dtype() == dtype && reuse.isFloats() == (dtype == DType.FLOAT32) && reuse.sameShape(shape)) return reuse;
        return NDArray.zeros(dtype, shape);
    }

    static GraphError broadcastError(Apply node, String what, int[] a, int[] b) {
        return new GraphError(ErrorKind.SHAPE_ERROR, "shapes " + NDArray.shapeString(a) + " and " + NDArray.shapeString(b)
                + " cannot be broadcast together (operands of " + what + ")",
                "dimensions must be equal or 1, aligned from the right; check the shapes of the operands", node);
    }

    static GraphError shapeError(Apply node, String message, String hint) {
        return new GraphError(ErrorKind.SHAPE_ERROR, message, hint, node);
    }

    /** T.cast / astype, on either storage (a Float32Native kernel: the result has its dtype's own storage). */
    static NDArray cast(NDArray x, DType to, NDArray reuse) {
        NDArray out = nativeOutput(reuse, to, x.shape());
        int n = x.size();
        if (to.isFloat()) NDArray.copy(x, 0, out, 0, n); // float32's rounding is its storage's
        else {
            double[] o = out.data();
            for (int i = 0; i < n; i++) o[i] = to.coerce(x.get(i));
        }
        return out;
    }

    /** A copy of {@code x} with its own storage (the identity ops: gradient modifiers). */
    static NDArray copyNative(NDArray x, NDArray reuse) {
        NDArray out = nativeOutput(reuse, x.dtype(), x.shape());
        NDArray.copy(x, 0, out, 0, x.size());
        return out;
    }

    /**
     * A copy of {@code x} into a reused or new buffer of the given shape (same size and dtype), with
     * x's kind of storage: floats for a float32 x (a native caller), doubles otherwise (wide inside
     * the adaptor).
     */
    static NDArray copyAs(NDArray x, DType dtype, int[] shape, NDArray reuse) {
        NDArray out = x.isFloats() ? nativeOutput(reuse, dtype, shape) : output(reuse, dtype, shape);
        if (!out.sharesStorage(x)) NDArray.copy(x, 0, out, 0, x.size());
        return out;
    }

    /** An integer scalar input as an int (sizes, indices). */
    static long intValue(NDArray a) { return (long) a.get(0); }
}
