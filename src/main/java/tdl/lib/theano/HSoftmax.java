package tdl.lib.theano;

import java.util.List;
import tdl.graph.Variable;
import tdl.graph.ops.Index;
import tdl.graph.ops.TensorOps;
import tdl.interp.Args;
import tdl.interp.Runtime;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * theano.tensor.nnet.h_softmax(x, batch_size, n_outputs, n_classes, n_outputs_per_class, W1, b1,
 * W2, b2, target=None): Theano 1.0's two-level hierarchical softmax, composed as its source
 * composes it. Without target: every output's probability, (batch_size, n_outputs). With target:
 * the probability of each row's target, (batch_size,); Theano's sparse_block_dot of the target's
 * class block is written here as W2[target_classes] batched with x, the same products.
 */
final class HSoftmax {
    private HSoftmax() {}

    static Object hSoftmax(Runtime rt, Args a) {
        a.check(10, "x", "batch_size", "n_outputs", "n_classes", "n_outputs_per_class", "W1", "b1", "W2", "b2", "target");
        TensorOps t = Symbolic.ops(rt);
        Variable x = TensorModule.arg(rt, a, 0, "x");
        Variable batch = TensorModule.arg(rt, a, 1, "batch_size"), nOut = TensorModule.arg(rt, a, 2, "n_outputs");
        Variable nClasses = TensorModule.arg(rt, a, 3, "n_classes"), perClass = TensorModule.arg(rt, a, 4, "n_outputs_per_class");
        Variable w1 = TensorModule.arg(rt, a, 5, "W1"), b1 = TensorModule.arg(rt, a, 6, "b1");
        Variable w2 = TensorModule.arg(rt, a, 7, "W2"), b2 = TensorModule.arg(rt, a, 8, "b2");
        Object targetArg = a.get(9, "target", null);
        if (x.rank() != 2 || w1.rank() != 2 || b1.rank() != 1 || w2.rank() != 3 || b2.rank() != 2) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "h_softmax: x must be a matrix, W1 a matrix, b1 a vector, W2 a 3-tensor "
                    + "(n_classes, dim_x, n_outputs_per_class) and b2 a matrix (n_classes, n_outputs_per_class); got "
                    + x.type() + ", " + w1.type() + ", " + b1.type() + ", " + w2.type() + ", " + b2.type());
        }
        for (Variable n : List.of(batch, nOut, nClasses, perClass)) {
            if (n.rank() != 0 || n.dtype().isFloat()) {
                throw new TdlError(ErrorKind.TYPE_ERROR, "h_softmax: batch_size, n_outputs, n_classes and n_outputs_per_class are integers, got " + n.type());
            }
        }
        Variable classProbs = t.softmax(t.add(t.dot(x, w1), b1));
        Variable minusOne = t.constant(-1L);
        if (targetArg == null) {
            Variable act = t.add(t.tensordot(x, w2, new int[] {1}, new int[] {1}), b2);
            Variable probs = t.softmax(t.reshape(act, List.of(minusOne, perClass)));
            probs = t.reshape(probs, List.of(batch, nClasses, minusOne));
            probs = t.mul(t.dimshuffle(classProbs, 0, 1, -1), probs);
            probs = t.reshape(probs, List.of(batch, minusOne));
            return t.subtensor(probs, List.of(new Index.All(), new Index.Range(null, nOut, null)));
        }
        Variable target = Symbolic.lift(rt, targetArg, "h_softmax() argument 'target'");
        if (target.dtype().isFloat()) throw new TdlError(ErrorKind.TYPE_ERROR, "h_softmax: target must hold integers, got " + target.type());
        target = t.flatten(target, 1);
        Variable targetClasses = t.intDiv(target, perClass), inClass = t.mod(target, perClass);
        // row b: x[b] . W2[class_b] + b2[class_b]
        Variable blocks = t.subtensor(w2, List.of(new Index.Vector(targetClasses)));
        Variable act = t.add(t.batchedDot(x, blocks), t.subtensor(b2, List.of(new Index.Vector(targetClasses))));
        Variable outProbs = t.softmax(act);
        Variable rows = t.arange(batch);
        Variable classP = t.subtensor(classProbs, List.of(new Index.Vector(rows), new Index.Vector(targetClasses)));
        Variable outP = t.subtensor(outProbs, List.of(new Index.Vector(rows), new Index.Vector(inClass)));
        return t.mul(classP, outP);
    }
}
