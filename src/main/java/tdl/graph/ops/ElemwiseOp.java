package tdl.graph.ops;

import tdl.vocab.ErrorKind;
import java.util.ArrayList;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.GraphError;
import tdl.graph.Op;
import tdl.graph.TensorType;
import tdl.graph.Variable;

/**
 * A scalar function mapped over its inputs with numpy broadcasting (decided at run time from the
 * actual shapes). Output rank is the largest input rank (trailing dimensions align); output dtype
 * follows numpy/Theano: predicates give bool, true division and transcendental functions of
 * integers give float64, other arithmetic upcasts.
 */
public record ElemwiseOp(Scalar scalar) implements Op {

    @Override
    public String name() { return "Elemwise{" + scalar.pyName() + "}"; }

    @Override
    public List<TensorType> outputTypes(List<TensorType> in) {
        if (in.size() != scalar.arity()) {
            throw new GraphError(ErrorKind.TYPE_ERROR, scalar.pyName() + " takes " + scalar.arity() + " argument(s), got " + in.size());
        }
        int rank = 0;
        for (TensorType t : in) rank = Math.max(rank, t.rank());
        return List.of(new TensorType(outDtype(scalar, in), rank));
    }

    /** The numpy result dtype of {@code s} on inputs of these types. */
    static DType outDtype(Scalar s, List<TensorType> in) {
        if (s.isPredicate()) return DType.BOOL;
        switch (s) {
            case SWITCH: return DType.upcast(in.get(1).dtype(), in.get(2).dtype());
            case TRUE_DIV: case EXP: case LOG: case LOG1P: case SQRT: case TANH: case SIGMOID: case SOFTPLUS:
            case SIN: case COS: case INV: {
                DType d = upcastAll(in);
                return d.isFloat() ? d : DType.FLOAT64;
            }
            default: {
                DType d = upcastAll(in);
                // arithmetic on bools counts, as numpy's sum does
                return d == DType.BOOL ? DType.INT64 : d;
            }
        }
    }

    private static DType upcastAll(List<TensorType> in) {
        DType d = in.get(0).dtype();
        for (int i = 1; i < in.size(); i++) d = DType.upcast(d, in.get(i).dtype());
        return d;
    }

    /**
     * One rule per scalar function; every input gradient is summed back to that input's shape with
     * {@link SumToShapeOp}, because broadcasting is only known at run time (the rewrite phase may
     * drop it when it proves the shapes equal).
     */
    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        Variable g = outputGrads.get(0);
        List<Variable> in = node.inputs();
        List<Variable> res = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) res.add(null);
        if (g == null || scalar.isPredicate() || !node.output().dtype().isFloat()) return res;
        TensorOps t = new TensorOps(node::origin);
        Variable out = node.output();
        Variable x = in.get(0);
        Variable y = in.size() > 1 ? in.get(1) : null;
        switch (scalar) {
            case NEG -> res.set(0, t.neg(g));
            case ABS -> res.set(0, t.mul(g, t.sgn(x)));
            case EXP -> res.set(0, t.mul(g, out));
            case LOG -> res.set(0, t.trueDiv(g, x));
            case LOG1P -> res.set(0, t.trueDiv(g, t.add(x, 1.0)));
            case SQRT -> res.set(0, t.trueDiv(g, t.mul(out, 2.0)));
            case SQR -> res.set(0, t.mul(g, t.mul(x, 2.0)));
            case TANH -> res.set(0, t.mul(g, t.sub(1.0, t.sqr(out))));
            case SIGMOID -> res.set(0, t.mul(g, t.mul(out, t.sub(1.0, out))));
            case SOFTPLUS -> res.set(0, t.mul(g, t.sigmoid(x)));
            case SIN -> res.set(0, t.mul(g, t.elemwise(Scalar.COS, x)));
            case COS -> res.set(0, t.neg(t.mul(g, t.elemwise(Scalar.SIN, x))));
            case INV -> res.set(0, t.neg(t.mul(g, t.sqr(out))));
            case FLOOR, CEIL, ROUND, SGN -> res.set(0, t.zerosLike(x));
            case ADD -> { res.set(0, g); res.set(1, g); }
            case SUB -> { res.set(0, g); res.set(1, t.neg(g)); }
            case MUL -> { res.set(0, t.mul(g, y)); res.set(1, t.mul(g, x)); }
            case TRUE_DIV -> {
                res.set(0, t.trueDiv(g, y));
                res.set(1, t.neg(t.trueDiv(t.mul(g, out), y)));
            }
            case INT_DIV -> { res.set(0, t.zerosLike(x)); res.set(1, t.zerosLike(y)); }
            case MOD -> { // x mod y = x - floor(x/y)*y
                res.set(0, g);
                res.set(1, t.neg(t.mul(g, t.floor(t.trueDiv(x, y)))));
            }
            case POW -> { // d/dx x^y = y x^(y-1); d/dy = x^y log x (0 where x = 0 and out = 0)
                res.set(0, t.mul(g, t.mul(y, t.pow(x, t.sub(y, 1.0)))));
                res.set(1, t.mul(g, t.mul(out, t.switchOp(t.eq(x, 0.0), t.constant(x.dtype(), 0), t.log(x)))));
            }
            case MAXIMUM, MINIMUM -> {
                // the gradient goes to the chosen input (x on ties)
                Variable pickX = scalar == Scalar.MAXIMUM ? t.ge(x, y) : t.le(x, y);
                res.set(0, t.switchOp(pickX, g, t.constant(g.dtype(), 0)));
                res.set(1, t.switchOp(pickX, t.constant(g.dtype(), 0), g));
            }
            case SWITCH -> {
                res.set(1, t.switchOp(x, g, t.constant(g.dtype(), 0)));
                res.set(2, t.switchOp(x, t.constant(g.dtype(), 0), g));
            }
            case CLIP -> {
                Variable lo = in.get(1), hi = in.get(2);
                Variable inside = t.and(t.ge(x, lo), t.le(x, hi));
                res.set(0, t.switchOp(inside, g, t.constant(g.dtype(), 0)));
                res.set(1, t.switchOp(t.lt(x, lo), g, t.constant(g.dtype(), 0)));
                res.set(2, t.switchOp(t.gt(x, hi), g, t.constant(g.dtype(), 0)));
            }
            default -> throw new GraphError(ErrorKind.GRADIENT_ERROR, "not differentiable: " + name());
        }
        for (int i = 0; i < in.size(); i++) {
            Variable gi = res.get(i);
            if (gi == null) continue;
            if (!in.get(i).dtype().isFloat()) { res.set(i, null); continue; }
            res.set(i, t.sumToShape(gi, in.get(i)));
        }
        return res;
    }
}
