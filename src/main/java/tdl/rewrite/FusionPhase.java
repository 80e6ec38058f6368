package tdl.rewrite;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.GraphWalk;
import tdl.graph.Rebuild;
import tdl.graph.Variable;
import tdl.graph.ops.ElemwiseOp;
import tdl.graph.ops.FusedElemwiseOp;
import tdl.graph.ops.Scalar;

/**
 * Elementwise fusion: a tree of float64 (or of float32) elementwise nodes whose inner results are read only inside
 * the tree becomes one {@link FusedElemwiseOp}, computed in one pass over memory (e.g.
 * {@code sigmoid(dot(v, W) + hbias)} or the one-neuron cost {@code sqr(t - (w * p + b))}). A result
 * read twice, or a function output, stays its own node, so nothing is computed twice. Elementwise
 * functions of the same operands give the same numbers fused or not: the kernel evaluates the
 * same scalar functions per element in the same order.
 */
public final class FusionPhase implements Phase {
    public static final String RULE = "FuseElemwise";

    @Override
    public String name() { return "fuse"; }

    @Override
    public Phase without(Set<String> names) {
        return names.contains(name()) || names.contains(RULE) ? new LocalPhase(name(), List.of()) : this;
    }

    @Override
    public List<Variable> run(List<Variable> outputs, RewriteLog log) {
        List<Apply> order = GraphWalk.toposort(outputs);
        Map<Variable, Integer> clients = GraphWalk.clientCounts(order);
        Set<Variable> results = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        results.addAll(outputs);
        Map<Variable, Apply> reader = new IdentityHashMap<>();
        for (Apply a : order) for (Variable in : a.inputs()) reader.put(in, a);
        Map<Variable, Variable> memo = new IdentityHashMap<>();
        for (Apply a : order) {
            Apply b = Rebuild.withMappedInputs(a, memo);
            if (fusable(a) && !absorbed(a.output(), clients, results, reader)) {
                Builder tree = new Builder(clients, results, memo);
                tree.emit(a);
                // a float64 program takes its dtype from a float64 input (the others are integers it widens)
                boolean typed = a.output().dtype() != DType.FLOAT64 || tree.inputs.stream().anyMatch(v -> v.dtype() == DType.FLOAT64);
                if (tree.program.size() > 1 && typed) {
                    Apply fused = Apply.make(new FusedElemwiseOp(tree.program), tree.inputs, a.origin());
                    if (a.output().name() != null) fused.output().setName(a.output().name());
                    log.fired(RULE);
                    memo.put(a.output(), fused.output());
                    continue;
                }
            }
            for (int i = 0; i < a.outputs().size(); i++) {
                if (b != a) memo.put(a.outputs().get(i), b.outputs().get(i));
            }
        }
        return Rebuild.map(outputs, memo);
    }

    static boolean fusable(Apply a) {
        if (!(a.op() instanceof ElemwiseOp e)) return false;
        Scalar s = e.scalar();
        if (s.arity() > 2 || s.isPredicate()) return false;
        List<DType> in = new ArrayList<>(a.inputs().size());
        for (Variable v : a.inputs()) in.add(v.dtype());
        return FusedElemwiseOp.fusable(a.output().dtype(), in);
    }

    /** Whether {@code v}'s only reader is a fusable node, which will take v's node into its tree. */
    private static boolean absorbed(Variable v, Map<Variable, Integer> clients, Set<Variable> results,
                                    Map<Variable, Apply> reader) {
        return !results.contains(v) && clients.getOrDefault(v, 0) == 1 && fusable(reader.get(v));
    }

    /** Flattens one tree into a program, its leaves (mapped to the rewritten graph) into inputs. */
    private static final class Builder {
        final List<FusedElemwiseOp.Instr> program = new ArrayList<>();
        final List<Variable> inputs = new ArrayList<>();
        private final Map<Variable, Integer> clients;
        private final Set<Variable> results;
        private final Map<Variable, Variable> memo;

        Builder(Map<Variable, Integer> clients, Set<Variable> results, Map<Variable, Variable> memo) {
            this.clients = clients;
            this.results = results;
            this.memo = memo;
        }

        /** Emits {@code a}'s instruction after those of the inner nodes it absorbs; returns its ref. */
        int emit(Apply a) {
            List<Variable> ins = a.inputs();
            int[] args = new int[ins.size()];
            for (int k = 0; k < args.length; k++) {
                Variable v = ins.get(k);
                Apply owner = v.owner();
                boolean inner = owner != null && fusable(owner) && !results.contains(v) && clients.getOrDefault(v, 0) == 1;
                args[k] = inner ? emit(owner) : leaf(memo.getOrDefault(v, v));
            }
            program.add(new FusedElemwiseOp.Instr(((ElemwiseOp) a.op()).scalar(), args));
            return FusedElemwiseOp.ref(program.size() - 1);
        }

        private int leaf(Variable v) {
            for (int i = 0; i < inputs.size(); i++) if (inputs.get(i) == v) return i;
            inputs.add(v);
            return inputs.size() - 1;
        }
    }
}
