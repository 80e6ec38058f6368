package tdl.function;

import java.util.ArrayList;
import java.util.List;
import tdl.eval.MultiKernel;
import tdl.grad.ScanOp;
import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.GraphError;
import tdl.graph.NDArray;
import tdl.graph.Variable;
import tdl.rewrite.Pipeline;
import tdl.rewrite.RewriteLog;

/**
 * Runs a {@link ScanOp}: the body is rewritten and planned once, then run once per step. Sequence
 * rows are copied into per-sequence row buffers, each recurrent output keeps a ring of its last
 * -min(taps) states, and each output is written into a preallocated (n_steps, ...) buffer, or a
 * (1, ...) buffer holding only the last step when the op marks it lastOnly. Buffers are kept and
 * reused between calls of the same shape.
 */
final class ScanKernel implements MultiKernel {
    private final ScanOp op;
    private final Apply node;
    private final Plan body;
    private final NDArray[] bodyArgs;
    private NDArray[] stacked;
    private final NDArray[] initBuffers;
    private final int[][] tapArrays;
    private Profile profile;

    ScanKernel(ScanOp op, Apply node, Pipeline pipeline) {
        this.op = op;
        this.node = node;
        List<Variable> results = pipeline.run(new ArrayList<>(op.innerOutputs()), new RewriteLog());
        this.body = Plan.build(op.innerInputs(), results);
        this.bodyArgs = new NDArray[op.innerInputs().size()];
        this.stacked = new NDArray[op.nOutputs()];
        this.initBuffers = new NDArray[op.nOutputs()];
        this.tapArrays = new int[op.nOutputs()][];
        for (int j = 0; j < tapArrays.length; j++) tapArrays[j] = op.taps().get(j).stream().mapToInt(Integer::intValue).toArray();
    }

    /** Times the body's steps into {@code outer} (as "Scan{name} > op") from now on. */
    void profileInto(Profile outer) {
        this.profile = outer == null ? null : outer.inner(node.op().name());
        body.profileInto(profile);
    }

    /** The stacked output buffers of the last run (for memory tests): their first dimensions tell how many steps were kept. */
    NDArray[] stackedBuffers() { return stacked.clone(); }

    private GraphError error(String kind, String msg, String hint) {
        return new GraphError(kind, name() + ": " + msg, hint, node);
    }

    private String name() { return op.scanName() == null ? "scan" : "scan '" + op.scanName() + "'"; }

