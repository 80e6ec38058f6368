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
 * Several float64 elementwise functions computed in one pass (Theano's Composite): a straight-line
 * program whose instructions read the op's inputs or earlier instructions' results; the last
 * instruction is the output. Made by the fusion phase after gradients are taken, so it has none.
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

    @Override
    public List<TensorType> outputTypes(List<TensorType> in) {
        int rank = 0;
        for (TensorType t : in) {
            if (t.dtype() != DType.FLOAT64) throw new GraphError(ErrorKind.TYPE_ERROR, name() + " takes float64 inputs, got " + t);
            rank = Math.max(rank, t.rank());
        }
        return List.of(new TensorType(DType.FLOAT64, rank));
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
