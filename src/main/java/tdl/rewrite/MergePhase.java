package tdl.rewrite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tdl.graph.Apply;
import tdl.graph.Constant;
import tdl.graph.DType;
import tdl.graph.GraphWalk;
import tdl.graph.Op;
import tdl.graph.Rebuild;
import tdl.graph.Variable;

/**
 * Common-subexpression elimination: constants with equal dtype, shape and values become one
 * constant; then, inputs first, nodes with an equal op (ops have value equality) applied to the
 * identical inputs become one node. Stochastic ops are never merged: two draws are two values.
 */
public final class MergePhase implements Phase {
    public static final String NAME = "merge";

    @Override
    public String name() { return NAME; }

    @Override
    public Phase without(Set<String> names) {
        return names.contains(NAME) ? new LocalPhase(NAME, List.of()) : this;
    }

    private record ConstKey(DType dtype, List<Integer> shape, double[] data) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ConstKey k && k.dtype == dtype && k.shape.equals(shape) && Arrays.equals(k.data, data);
        }

        @Override
        public int hashCode() { return dtype.hashCode() * 31 + shape.hashCode() * 17 + Arrays.hashCode(data); }
    }

    private record NodeKey(Op op, List<Variable> inputs) {
        // inputs compare by identity: Variable does not override equals. Written out, not
        // generated: cold-compile speed (see Op)
        @Override
        public boolean equals(Object o) {
            return o instanceof NodeKey k && k.op.equals(op) && k.inputs.equals(inputs);
        }

        @Override
        public int hashCode() { return op.hashCode() * 31 + inputs.hashCode(); }
    }

    @Override
    public List<Variable> run(List<Variable> outputs, RewriteLog log) {
        Map<Variable, Variable> memo = new IdentityHashMap<>();
        Map<ConstKey, Constant> constants = new HashMap<>();
        Map<NodeKey, Apply> nodes = new HashMap<>();
        List<Apply> order = GraphWalk.toposort(outputs);
        List<Variable> leaves = new ArrayList<>(outputs);
        for (Apply a : order) leaves.addAll(a.inputs());
        for (Variable v : leaves) {
            if (v instanceof Constant c && !memo.containsKey(c)) {
                ConstKey k = new ConstKey(c.dtype(), Arrays.stream(c.value().shape()).boxed().toList(), c.value().doubles());
                Constant first = constants.putIfAbsent(k, c);
                if (first != null && first != c) {
                    memo.put(c, first);
                    log.fired("MergeConstants");
                }
            }
        }
        for (Apply a : order) {
            Apply b = Rebuild.withMappedInputs(a, memo);
            if (!b.op().isStochastic()) {
                NodeKey key = new NodeKey(b.op(), b.inputs());
                Apply first = nodes.putIfAbsent(key, b);
                if (first != null && first.outputs().size() == b.outputs().size()) {
                    log.fired("MergeNodes");
                    b = first;
                }
            }
            for (int i = 0; i < a.outputs().size(); i++) {
                if (a.outputs().get(i) != b.outputs().get(i)) memo.put(a.outputs().get(i), b.outputs().get(i));
            }
        }
        return Rebuild.map(outputs, memo);
    }

    @Override
    public String toString() { return NAME; }
}
