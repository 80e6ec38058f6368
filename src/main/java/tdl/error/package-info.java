/**
 * The vocabulary of errors shared by every layer: {@link tdl.error.ErrorKind}, Python's exception
 * hierarchy as an enum. It sits below {@code tdl.syntax} and {@code tdl.graph} so that both error
 * types (positions in syntax, blamed nodes in graph) carry the same kinds; it imports nothing.
 */
package tdl.error;
