/**
 * The vocabulary every layer shares, as types rather than strings: {@link tdl.vocab.ErrorKind}
 * (Python's exception hierarchy), {@link tdl.vocab.Operator} (Python's operators with their
 * method names, from the parser to the ops) and {@link tdl.vocab.OnUnused} (function's on_unused_input and
 * grad's disconnected_inputs). It sits below {@code tdl.syntax} and {@code tdl.graph} so the
 * parser, the graph and the interpreter name the same things the same way; it imports nothing.
 */
package tdl.vocab;