    @Override
    public NDArray[] runAll(NDArray[] in) {
        int nSeqs = op.nSeqs(), nOut = op.nOutputs(), nShared = op.nShared();
        long n = (long) in[0].data()[0];
        for (int i = 0; i < nSeqs; i++) {
            NDArray seq = in[1 + i];
            if (seq.rank() == 0) throw error("TypeError", "sequence " + (i + 1) + " is a scalar", "sequences are iterated over their first dimension");
            n = n < 0 ? seq.dim(0) : Math.min(n, seq.dim(0));
        }
        if (n < 0) throw error("ValueError", "n_steps is negative and there are no sequences", "give n_steps >= 0");
        int steps = (int) n;

        // argument layout of the body: seq rows, taps, shared carries, non-sequences
        int p = 1 + nSeqs;
        NDArray[] rows = new NDArray[nSeqs];
        for (int i = 0; i < nSeqs; i++) {
            NDArray seq = in[1 + i];
            int[] rs = java.util.Arrays.copyOfRange(seq.shape(), 1, seq.rank());
            rows[i] = NDArray.zeros(seq.dtype(), rs);
            bodyArgs[i] = rows[i];
        }
        NDArray[][] rings = new NDArray[nOut][];
        int[] heads = new int[nOut];
        for (int j = 0; j < nOut; j++) {
            List<Integer> taps = op.taps().get(j);
            if (taps.isEmpty()) continue;
            NDArray init = in[p++];
            int lag = -taps.stream().mapToInt(Integer::intValue).min().getAsInt();
            NDArray[] ring = new NDArray[lag];
            if (op.stackedInit(j)) {
                if (init.rank() == 0 || init.dim(0) < lag) {
                    throw error("ValueError", "output " + (j + 1) + " uses taps " + taps + ", so its initial value needs "
                            + lag + " stacked states, got shape " + NDArray.shapeString(init.shape()), "stack the first states along a new first axis");
                }
                int[] rs = java.util.Arrays.copyOfRange(init.shape(), 1, init.rank());
                int size = (int) NDArray.sizeOf(rs), first = init.dim(0) - lag;
                for (int k = 0; k < lag; k++) {
                    ring[k] = NDArray.zeros(stateType(j), rs);
                    System.arraycopy(init.data(), (first + k) * size, ring[k].data(), 0, size);
                }
            } else {
                ring[0] = reusedCopy(j, init, stateType(j));
            }
            rings[j] = ring;
        }
        NDArray[] carries = new NDArray[nShared];
        for (int s = 0; s < nShared; s++) carries[s] = in[p++].copy();
        int nonSeqStart = p;
        int bodyNonSeq = nSeqs + op.nTapInputs() + nShared;
        for (int k = nonSeqStart; k < in.length; k++) bodyArgs[bodyNonSeq + (k - nonSeqStart)] = in[k];

        for (int s = 0; s < steps; s++) {
            for (int i = 0; i < nSeqs; i++) {
                NDArray seq = in[1 + i];
                int idx = op.goBackwards() ? seq.dim(0) - 1 - s : s;
                int size = rows[i].size();
                System.arraycopy(seq.data(), idx * size, rows[i].data(), 0, size);
            }
            int a = nSeqs;
            for (int j = 0; j < nOut; j++) {
                if (rings[j] == null) continue;
                int lag = rings[j].length;
                for (int tap : tapArrays[j]) bodyArgs[a++] = rings[j][(heads[j] + lag + tap) % lag];
            }
            for (int c = 0; c < nShared; c++) bodyArgs[a++] = carries[c];

            NDArray[] r;
            try {
                r = profile == null ? body.run(bodyArgs) : body.runChecked(bodyArgs, profile, false);
            } catch (GraphError e) {
                body.release();
                throw e;
            }
            // copy every result out before touching any state: a result may alias a ring or carry buffer
            for (int j = 0; j < nOut; j++) {
                NDArray row = r[j];
                if (s == 0) stacked[j] = stackedBuffer(j, row, steps);
                else if (!sameRowShape(stacked[j], row)) {
                    throw error("ValueError", "output " + (j + 1) + " has shape " + NDArray.shapeString(row.shape()) + " at step "
                            + (s + 1) + " but " + NDArray.shapeString(rowShape(stacked[j])) + " at step 1", "each step must return the same shapes");
                }
                int at = op.lastOnly().get(j) ? 0 : s;
                System.arraycopy(row.data(), 0, stacked[j].data(), at * row.size(), row.size());
            }
            NDArray[] newCarries = nShared == 0 ? carries : new NDArray[nShared];
            for (int c = 0; c < nShared; c++) newCarries[c] = convert(r[nOut + c], carries[c].dtype());
            for (int j = 0; j < nOut; j++) {
                if (rings[j] == null) continue;
                NDArray state = rings[j][heads[j]];
                if (state.size() != r[j].size() || !state.sameShape(r[j].shape())) {
                    throw error("ValueError", "output " + (j + 1) + " has shape " + NDArray.shapeString(r[j].shape())
                            + " but its previous value (outputs_info) has shape " + NDArray.shapeString(state.shape()),
                            "give outputs_info an initial value with the shape each step returns");
                }
                int at = op.lastOnly().get(j) ? 0 : s;
                System.arraycopy(stacked[j].data(), at * state.size(), state.data(), 0, state.size());
                heads[j] = (heads[j] + 1) % rings[j].length;
            }
            carries = newCarries;
        }
        body.release();

        NDArray[] out = new NDArray[nOut + nShared];
        for (int j = 0; j < nOut; j++) {
            if (steps == 0) {
                int rank = node.outputs().get(j).rank();
                int[] shape = new int[rank];
                if (rings[j] != null && rings[j][0].rank() == rank - 1) System.arraycopy(rings[j][0].shape(), 0, shape, 1, rank - 1);
                stacked[j] = NDArray.zeros(node.outputs().get(j).dtype(), shape);
            }
            out[j] = stacked[j];
        }
        System.arraycopy(carries, 0, out, nOut, nShared);
        return out;
    }

    private DType stateType(int j) { return node.outputs().get(j).dtype(); }

    /** The initial state copied into this output's buffer of the previous call when it fits (no allocation). */
    private NDArray reusedCopy(int j, NDArray init, DType dtype) {
        NDArray old = initBuffers[j];
        if (old == null || old.dtype() != dtype || !old.sameShape(init.shape())) {
            old = convert(init, dtype);
            initBuffers[j] = old;
            return old;
        }
        double[] src = init.data(), dst = old.data();
        if (init.dtype() == dtype) System.arraycopy(src, 0, dst, 0, src.length);
        else for (int i = 0; i < src.length; i++) dst[i] = dtype.coerce(src[i]);
        return old;
    }

    private NDArray stackedBuffer(int j, NDArray row, int steps) {
        int[] shape = new int[row.rank() + 1];
        shape[0] = op.lastOnly().get(j) ? 1 : steps;
        System.arraycopy(row.shape(), 0, shape, 1, row.rank());
        DType dtype = node.outputs().get(j).dtype();
        NDArray old = stacked[j];
        return old != null && old.dtype() == dtype && old.sameShape(shape) ? old : NDArray.zeros(dtype, shape);
    }

    private static int[] rowShape(NDArray stackedBuf) {
        return java.util.Arrays.copyOfRange(stackedBuf.shape(), 1, stackedBuf.rank());
    }

    private static boolean sameRowShape(NDArray stackedBuf, NDArray row) {
        int[] s = stackedBuf.shape(), r = row.shape();
        if (s.length != r.length + 1) return false;
        for (int i = 0; i < r.length; i++) if (s[i + 1] != r[i]) return false;
        return true;
    }

    private static NDArray convert(NDArray v, DType dtype) {
        return v.dtype() == dtype ? v.copy() : v.astype(dtype);
    }
}
