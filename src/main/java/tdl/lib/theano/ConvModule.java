package tdl.lib.theano;

import java.util.List;
import tdl.graph.Variable;
import tdl.graph.ops.Conv2dOp;
import tdl.graph.ops.DivisibleAxisOp;
import tdl.graph.ops.Index;
import tdl.graph.ops.ShapeHintOp;
import tdl.graph.ops.Conv2dOp.Border;
import tdl.graph.ops.Conv2dOp.Role;
import tdl.graph.ops.Pool2dOp;
import tdl.graph.ops.Pool2dOp.Mode;
import tdl.interp.Args;
import tdl.interp.Runtime;
import tdl.interp.Sequences;
import tdl.interp.TdlCallable;
import tdl.interp.TdlModule;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * theano.tensor.nnet.conv2d (and the old theano.tensor.nnet.conv.conv2d),
 * theano.tensor.signal.pool.pool_2d and the old theano.tensor.signal.downsample.max_pool_2d:
 * argument parsing in Theano's spelling onto {@link Conv2dOp} and {@link Pool2dOp}.
 */
final class ConvModule {
    private ConvModule() {}

    /** Puts conv2d into nnet, and returns the modules to register: nnet.conv, signal (second: TheanoLibrary puts it in tensor), signal.pool, signal.downsample, nnet.abstract_conv, signal.conv. */
    static List<TdlModule> install(TdlModule nnet) {
        TdlCallable conv2d = ConvModule::conv2d, gradWrtInputs = ConvModule::conv2dGradWrtInputs, conv3d = ConvModule::conv3d;
        nnet.put("conv2d", conv2d);
        nnet.put("conv2d_transpose", (TdlCallable) ConvModule::conv2dTranspose);
        nnet.put("conv2d_grad_wrt_inputs", gradWrtInputs);
        nnet.put("conv3d", conv3d);
        TdlModule abstractConv = new TdlModule("theano.tensor.nnet.abstract_conv");
        abstractConv.put("conv2d", conv2d).put("conv2d_grad_wrt_inputs", gradWrtInputs).put("conv3d", conv3d);
        nnet.put("abstract_conv", abstractConv);
        TdlModule conv = new TdlModule("theano.tensor.nnet.conv");
        conv.put("conv2d", (TdlCallable) ConvModule::oldConv2d);
        nnet.put("conv", conv);
        TdlModule pool = new TdlModule("theano.tensor.signal.pool");
        pool.put("pool_2d", (TdlCallable) ConvModule::pool2d);
        TdlModule downsample = new TdlModule("theano.tensor.signal.downsample");
        downsample.put("max_pool_2d", (TdlCallable) ConvModule::maxPool2d);
        TdlModule signalConv = new TdlModule("theano.tensor.signal.conv");
        signalConv.put("conv2d", (TdlCallable) ConvModule::signalConv2d);
        TdlModule signal = new TdlModule("theano.tensor.signal");
        signal.put("pool", pool).put("downsample", downsample).put("conv", signalConv);
        return List.of(conv, signal, pool, downsample, abstractConv, signalConv);
    }

