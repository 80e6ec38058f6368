package tdl.graph.ops;

import java.util.ArrayList;
import java.util.List;
import tdl.graph.Apply;
import tdl.graph.NDArray;
import tdl.graph.Op;
import tdl.graph.TensorType;
import tdl.graph.Variable;

/**
 * theano.printing.Print: the identity, which shows its input each time it is computed. What
 * "shows" means is the {@link Sink}'s business (a session's stdout, or a script's {@code global_fn}),
 * as Theano's op holds {@code global_fn} among its properties: two Prints are equal (and merged)
 * only when message, attrs and sink agree. The gradient is the output gradient, as Theano's
 * {@code Print.grad}. Never constant-folded ({@link #hasSideEffects}): the print belongs to each call.
 */
public record PrintOp(String message, List<String> attrs, Sink sink) implements Op {
    /** Where a Print's value goes when the node runs; compared by identity unless it says otherwise. */
    @FunctionalInterface
    public interface Sink {
        void show(PrintOp op, NDArray value);
    }

    public PrintOp {
        attrs = List.copyOf(attrs);
    }

    @Override
    public String name() {
        // Theano's __props__ str without global_fn, whose text is a memory address
        StringBuilder b = new StringBuilder("Print{message=").append(pyRepr(message)).append(", attrs=(");
        for (int i = 0; i < attrs.size(); i++) b.append(i > 0 ? ", " : "").append(pyRepr(attrs.get(i)));
        return b.append(attrs.size() == 1 ? ",)}" : ")}").toString();
    }

    @Override
    public List<TensorType> outputTypes(List<TensorType> in) {
        Ops.arity("Print", in, 1);
        return List.of(in.get(0));
    }

    @Override
    public List<Variable> grad(Apply node, List<Variable> outputGrads) {
        List<Variable> res = new ArrayList<>();
        res.add(outputGrads.get(0));
        return res;
    }

    @Override
    public boolean hasSideEffects() { return true; }

    /** Python's repr of a str: single quotes unless the text has one and no double quote. */
    static String pyRepr(String s) {
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder b = new StringBuilder().append(q);
        for (char c : s.toCharArray()) {
            if (c == q || c == '\\') b.append('\\').append(c);
            else if (c == '\n') b.append("\\n");
            else if (c == '\t') b.append("\\t");
            else b.append(c);
        }
        return b.append(q).toString();
    }

    // written out, not generated: cold-compile speed (see Op)
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof PrintOp that && message.equals(that.message) && attrs.equals(that.attrs)
                && sink.equals(that.sink);
    }

    @Override
    public int hashCode() {
        return (message.hashCode() * 31 + attrs.hashCode()) * 31 + sink.hashCode();
    }
}
