package tdl.scan;

import tdl.eval.InnerCompiler;
import tdl.eval.InnerPlan;
import tdl.eval.MultiKernel;
import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.GraphError;
import tdl.graph.NDArray;
import tdl.vocab.ErrorKind;

/**
 * Runs a {@link ScanOp}: the body is compiled once, with the enclosing function's options (its
 * rewrites, NaN guard and profile, through {@link InnerCompiler}), then run once per step. Sequence
 * rows are copied into per-sequence row buffers, each recurrent output keeps a ring of its last
 * -min(taps) states, and each output is written into a preallocated (n_steps, ...) buffer, or a
 * (1, ...) buffer holding only the last step when the op marks it lastOnly. Buffers (and the arrays
 * holding them) are kept and reused between calls of the same shape: such a call allocates nothing.
 */
final class ScanKernel implements MultiKernel, tdl.eval.Float32Native {
    private final ScanOp op;
    private final Apply node;
    private final InnerPlan body;
    private final NDArray[] bodyArgs;
    private NDArray[] stacked;
    private final int[][] tapArrays;
    // fixed by the op, derived once: each output's ring length (0 without taps) and flags
    private final int[] lags;
    private final boolean[] stackedInit, lastOnly;
    private final int nTapInputs;
    // the loop's state, kept between calls and refilled: a steady-state call allocates nothing
    private final NDArray[] rows;
    private final NDArray[][] rings;
    private final int[] heads;
    private final NDArray[][] carryBuffers; // two per shared carry: the current value and the next
    private final NDArray[] results;

    ScanKernel(ScanOp op, Apply node, InnerCompiler inner) {
        this.op = op;
        this.node = node;
        this.body = inner.compile(node, op.body());
        this.bodyArgs = new NDArray[op.innerInputs().size()];
        int nOut = op.nOutputs();
        this.stacked = new NDArray[nOut];
        this.tapArrays = new int[nOut][];
        this.lags = new int[nOut];
        this.stackedInit = new boolean[nOut];
        this.lastOnly = new boolean[nOut];
        this.rings = new NDArray[nOut][];
        for (int j = 0; j < nOut; j++) {
            tapArrays[j] = op.taps().get(j).stream().mapToInt(Integer::intValue).toArray();
            lags[j] = -java.util.Arrays.stream(tapArrays[j]).min().orElse(0);
            stackedInit[j] = op.stackedInit(j);
            lastOnly[j] = op.lastOnly().get(j);
            if (lags[j] > 0) rings[j] = new NDArray[lags[j]];
        }
        this.nTapInputs = op.nTapInputs();
        this.rows = new NDArray[op.nSeqs()];
        this.heads = new int[nOut];
        this.carryBuffers = new NDArray[op.nShared()][2];
        this.results = new NDArray[nOut + op.nShared()];
    }

    /** The stacked output buffers of the last run (for memory tests): their first dimensions tell how many steps were kept. */
    NDArray[] stackedBuffers() { return stacked.clone(); }

    /** The compiled body (tests look at its kernels). */
    InnerPlan body() { return body; }

    private GraphError error(ErrorKind kind, String msg, String hint) {
        return new GraphError(kind, name() + ": " + msg, hint, node);
    }

    private String name() { return op.scanName() == null ? "scan" : "scan '" + op.scanName() + "'"; }