    /**
     * conv2d(input, filters, input_shape=None, filter_shape=None, border_mode='valid', subsample=(1, 1),
     * filter_flip=True, image_shape=None, filter_dilation=(1, 1), num_groups=1, unshared=False).
     */
    private static Object conv2d(Runtime rt, Args a) {
        a.check(11, "input", "filters", "input_shape", "filter_shape", "border_mode", "subsample", "filter_flip",
                "image_shape", "filter_dilation", "num_groups", "unshared");
        Object inputShape = a.get(2, "input_shape", null), imageShape = a.get(7, "image_shape", null);
        if (inputShape != null && imageShape != null) {
            throw new TdlError(ErrorKind.VALUE_ERROR, "conv2d: input_shape and image_shape should not be provided at the same time",
                    null, "image_shape is the old name of input_shape: pass only input_shape");
        }
        if (inputShape == null) inputShape = imageShape;
        if (rt.truth(a.get(10, "unshared", false))) {
            throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "conv2d: unshared=True (locally connected layers) is not "
                    + "supported by TDL", null, "use unshared=False");
        }
        Object groups = a.get(9, "num_groups", 1L);
        if (!(groups instanceof Long || groups instanceof Integer) || tdl.interp.Ints.intValue((Number) groups) < 1) {
            throw new TdlError(ErrorKind.VALUE_ERROR, "conv2d: num_groups must be an int greater than zero, got " + rt.repr(groups));
        }
        Variable input = TensorModule.arg(rt, a, 0, "input");
        if (!input.dtype().isFloat() && input.dtype() != tdl.graph.DType.BOOL) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "conv2d of an " + input.dtype().pyName() + " input: Theano 1.0's conv2d keeps the "
                    + "input's dtype and has no CPU implementation for it (its CorrMM takes float32 or float64)", null,
                    "cast the input first: T.cast(x, theano.config.floatX)");
        }
        Object border = a.get(4, "border_mode", "valid");
        int[] asym = asymmetricPadding(rt, border);
        // Theano 1.0 pads ((top, bottom), (left, right)) with zeros, then convolves 'valid': so does TDL, with the
        // padding written as a join with zeros, whose gradient is a slice
        if (asym != null) border = "valid";
        return build(rt, a, "input_shape", inputShape, a.get(3, "filter_shape", null), border,
                a.get(5, "subsample", null), rt.truth(a.get(6, "filter_flip", true)), a.get(8, "filter_dilation", null),
                tdl.interp.Ints.intValue((Number) groups), asym);
    }

    /**
     * border_mode as ((top, bottom), (left, right)) when an entry is a pair (Theano 1.0's AbstractConv2d
     * takes each entry as an int or a pair of ints >= 0), else null for the modes the op pads itself.
     */
    private static int[] asymmetricPadding(Runtime rt, Object border) {
        List<?> items = Sequences.items(border);
        if (items == null || items.size() != 2 || items.stream().noneMatch(o -> Sequences.items(o) != null)) return null;
        int[] out = new int[4];
        for (int axis = 0; axis < 2; axis++) {
            Object e = items.get(axis);
            List<?> lr = Sequences.items(e);
            List<?> both = lr != null ? lr : List.of(e, e);
            if (both.size() != 2 || !both.stream().allMatch(o -> o instanceof Long || o instanceof Integer)
                    || both.stream().anyMatch(o -> ((Number) o).longValue() < 0)) {
                throw new TdlError(ErrorKind.VALUE_ERROR, "invalid border mode " + rt.repr(border)
                        + ". The tuple can only contain integers  or pairs of integers");
            }
            out[2 * axis] = tdl.interp.Ints.intValue((Number) both.get(0));
            out[2 * axis + 1] = tdl.interp.Ints.intValue((Number) both.get(1));
        }
        return out;
    }

    /** x (batch, channels, rows, cols) with pad[0] zero rows above, pad[1] below, pad[2] zero columns left, pad[3] right. */
    private static Variable zeroPad(tdl.graph.ops.TensorOps t, Variable x, int[] pad) {
        for (int axis = 2; axis < 4; axis++) {
            int before = pad[2 * (axis - 2)], after = pad[2 * (axis - 2) + 1];
            List<Variable> parts = new java.util.ArrayList<>();
            for (int n : new int[] {before, -1, after}) {
                if (n == -1) {
                    parts.add(x);
                    continue;
                }
                if (n == 0) continue;
                Variable[] dims = new Variable[4];
                for (int k = 0; k < 4; k++) dims[k] = k == axis ? t.constant((long) n) : t.shapeAt(x, k);
                parts.add(t.zeros(x.dtype(), dims));
            }
            if (parts.size() > 1) x = t.concatenate(parts, axis);
        }
        return x;
    }

    /** The pre-0.9 path: conv.conv2d(input, filters, image_shape=None, filter_shape=None, border_mode='valid', subsample=(1, 1)). */
    private static Object oldConv2d(Runtime rt, Args a) {
        a.check(6, "input", "filters", "image_shape", "filter_shape", "border_mode", "subsample");
        Object mode = a.get(4, "border_mode", "valid");
        if (!"valid".equals(mode) && !"full".equals(mode)) {
            throw new TdlError(ErrorKind.VALUE_ERROR, "theano.tensor.nnet.conv.conv2d: border_mode must be 'valid' or 'full', got "
                    + rt.repr(mode), null, "theano.tensor.nnet.conv2d also takes 'half', an int or a pair");
        }
        return build(rt, a, "image_shape", a.get(2, "image_shape", null), a.get(3, "filter_shape", null), mode,
                a.get(5, "subsample", null), true, null, 1);
    }

    /**
     * conv2d_transpose(input, filters, output_shape, filter_shape=None, border_mode='valid', input_dilation=(1, 1),
     * filter_flip=True, filter_dilation=(1, 1)): the gradient of conv2d with respect to its input, input_dilation
     * being the forward convolution's subsample.
     */
    private static Object conv2dTranspose(Runtime rt, Args a) {
        a.check(10, "input", "filters", "output_shape", "filter_shape", "border_mode", "input_dilation", "filter_flip",
                "filter_dilation", "num_groups", "unshared");
        return gradInputs(rt, a, "conv2d_transpose", "input", "output_shape", "input_dilation");
    }

    /**
     * abstract_conv.conv2d_grad_wrt_inputs(output_grad, filters, input_shape, filter_shape=None, border_mode='valid',
     * subsample=(1, 1), filter_flip=True, filter_dilation=(1, 1), num_groups=1, unshared=False): conv2d_transpose
     * under the names of the forward convolution it differentiates.
     */
    private static Object conv2dGradWrtInputs(Runtime rt, Args a) {
        a.check(10, "output_grad", "filters", "input_shape", "filter_shape", "border_mode", "subsample", "filter_flip",
                "filter_dilation", "num_groups", "unshared");
        return gradInputs(rt, a, "conv2d_grad_wrt_inputs", "output_grad", "input_shape", "subsample");
    }

    private static Variable gradInputs(Runtime rt, Args a, String fn, String gradName, String shapeName, String strideName) {
        Object groups = a.get(8, "num_groups", 1L);
        if (!Long.valueOf(1).equals(groups) && !Integer.valueOf(1).equals(groups) || rt.truth(a.get(9, "unshared", false))) {
            throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, fn + ": num_groups and unshared are not supported by TDL here",
                    null, "leave them at their defaults (num_groups=1, unshared=False)");
        }
        Object outputShape = a.get(2, shapeName);
        Conv2dOp op = op(rt, null, a.get(3, "filter_shape", null), a.get(4, "border_mode", "valid"),
                a.get(5, strideName, null), rt.truth(a.get(6, "filter_flip", true)), a.get(7, "filter_dilation", null), 1);
        int[] dims = shapeHint(rt, outputShape, shapeName), fs = shapeHint(rt, a.get(3, "filter_shape", null), "filter_shape");
        if (dims != null && fs != null && dims[1] >= 0 && fs[1] >= 0 && fs[1] != dims[1]) {
            throw new TdlError(ErrorKind.VALUE_ERROR, fn + ": " + shapeName + " " + rt.repr(outputShape) + " has " + dims[1]
                    + " channel(s) but filter_shape " + rt.repr(a.get(3, "filter_shape", null)) + " has " + fs[1]);
        }
        Variable shape = Symbolic.lift(rt, outputShape, fn + "() argument '" + shapeName + "'");
        if (shape.rank() != 1 || !shape.dtype().isInteger()) {
            throw new TdlError(ErrorKind.TYPE_ERROR, fn + ": " + shapeName + " must be 4 integers (batch, channels, rows, "
                    + "cols), got " + rt.repr(outputShape));
        }
        Variable w = hinted(rt, TensorModule.arg(rt, a, 1, "filters"), "filter_shape", a.get(3, "filter_shape", null));
        return Symbolic.ops(rt).apply(op.withRole(Role.GRAD_INPUTS), TensorModule.arg(rt, a, 0, gradName), w, shape);
    }

    /**
     * signal.conv.conv2d(input, filters, image_shape=None, filter_shape=None, border_mode='valid', subsample=(1, 1)):
     * images ([batch,] rows, cols) and filters ([nkern,] rows, cols), one channel; the result has the batch axis
     * when the input has it and the filter axis when the filters have it, as Theano's.
     */
    private static Object signalConv2d(Runtime rt, Args a) {
        a.check(6, "input", "filters", "image_shape", "filter_shape", "border_mode", "subsample");
        String fn = "theano.tensor.signal.conv.conv2d";
        Variable x = TensorModule.arg(rt, a, 0, "input"), w = TensorModule.arg(rt, a, 1, "filters");
        if (x.rank() < 2 || x.rank() > 3 || w.rank() < 2 || w.rank() > 3) {
            throw new TdlError(ErrorKind.TYPE_ERROR, fn + " takes images of rank 2 or 3 ([batch,] rows, cols) and filters of rank 2 "
                    + "or 3 ([nkern,] rows, cols), got ranks " + x.rank() + " and " + w.rank(), null,
                    "for (batch, channels, rows, cols) images use theano.tensor.nnet.conv2d");
        }
        Object mode = a.get(4, "border_mode", "valid");
        if (!"valid".equals(mode) && !"full".equals(mode)) {
            throw new TdlError(ErrorKind.VALUE_ERROR, fn + ": border_mode must be 'valid' or 'full', got " + rt.repr(mode));
        }
        x = signalHinted(rt, x, "image_shape", a.get(2, "image_shape", null));
        w = signalHinted(rt, w, "filter_shape", a.get(3, "filter_shape", null));
        var t = Symbolic.ops(rt);
        Variable x4 = x.rank() == 2 ? t.dimshuffle(x, -1, -1, 0, 1) : t.dimshuffle(x, 0, -1, 1, 2);
        Variable w4 = w.rank() == 2 ? t.dimshuffle(w, -1, -1, 0, 1) : t.dimshuffle(w, 0, -1, 1, 2);
        Variable out = t.apply(op(rt, null, null, mode, a.get(5, "subsample", null), true, null, 1), x4, w4);
        Index zero = new Index.Scalar(t.constant(0L));
        if (w.rank() == 2) out = t.subtensor(out, List.of(new Index.All(), zero));
        if (x.rank() == 2) out = t.subtensor(out, List.of(zero));
        return out;
    }

    private static Variable signalHinted(Runtime rt, Variable x, String name, Object hint) {
        if (hint == null) return x;
        List<?> items = Sequences.items(hint);
        if (items == null || items.size() != x.rank()) {
            throw new TdlError(ErrorKind.VALUE_ERROR, "theano.tensor.signal.conv.conv2d: " + name + " must have one entry per axis ("
                    + x.rank() + "), got " + rt.repr(hint));
        }
        List<Integer> dims = items.stream().map(v -> v instanceof Number n ? tdl.interp.Ints.intValue(n) : -1).toList();
        return Symbolic.ops(rt).apply(new ShapeHintOp("conv2d", name, dims), x);
    }

    /** Theano 1.0 has conv3d; TDL's convolutions are 2-D only, and saying so beats a missing attribute. */
    private static Object conv3d(Runtime rt, Args a) {
        throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "conv3d: 3-D convolution is not supported by TDL", null,
                "TDL has conv2d; a 3-D convolution can be written as a sum of conv2d over the depth axis");
    }

    private static Variable build(Runtime rt, Args a, String inputHint, Object inputShape, Object filterShape,
                                  Object borderMode, Object subsample, boolean flip, Object dilation, int groups) {
        return build(rt, a, inputHint, inputShape, filterShape, borderMode, subsample, flip, dilation, groups, null);
    }

    private static Variable build(Runtime rt, Args a, String inputHint, Object inputShape, Object filterShape, Object borderMode,
                                  Object subsample, boolean flip, Object dilation, int groups, int[] zeroPad) {
        Conv2dOp op = op(rt, inputShape, filterShape, borderMode, subsample, flip, dilation, groups);
        var t = Symbolic.ops(rt);
        Variable x = hinted(rt, TensorModule.arg(rt, a, 0, "input"), inputHint, inputShape);
        if (zeroPad != null && x.rank() == 4) x = zeroPad(t, x, zeroPad);
        Variable w = hinted(rt, TensorModule.arg(rt, a, 1, "filters"), "filter_shape", filterShape);
        if (groups == 1) return t.apply(op, x, w);
        // Theano's grouped convolution: group g convolves input channels [g*C/G, (g+1)*C/G) with filters [g*K/G, (g+1)*K/G)
        if (x.rank() == 4 && w.rank() == 4) {
            x = t.apply(new DivisibleAxisOp("conv2d", "number of input channels", 1, groups), x);
            w = t.apply(new DivisibleAxisOp("conv2d", "number of filters", 0, groups), w);
        }
        Variable cg = t.intDiv(t.shapeAt(x, 1), t.constant((long) groups));
        Variable kg = t.intDiv(t.shapeAt(w, 0), t.constant((long) groups));
        List<Variable> parts = new java.util.ArrayList<>();
        for (int g = 0; g < groups; g++) {
            Variable xg = t.subtensor(x, List.of(new Index.All(), range(t, cg, g)));
            Variable wg = t.subtensor(w, List.of(range(t, kg, g)));
            parts.add(t.apply(op, xg, wg));
        }
        return t.concatenate(parts, 1);
    }

    private static Index range(tdl.graph.ops.TensorOps t, Variable size, int g) {
        return new Index.Range(t.mul(size, t.constant((long) g)), t.mul(size, t.constant((long) g + 1)), null);
    }

    /** x behind a run-time check of the shape the user promised (Theano's ConvOp raised on a wrong one). */
    private static Variable hinted(Runtime rt, Variable x, String name, Object hint) {
        int[] dims = shapeHint(rt, hint, name);
        if (dims == null || java.util.Arrays.stream(dims).allMatch(d -> d < 0)) return x;
        return Symbolic.ops(rt).apply(new ShapeHintOp("conv2d", name, java.util.Arrays.stream(dims).boxed().toList()), x);
    }

    /** The forward op for Theano's arguments, after checking the shape hints agree. */
    private static Conv2dOp op(Runtime rt, Object inputShape, Object filterShape, Object borderMode, Object subsample,
                               boolean flip, Object dilation, int groups) {
        int[] in = shapeHint(rt, inputShape, "input_shape"), fs = shapeHint(rt, filterShape, "filter_shape");
        if (in != null && fs != null && in[1] >= 0 && fs[1] >= 0 && in[1] != fs[1] * groups) {
            throw new TdlError(ErrorKind.VALUE_ERROR, "conv2d: input_shape " + rt.repr(inputShape) + " has " + in[1]
                    + " channel(s) but filter_shape " + rt.repr(filterShape) + " has " + fs[1] + (groups > 1 ? " per group" : ""), null,
                    "axis 1 of the input (batch, channels, rows, cols) must equal axis 1 of the filters (filters, channels, rows, cols)");
        }
        int[] st = pair(rt, subsample, "subsample", 1), dil = pair(rt, dilation, "filter_dilation", 1);
        Border border;
        int[] pad = {0, 0};
        if ("valid".equals(borderMode)) border = Border.EXPLICIT;
        else if ("full".equals(borderMode)) border = Border.FULL;
        else if ("half".equals(borderMode)) border = Border.HALF;
        else if (borderMode instanceof String) {
            throw new TdlError(ErrorKind.VALUE_ERROR, "conv2d: invalid border_mode " + rt.repr(borderMode), null,
                    "use 'valid', 'full', 'half', an int or a pair of ints (rows, cols) of zero padding");
        } else {
            border = Border.EXPLICIT;
            pad = pair(rt, borderMode, "border_mode", 0);
        }
        return new Conv2dOp(Role.FORWARD, border, pad[0], pad[1], st[0], st[1], dil[0], dil[1], flip);
    }

    /** A 4-entry shape hint (entries may be None: -1), or null when not given. */
    private static int[] shapeHint(Runtime rt, Object hint, String name) {
        if (hint == null) return null;
        List<?> items = Sequences.items(hint);
        if (items == null || items.size() != 4) {
            throw new TdlError(ErrorKind.VALUE_ERROR, "conv2d: " + name + " must be a tuple of 4 entries, got " + rt.repr(hint));
        }
        int[] out = new int[4];
        for (int i = 0; i < 4; i++) out[i] = items.get(i) instanceof Number n ? tdl.interp.Ints.intValue(n) : -1;
        return out;
    }

    /** An int or a pair of ints, each at least {@code min}. */
    private static int[] pair(Runtime rt, Object v, String name, int min) {
        if (v == null) return new int[] {min, min}; // subsample and dilation default to 1, padding to 0
        List<?> items = v instanceof Long || v instanceof Integer ? List.of(v, v) : Sequences.items(v);
        if (items == null || items.size() != 2 || !(items.get(0) instanceof Number) || !(items.get(1) instanceof Number)
                || items.get(0) instanceof Double || items.get(1) instanceof Double) {
            throw new TdlError(ErrorKind.VALUE_ERROR, name + " must be an int or a pair of ints, got " + rt.repr(v));
        }
        int[] out = {tdl.interp.Ints.intValue(items.get(0)), tdl.interp.Ints.intValue(items.get(1))};
        if (out[0] < min || out[1] < min) {
            throw new TdlError(ErrorKind.VALUE_ERROR, name + " entries must be at least " + min + ", got " + rt.repr(v));
        }
        return out;
    }

    /** pool_2d(input, ws=None, ignore_border=None, stride=None, pad=(0, 0), mode='max', ds=None, st=None, padding=None). */
    private static Object pool2d(Runtime rt, Args a) {
        a.check(9, "input", "ws", "ignore_border", "stride", "pad", "mode", "ds", "st", "padding");
        Object ws = a.get(1, "ws", null);
        if (ws == null) ws = a.get(6, "ds", null);
        Object stride = a.get(3, "stride", null);
        if (stride == null) stride = a.get(7, "st", null);
        Object pad = a.get(4, "pad", null);
        if (pad == null) pad = a.get(8, "padding", null);
        if (ws == null) throw new TdlError(ErrorKind.TYPE_ERROR, "pool_2d() missing required argument 'ws' (position 2)");
        return pool(rt, a, ws, a.get(2, "ignore_border", null), stride, pad, a.get(5, "mode", "max"));
    }

    /** The old name: downsample.max_pool_2d(input, ds, ignore_border=None, st=None, padding=(0, 0), mode='max'). */
    private static Object maxPool2d(Runtime rt, Args a) {
        a.check(6, "input", "ds", "ignore_border", "st", "padding", "mode");
        return pool(rt, a, a.get(1, "ds"), a.get(2, "ignore_border", null), a.get(3, "st", null), a.get(4, "padding", null),
                a.get(5, "mode", "max"));
    }

    private static Variable pool(Runtime rt, Args a, Object wsArg, Object ignoreBorder, Object strideArg, Object padArg,
                                 Object modeArg) {
        Variable x = TensorModule.arg(rt, a, 0, "input");
        int[] ws = pair(rt, wsArg, "ws", 1), st = strideArg == null ? ws : pair(rt, strideArg, "stride", 1);
        int[] pad = pair(rt, padArg, "pad", 0);
        Mode mode = modeArg instanceof String s ? Mode.byName(s) : null;
        if (mode == null) {
            throw new TdlError(ErrorKind.VALUE_ERROR, a.function() + ": mode must be 'max', 'sum', 'average_inc_pad' or "
                    + "'average_exc_pad', got " + rt.repr(modeArg));
        }
        boolean ib;
        if (ignoreBorder == null) { // Theano 1.0: a warning, then the old default
            rt.err().println("warning: " + a.function() + "() without ignore_border uses ignore_border=False, as Theano 1.0 "
                    + "does; pass ignore_border=True (what most models mean) or False explicitly");
            ib = false;
        } else {
            ib = rt.truth(ignoreBorder);
        }
        if ((pad[0] != 0 || pad[1] != 0) && !ib) {
            throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, a.function() + ": padding works only with ignore_border=True",
                    null, "pass ignore_border=True");
        }
        if (pad[0] >= ws[0] || pad[1] >= ws[1]) {
            throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, a.function() + ": the padding " + rt.repr(padArg)
                    + " must be smaller than the window " + rt.repr(wsArg), null, null);
        }
        if (x.rank() < 2) {
            throw new TdlError(ErrorKind.TYPE_ERROR, a.function() + " pools the last two axes of a tensor of rank 2 or more, got a "
                    + tdl.graph.TensorType.rankName(x.rank()), null, "pass a matrix (one image) or a 4-D (batch, channels, rows, cols) tensor");
        }
        // like Theano, a matrix or a 3-D tensor is pooled as a 4-D one with leading axes of size 1
        var t = Symbolic.ops(rt);
        Variable x4 = x.rank() == 2 ? t.dimshuffle(x, -1, -1, 0, 1) : x.rank() == 3 ? t.dimshuffle(x, -1, 0, 1, 2) : x;
        Variable out = t.apply(new Pool2dOp(mode, false, ws[0], ws[1], st[0], st[1], pad[0], pad[1], ib), x4);
        return x.rank() == 2 ? t.dimshuffle(out, 2, 3) : x.rank() == 3 ? t.dimshuffle(out, 1, 2, 3) : out;
    }
}
