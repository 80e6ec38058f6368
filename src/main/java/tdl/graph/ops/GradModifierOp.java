package tdl.graph.ops;

import java.util.ArrayList;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.GraphError;
import tdl.graph.Op;
import tdl.graph.TensorType;
import tdl.graph.Variable;
import tdl.vocab.ErrorKind;

/**
 * theano.gradient's view ops: the value passes through unchanged, the gradient is altered.
 * {@code zero_grad} and {@code consider_constant} give a zero gradient (the input stays connected);
 * {@code disconnected_grad} cuts the path (grad then reports a disconnected input, as Theano);
 * {@code grad_clip(x, lo, hi)} clips the gradient to [lo, hi]; {@code grad_scale(x, k)} multiplies
 * it by k; {@code x.copy()} (Theano's tensor_copy) leaves it alone, a distinct variable that can be
 * named. {@code function} removes these nodes before planning (they compute nothing).
 */
public record GradModifierOp(Kind kind, double a, double b) implements Op {
    public enum Kind {
        ZERO("ZeroGrad"), CONSIDER_CONSTANT("ConsiderConstant"), DISCONNECTED("DisconnectedGrad"), CLIP("GradClip"), SCALE("GradScale"),
        // x.copy(): Theano's tensor_copy, a new variable whose value and gradient pass through
        COPY("Elemwise{identity}");

        private final String opName;

        Kind(String opName) { this.opName = opName; }
    }

    public GradModifierOp {
        if (kind == Kind.CLIP && !(a <= b)) {
            throw new GraphError(ErrorKind.VALUE_ERROR, "grad_clip: the lower bound " + a + " is above the upper bound " + b);
        }
    }

    public static GradModifierOp of(Kind kind) { return new GradModifierOp(kind, 0, 0); }

    @Override
    public String name() {
        return switch (kind) {
            case CLIP -> "GradClip{" + a + ", " + b + "}";
            case SCALE -> "GradScale{" + a + "}";
            default -> kind.opName;
        };
    }

    @Override
    public List<TensorType> outputTypes(List<TensorType> in) {
        Ops.arity(kind.opName, in, 1);
        return List.of(in.get(0));
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable g = outputGrads.get(0);
        List<Variable> res = new ArrayList<>();
        res.add(null);
        if (g == null || !node.inputs().get(0).dtype().isFloat()) return res;
        TensorOps t = new TensorOps(node::origin);
        res.set(0, switch (kind) {
            case ZERO, CONSIDER_CONSTANT -> t.zerosLike(g);
            case DISCONNECTED -> null; // and Grad does not count the path as connected
            case CLIP -> t.clip(g, t.constant(g.dtype(), a), t.constant(g.dtype(), b));
            case SCALE -> t.mul(g, t.constant(g.dtype(), a));
            case COPY -> g;
        });
        return res;
    }

    // written out, not generated: cold-compile speed (see Op)
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof GradModifierOp that
                && java.util.Objects.equals(kind, that.kind)
                && Double.compare(a, that.a) == 0
                && Double.compare(b, that.b) == 0;
    }

    @Override
    public int hashCode() {
        int h = java.util.Objects.hashCode(kind);
        h = 31 * h + Double.hashCode(a);
        h = 31 * h + Double.hashCode(b);
        return h;
    }
}