    /** The outputs, then the shared carries' final values: in an array of this kernel's, refilled every run. */
    @Override
    public NDArray[] runAll(NDArray[] in) {
        int nSeqs = op.nSeqs(), nOut = lags.length, nShared = carryBuffers.length;
        long n = (long) in[0].get(0);
        if (op.stepsGiven() && n < 0) {
            // Theano 1.0 refuses this at run time too (its docs' "negative runs backwards" is not what it does)
            throw error(ErrorKind.INDEX_ERROR, "asked to run a negative number of steps (n_steps=" + n + ")",
                    "give n_steps >= 0; to run over the sequences from their end, pass go_backwards=True");
        }
        for (int i = 0; i < nSeqs; i++) {
            NDArray seq = in[1 + i];
            if (seq.rank() == 0) throw error(ErrorKind.TYPE_ERROR, "sequence " + (i + 1) + " is a scalar", "sequences are iterated over their first dimension");
            if (!op.stepsGiven()) n = n < 0 ? seq.dim(0) : Math.min(n, seq.dim(0));
            else if (seq.dim(0) < n) {
                throw error(ErrorKind.VALUE_ERROR, "sequence " + (i + 1) + " has " + seq.dim(0) + " steps (shape "
                        + NDArray.shapeString(seq.shape()) + "), fewer than n_steps=" + n,
                        "give n_steps at most the length of every sequence (taps shorten a sequence), or leave n_steps out");
            }
        }
        if (n < 0) throw error(ErrorKind.VALUE_ERROR, "n_steps is negative and there are no sequences", "give n_steps >= 0");
        if (n > tdl.graph.Memory.MAX_ARRAY) {
            throw error(ErrorKind.OVERFLOW_ERROR, "n_steps=" + n + " is more than a scan can run (at most " + tdl.graph.Memory.MAX_ARRAY + " steps)",
                    "give fewer steps");
        }
        int steps = (int) n;

        // argument layout of the body: seq rows, taps, shared carries, non-sequences
        int p = 1 + nSeqs;
        for (int i = 0; i < nSeqs; i++) {
            NDArray seq = in[1 + i];
            rows[i] = rowBuffer(rows[i], seq.dtype(), seq);
            bodyArgs[i] = rows[i];
        }
        for (int j = 0; j < nOut; j++) {
            heads[j] = 0;
            if (lags[j] == 0) continue;
            NDArray init = in[p++];
            int lag = lags[j];
            NDArray[] ring = rings[j];
            if (stackedInit[j]) {
                if (init.rank() == 0 || init.dim(0) < lag) {
                    throw error(ErrorKind.VALUE_ERROR, "output " + (j + 1) + " uses taps " + op.taps().get(j) + ", so its initial value needs "
                            + lag + " stacked states, got shape " + NDArray.shapeString(init.shape()), "stack the first states along a new first axis");
                }
                int first = init.dim(0) - lag;
                for (int k = 0; k < lag; k++) {
                    ring[k] = rowBuffer(ring[k], stateType(j), init);
                    int size = ring[k].size();
                    NDArray.copy(init, (first + k) * size, ring[k], 0, size);
                }
            } else {
                ring[0] = copyInto(ring[0], init, stateType(j));
            }
        }
        int flip = 0; // carryBuffers[c][flip] holds carry c's current value
        for (int c = 0; c < nShared; c++) carryBuffers[c][0] = copyInto(carryBuffers[c][0], in[p++], null);
        int nonSeqStart = p;
        int bodyNonSeq = nSeqs + nTapInputs + nShared;
        for (int k = nonSeqStart; k < in.length; k++) bodyArgs[bodyNonSeq + (k - nonSeqStart)] = in[k];

        int ran = steps; // fewer when an until() condition stops the loop
        for (int s = 0; s < steps; s++) {
            tdl.graph.Interrupts.check(); // a long scan stops between steps on an interrupt or the time limit
            for (int i = 0; i < nSeqs; i++) {
                NDArray seq = in[1 + i];
                int idx = op.goBackwards() ? seq.dim(0) - 1 - s : s;
                int size = rows[i].size();
                NDArray.copy(seq, idx * size, rows[i], 0, size);
            }
            int a = nSeqs;
            for (int j = 0; j < nOut; j++) {
                if (lags[j] == 0) continue;
                int lag = lags[j];
                for (int tap : tapArrays[j]) bodyArgs[a++] = rings[j][(heads[j] + lag + tap) % lag];
            }
            for (int c = 0; c < nShared; c++) bodyArgs[a++] = carryBuffers[c][flip];

            NDArray[] r;
            try {
                r = body.run(bodyArgs);
            } catch (GraphError e) {
                body.release();
                throw e;
            }
            // a last-only output's row is copied out at the last step only, and a recurrent one goes
            // straight to its ring, unless a result is a ring's buffer (the ring writes below would
            // overwrite it) or an until() may end the loop at any step
            boolean onlyAtLast = s < steps - 1 && !op.asWhile() && !resultInRing(r, nOut);
            // copy every result out before touching any state: a result may alias a ring or carry buffer
            for (int j = 0; j < nOut; j++) {
                NDArray row = r[j];
                if (s == 0) stacked[j] = stackedBuffer(j, row, steps);
                else if (!sameRowShape(stacked[j], row)) {
                    throw error(ErrorKind.VALUE_ERROR, "output " + (j + 1) + " has shape " + NDArray.shapeString(row.shape()) + " at step "
                            + (s + 1) + " but " + NDArray.shapeString(rowShape(stacked[j])) + " at step 1", "each step must return the same shapes");
                }
                if (lastOnly[j] && onlyAtLast) continue;
                int at = lastOnly[j] ? 0 : s;
                NDArray.copy(row, 0, stacked[j], at * row.size(), row.size());
            }
            // the next carries go to the other buffer of each pair: a result may be a current carry (the body's input)
            for (int c = 0; c < nShared; c++) {
                NDArray[] pair = carryBuffers[c];
                pair[1 - flip] = copyInto(pair[1 - flip], r[nOut + c], pair[flip].dtype());
            }
            flip = nShared == 0 ? flip : 1 - flip;
            for (int j = 0; j < nOut; j++) {
                if (lags[j] == 0) continue;
                NDArray state = rings[j][heads[j]];
                if (state.size() != r[j].size() || !state.sameShape(r[j].shape())) {
                    throw error(ErrorKind.VALUE_ERROR, "output " + (j + 1) + " has shape " + NDArray.shapeString(r[j].shape())
                            + " but its previous value (outputs_info) has shape " + NDArray.shapeString(state.shape()),
                            "give outputs_info an initial value with the shape each step returns");
                }
                if (lastOnly[j] && onlyAtLast) NDArray.copy(r[j], 0, state, 0, state.size());
                else NDArray.copy(stacked[j], (lastOnly[j] ? 0 : s) * state.size(), state, 0, state.size());
                heads[j] = (heads[j] + 1) % lags[j];
            }
            if (op.asWhile() && r[r.length - 1].item() != 0) {
                ran = s + 1;
                break;
            }
        }
        body.release();

        for (int j = 0; j < nOut; j++) {
            if (steps == 0) {
                int rank = node.outputs().get(j).rank();
                int[] shape = new int[rank];
                if (rings[j] != null && rings[j][0].rank() == rank - 1) System.arraycopy(rings[j][0].shape(), 0, shape, 1, rank - 1);
                stacked[j] = NDArray.zeros(node.outputs().get(j).dtype(), shape);
            }
            results[j] = ran < steps && !lastOnly[j] ? firstRows(stacked[j], ran) : stacked[j];
        }
        for (int c = 0; c < nShared; c++) results[nOut + c] = carryBuffers[c][flip];
        return results;
    }

