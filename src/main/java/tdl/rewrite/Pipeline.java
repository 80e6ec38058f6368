package tdl.rewrite;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tdl.graph.Variable;

/**
 * THE list of rewrite phases {@code function} runs, in order (Theano's optimizer database, made
 * explicit instead of registered by side effect):
 * <ol>
 *   <li>merge — equal constants and equal subgraphs become one;</li>
 *   <li>canonicalize — drop the gradient-only view ops (zero_grad, grad_clip, ...), fold constants, sink and drop fills, drop sum_to_shape where shapes provably
 *       match ({@link ShapeFacts}); answer shapes from the inputs' shapes and drop the allocs they make
 *       useless ({@link ShapeInference}: {@link ShapeFromInputs}, {@link UselessAlloc}, {@link ZerosPlusToAlloc},
 *       {@link AllocInElemwise}, {@link DimShuffleOfFill}), so forward values read only for their shape die; simplify algebra (x*1, x+0, x-0, x/1, --x, 0*x and 0/x to zeros ({@link ZeroProductToZeros}), x/abs(x) to sgn(x)
 *       ({@link XOverAbsXToSign}), and factors that cancel
 *       in a product: {@link MulCanonizer}, also across a sum: {@link DistributeToCancel}); a softmax written by hand becomes
 *       softmax ({@link ExpOverSumExpToSoftmax}, as Theano's softmax_simplifier in its mul canonicalizer); products and
 *       quotients move into a switch's nonzero branch ({@link SinkIntoZeroSwitch}), so a switch's gradient is 0 where it picks 0;</li>
 *   <li>stabilize — numerically stable forms (softplus, log1p, sigmoid; sigmoids inside products; log-sum-exp;
 *       1 - erf(x) as erfc(x) and the like; log(erfc(x)) and its gradient's exp(-x^2) / erfc(x) past erfc's underflow),
 *       after canonicalize, because gradients only show these forms once their factors cancel;</li>
 *   <li>specialize — pick faster ops (transposed-operand dot);</li>
 *   <li>merge — again, for duplicates the rewrites produced;</li>
 *   <li>fuse — trees of float64 elementwise nodes become one fused loop ({@link FusionPhase});</li>
 *   <li>memory — ops that can keep less of what they compute, given who reads it, do so
 *       ({@link MemoryPhase}: a scan output read only at [-1] keeps its last step, not its history);</li>
 *   <li>inplace — slot for in-place computation of dead buffers (a later issue; empty now).</li>
 * </ol>
 */
public record Pipeline(List<Phase> phases) {
    public Pipeline {
        phases = List.copyOf(phases);
    }

    public static Pipeline standard() {
        return new Pipeline(List.of(
                new MergePhase(),
                new LocalPhase("canonicalize", List.of(
                        new DropGradModifiers(), new UselessSlice(), new FoldConstants(), new FillSink(), new UselessFill(), new UselessSumToShape(),
                        new ShapeFromInputs(), new UselessAlloc(), new ZerosPlusToAlloc(), new AllocInElemwise(), new DimShuffleOfFill(),
                        new MulByOne(), new AddZero(), new SubZero(), new DivByOne(), new DoubleNeg(), new ZeroProductToZeros(),
                        new MulCanonizer(), new DistributeToCancel(), new ExpOverSumExpToSoftmax(), new XOverAbsXToSign(), new SinkIntoZeroSwitch())),
                new LocalPhase("stabilize", List.of(
                        new LogOnePlusExpToSoftplus(), new LogSigmoidToSoftplus(), new Log1pNegSigmoid(), new ExpMinusOneToExpm1(),
                        new LogOnePlusToLog1p(), new OneMinusSigmoid(), new SigmoidInProducts(), new DistributeToCancel(),
                        new LogSoftmax(), new SoftmaxGradOfLog(), new LogSumExp(), new LogAddExp(), new ErfComplements(), new LogErfcAsymptotic(), new DoubleNeg())),
                new LocalPhase("specialize", List.of(new TransposedDot())),
                new MergePhase(),
                new FusionPhase(),
                new MemoryPhase(),
                new LocalPhase("inplace", List.of())));
    }

    /** No rewriting at all. */
    public static Pipeline none() { return new Pipeline(List.of()); }

    /** This pipeline with the named rewrites or phases switched off. */
    public Pipeline without(String... names) {
        List<Phase> kept = new ArrayList<>();
        for (Phase p : phases) kept.add(p.without(Set.of(names)));
        return new Pipeline(kept);
    }

    /** Runs every phase on the outputs; the result computes the same values, in the same order. */
    public List<Variable> run(List<Variable> outputs, RewriteLog log) {
        List<Variable> cur = outputs;
        for (Phase p : phases) cur = p.run(cur, log);
        return cur;
    }
}
