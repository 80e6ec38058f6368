package tdl.function;

import java.util.ArrayList;
import java.util.List;
import tdl.eval.Kernel;
import tdl.grad.JacobianOp;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.Variable;
import tdl.rewrite.Pipeline;
import tdl.rewrite.RewriteLog;

/**
 * Runs a {@link JacobianOp}: its inner graph (the gradient of y[i]) is rewritten and planned once,
 * then run for i = 0 .. len(y)-1 per call, each row copied into the stacked output. Inputs are
 * y, then the values of the inner graph's leaves in the op's order.
 */
final class InnerGraphKernel implements Kernel {
    private final Plan inner;
    private final NDArray[] innerArgs;
    private final NDArray index = NDArray.scalar(DType.INT64, 0);
    private final int outRank;

    InnerGraphKernel(JacobianOp op, Pipeline pipeline) {
        List<Variable> inputs = new ArrayList<>();
        inputs.add(op.index());
        inputs.addAll(op.innerInputs());
        List<Variable> out = pipeline.run(List.of(op.innerOutput()), new RewriteLog());
        this.inner = Plan.build(inputs, out);
        this.innerArgs = new NDArray[inputs.size()];
        this.outRank = op.innerOutput().rank() + 1;
    }

    @Override
    public NDArray run(NDArray[] inputs, NDArray reuse) {
        int n = inputs[0].dim(0);
        System.arraycopy(inputs, 1, innerArgs, 1, inputs.length - 1);
        innerArgs[0] = index;
        NDArray result = null;
        int rowSize = 0;
        for (int i = 0; i < n; i++) {
            index.data()[0] = i;
            NDArray row = inner.run(innerArgs)[0];
            if (result == null) {
                int[] shape = new int[row.rank() + 1];
                shape[0] = n;
                System.arraycopy(row.shape(), 0, shape, 1, row.rank());
                result = reuse != null && reuse.sameShape(shape) && reuse.dtype() == row.dtype()
                        ? reuse : NDArray.zeros(row.dtype(), shape);
                rowSize = row.size();
            }
            System.arraycopy(row.data(), 0, result.data(), i * rowSize, rowSize);
        }
        inner.release();
        if (result == null) result = NDArray.zeros(DType.FLOAT64, new int[outRank]); // len(y) = 0: no rows
        return result;
    }
}
