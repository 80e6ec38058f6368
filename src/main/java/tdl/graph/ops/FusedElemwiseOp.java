package tdl.graph.ops;

import tdl.vocab.ErrorKind;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.GraphError;
import tdl.graph.Op;
import tdl.graph.TensorType;
import tdl.graph.Variable;

/**
 * Several float elementwise functions computed in one pass (Theano's Composite): a straight-line
 * program whose instructions read the op's inputs or earlier instructions' results; the last
 * instruction is the output. Made by the fusion phase after gradients are taken, so it has none.
 * Every instruction has the output's dtype: float64 (inputs float64, with at least one, or of a
 * dtype float64 holds exactly: float32, bool and integers up to int32, as Python's constants are) or
 * float32 (inputs float32 or of a dtype float32 holds exactly: bool, int8, int16, uint8).
 */
public record FusedElemwiseOp(List<Instr> program) implements Op {
    /** {@code scalar} applied to {@code args}: an arg >= 0 is an input index, -1 - i is instruction i. */
    public record Instr(Scalar scalar, int[] args) {}

    public FusedElemwiseOp {
        program = List.copyOf(program);
    }

    /** The encoding of instruction {@code i} as an argument. */
    public static int ref(int i) { return -1 - i; }

    @Override
    public String name() { return "Fused{" + render(program.size() - 1) + "}"; }

    private String render(int i) {
        Instr in = program.get(i);
        StringBuilder sb = new StringBuilder(in.scalar().pyName()).append('(');
        for (int k = 0; k < in.args().length; k++) {
            int a = in.args()[k];
            if (k > 0) sb.append(", ");
            sb.append(a >= 0 ? "i" + a : render(-1 - a));
        }
        return sb.append(')').toString();
    }

    /** Whether an elementwise function with these input dtypes and this result can be an instruction. */
    public static boolean fusable(DType out, List<DType> in) {
        if (out != DType.FLOAT64 && out != DType.FLOAT32) return false;
        for (DType d : in) if (out == DType.FLOAT64 ? !exactInFloat64(d) : !exactInFloat32(d)) return false;
        return true;
    }

    /**
     * float64 and the dtypes whose every value float64 holds exactly (float32: the 0.5 of
     * {@code x * 0.5}, which Theano's autocasting makes a float32 constant; bool, int8, uint8, int16,
     * int32: the 0 of {@code T.maximum(x, 0)}): an instruction reads them widened, as an unfused node
     * does (float32 arrays through the kernels' float32 adaptor). int64 is left out (beyond 2^53 a
     * double does not hold it).
     */
    public static boolean exactInFloat64(DType d) {
        return d == DType.FLOAT64 || d == DType.FLOAT32 || d == DType.BOOL || d == DType.INT8 || d == DType.UINT8
                || d == DType.INT16 || d == DType.INT32;
    }

    /** float32 and the dtypes whose every value float32 holds exactly. */
    public static boolean exactInFloat32(DType d) {
        return d == DType.FLOAT32 || d == DType.BOOL || d == DType.INT8 || d == DType.INT16 || d == DType.UINT8;
    }

    @Override
    public List<TensorType> outputTypes(List<TensorType> in) {
        int rank = 0;
        boolean wide = false;
        for (TensorType t : in) {
            wide |= t.dtype() == DType.FLOAT64;
            rank = Math.max(rank, t.rank());
        }
        DType out = wide ? DType.FLOAT64 : DType.FLOAT32;
        for (TensorType t : in) {
            if (!fusable(out, List.of(t.dtype()))) {
                throw new GraphError(ErrorKind.TYPE_ERROR, name() + " takes float64 inputs, or float32 ones (with bool and"
                        + " small integers), got " + t);
            }
        }
        return List.of(new TensorType(out, rank));
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        throw new GraphError(ErrorKind.GRADIENT_ERROR, "fused elementwise ops are made after differentiation and have no gradient: "
                + name(), "take gradients of the expression before compiling it");
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FusedElemwiseOp f) || f.program.size() != program.size()) return false;
        for (int i = 0; i < program.size(); i++) {
            Instr a = program.get(i), b = f.program.get(i);
            if (a.scalar() != b.scalar() || !java.util.Arrays.equals(a.args(), b.args())) return false;
        }
        return true;
    }

    @Override
    public int hashCode() { return name().hashCode(); }
}
