/**
 * Ops: the symbolic side of every tensor operation (output types and gradient), as records with
 * value equality, and {@link tdl.graph.ops.TensorOps}, the facade that builds graphs.
 *
 * <p>Conventions other packages rely on:
 * <ul>
 * <li>Broadcasting is decided at run time, so every broadcasting op's gradient is wrapped in
 *     {@link tdl.graph.ops.SumToShapeOp}; a rewrite may remove it when it proves the gradient and
 *     the input have equal shapes.</li>
 * <li>Composites (mean, var, std, relu, outer, stack, zeros_like, crossentropies) are built from
 *     primitives, so only primitives have gradient rules.</li>
 * <li>A null gradient means "no gradient flows" (integer or bool inputs, indices, predicates);
 *     an op without a rule throws GraphError "GradientError".</li>
 * <li>{@link tdl.graph.ops.IfElseOp} is lazy in Eager; its kernel receives both branches, so a plan
 *     that evaluates every node computes both.</li>
 * </ul>
 */
package tdl.graph.ops;
