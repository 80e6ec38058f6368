/**
 * The symbolic graph: {@link tdl.graph.Variable}, {@link tdl.graph.Apply}, {@link tdl.graph.Op},
 * {@link tdl.graph.TensorType}, run-time {@link tdl.graph.NDArray} values, and the pure graph
 * utilities every pass shares: {@link tdl.graph.GraphWalk} (iterative topological order and
 * leaves: deep graphs cannot overflow the stack) and {@link tdl.graph.Rebuild} (cloning with
 * replacements). An op that runs a graph of its own (scan) declares it as an
 * {@link tdl.graph.InnerGraph}. It imports nothing of ours but {@code tdl.vocab}, and no EJML.
 */
package tdl.graph;
