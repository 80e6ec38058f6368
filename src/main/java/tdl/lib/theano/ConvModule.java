package tdl.lib.theano;

import java.util.List;
import tdl.graph.Variable;
import tdl.graph.ops.Conv2dOp;
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

    /** Puts conv2d into nnet, and returns the modules to register: nnet.conv, signal, signal.pool, signal.downsample. */
    static List<TdlModule> install(TdlModule nnet) {
        nnet.put("conv2d", (TdlCallable) ConvModule::conv2d);
        nnet.put("conv2d_transpose", (TdlCallable) ConvModule::conv2dTranspose);
        TdlModule conv = new TdlModule("theano.tensor.nnet.conv");
        conv.put("conv2d", (TdlCallable) ConvModule::oldConv2d);
        nnet.put("conv", conv);
        TdlModule pool = new TdlModule("theano.tensor.signal.pool");
        pool.put("pool_2d", (TdlCallable) ConvModule::pool2d);
        TdlModule downsample = new TdlModule("theano.tensor.signal.downsample");
        downsample.put("max_pool_2d", (TdlCallable) ConvModule::maxPool2d);
        TdlModule signal = new TdlModule("theano.tensor.signal");
        signal.put("pool", pool).put("downsample", downsample);
        return List.of(conv, signal, pool, downsample);
    }

    /** conv2d(input, filters, input_shape=None, filter_shape=None, border_mode='valid', subsample=(1, 1), filter_flip=True, image_shape=None, filter_dilation=(1, 1)). */
    private static Object conv2d(Runtime rt, Args a) {
        a.check(9, "input", "filters", "input_shape", "filter_shape", "border_mode", "subsample", "filter_flip",
                "image_shape", "filter_dilation");
        Object inputShape = a.get(2, "input_shape", null);
        if (inputShape == null) inputShape = a.get(7, "image_shape", null);
        return build(rt, a, inputShape, a.get(3, "filter_shape", null), a.get(4, "border_mode", "valid"),
                a.get(5, "subsample", null), rt.truth(a.get(6, "filter_flip", true)), a.get(8, "filter_dilation", null));
    }

    /** The pre-0.9 path: conv.conv2d(input, filters, image_shape=None, filter_shape=None, border_mode='valid', subsample=(1, 1)). */
    private static Object oldConv2d(Runtime rt, Args a) {
        a.check(6, "input", "filters", "image_shape", "filter_shape", "border_mode", "subsample");
        Object mode = a.get(4, "border_mode", "valid");
        if (!"valid".equals(mode) && !"full".equals(mode)) {
            throw new TdlError(ErrorKind.VALUE_ERROR, "theano.tensor.nnet.conv.conv2d: border_mode must be 'valid' or 'full', got "
                    + rt.repr(mode), null, "theano.tensor.nnet.conv2d also takes 'half', an int or a pair");
        }
        return build(rt, a, a.get(2, "image_shape", null), a.get(3, "filter_shape", null), mode,
                a.get(5, "subsample", null), true, null);
    }

    /**
     * conv2d_transpose(input, filters, output_shape, filter_shape=None, border_mode='valid', input_dilation=(1, 1),
     * filter_flip=True, filter_dilation=(1, 1)): the gradient of conv2d with respect to its input, input_dilation
     * being the forward convolution's subsample.
     */
    private static Object conv2dTranspose(Runtime rt, Args a) {
        a.check(8, "input", "filters", "output_shape", "filter_shape", "border_mode", "input_dilation", "filter_flip",
                "filter_dilation");
        Object outputShape = a.get(2, "output_shape");
        Conv2dOp op = op(rt, outputShape, a.get(3, "filter_shape", null), a.get(4, "border_mode", "valid"),
                a.get(5, "input_dilation", null), rt.truth(a.get(6, "filter_flip", true)), a.get(7, "filter_dilation", null));
        Variable shape = Symbolic.lift(rt, outputShape, "conv2d_transpose() argument 'output_shape'");
        if (shape.rank() != 1 || !shape.dtype().isInteger()) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "conv2d_transpose: output_shape must be 4 integers (batch, channels, rows, "
                    + "cols), got " + rt.repr(outputShape));
        }
        return Symbolic.ops(rt).apply(op.withRole(Role.GRAD_INPUTS), TensorModule.arg(rt, a, 0, "input"),
                TensorModule.arg(rt, a, 1, "filters"), shape);
    }

    private static Variable build(Runtime rt, Args a, Object inputShape, Object filterShape, Object borderMode,
                                  Object subsample, boolean flip, Object dilation) {
        Variable x = TensorModule.arg(rt, a, 0, "input"), w = TensorModule.arg(rt, a, 1, "filters");
        return Symbolic.ops(rt).apply(op(rt, inputShape, filterShape, borderMode, subsample, flip, dilation), x, w);
    }

    /** The forward op for Theano's arguments, after checking the shape hints agree. */
    private static Conv2dOp op(Runtime rt, Object inputShape, Object filterShape, Object borderMode, Object subsample,
                               boolean flip, Object dilation) {
        int[] in = shapeHint(rt, inputShape, "input_shape"), fs = shapeHint(rt, filterShape, "filter_shape");
        if (in != null && fs != null && in[1] >= 0 && fs[1] >= 0 && in[1] != fs[1]) {
            throw new TdlError(ErrorKind.VALUE_ERROR, "conv2d: input_shape " + rt.repr(inputShape) + " has " + in[1]
                    + " channel(s) but filter_shape " + rt.repr(filterShape) + " has " + fs[1], null,
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