    /** Whether any of the step's results is the buffer of some output's ring of past states. */
    private boolean resultInRing(NDArray[] r, int nOut) {
        for (NDArray[] ring : rings) {
            if (ring == null) continue;
            for (NDArray state : ring) {
                for (int j = 0; j < nOut; j++) if (state != null && r[j].sharesStorage(state)) return true;
            }
        }
        return false;
    }

    /** {@code old} when it is a (dtype) row of {@code stackedArray} (shape without the first axis), else a new one. */
    private static NDArray rowBuffer(NDArray old, DType dtype, NDArray stackedArray) {
        if (old != null && old.dtype() == dtype && sameRowShape(stackedArray, old)) return old;
        return NDArray.zeros(dtype, java.util.Arrays.copyOfRange(stackedArray.shape(), 1, stackedArray.rank()));
    }

    /** {@code v} copied (as {@code dtype}, or its own when null) into {@code old} when it fits, else into a new array. */
    private static NDArray copyInto(NDArray old, NDArray v, DType dtype) {
        DType d = dtype == null ? v.dtype() : dtype;
        if (old == null || old.dtype() != d || !old.sameShape(v.shape())) return d == v.dtype() ? v.copy() : v.astype(d);
        if (d == v.dtype()) old.copyFrom(v);
        else for (int i = 0, n = v.size(); i < n; i++) old.set(i, d.coerce(v.get(i)));
        return old;
    }

    /** The first {@code n} rows of a stacked buffer, copied (only a loop stopped by until() needs this). */
    private static NDArray firstRows(NDArray stackedBuf, int n) {
        int[] shape = stackedBuf.shape().clone();
        int rowSize = shape[0] == 0 ? 0 : stackedBuf.size() / shape[0];
        shape[0] = n;
        NDArray out = NDArray.zeros(stackedBuf.dtype(), shape);
        NDArray.copy(stackedBuf, 0, out, 0, n * rowSize);
        return out;
    }

    private DType stateType(int j) { return node.outputs().get(j).dtype(); }

    private NDArray stackedBuffer(int j, NDArray row, int steps) {
        int first = lastOnly[j] ? 1 : steps;
        DType dtype = node.outputs().get(j).dtype();
        NDArray old = stacked[j];
        if (old != null && old.dtype() == dtype && old.dim(0) == first && sameRowShape(old, row)) return old;
        int[] shape = new int[row.rank() + 1];
        shape[0] = first;
        System.arraycopy(row.shape(), 0, shape, 1, row.rank());
        return NDArray.zeros(dtype, shape);
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
}
