package tdl.lib.numpy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.interp.Args;
import tdl.interp.Builtin;
import tdl.interp.PyFile;
import tdl.interp.Runtime;
import tdl.interp.TdlCallable;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * Arrays to and from files and file objects: np.fromfile (numpy's raw little-endian items, or text
 * with a separator), a.tofile, and np.save / np.load of a file opened with open(..., 'wb'/'rb'),
 * as the data loaders of Theano-era scripts use them (np.fromfile(file=fd, dtype=np.uint8) on an
 * IDX file, then reshape).
 */
final class FileArrays {
    private FileArrays() {}

    static void install(Map<String, Object> np) {
        np.put("fromfile", new Builtin("fromfile", (TdlCallable) FileArrays::fromfile));
        np.put("frombuffer", new Builtin("frombuffer", (TdlCallable) FileArrays::frombuffer));
    }

    /** np.fromfile(file, dtype=float, count=-1, sep='', offset=0). */
    private static Object fromfile(Runtime rt, Args a) {
        a.check(5, "file", "dtype", "count", "sep", "offset");
        Object file = a.get(0, "file");
        DType d = NumpyConvert.dtype(a.get(1, "dtype", null));
        if (d == null) d = DType.FLOAT64;
        long count = NumpyConvert.toLong(a.get(2, "count", -1L), "count");
        Object sepArg = a.get(3, "sep", "");
        String sep = sepArg instanceof String s ? s : rt.str(sepArg);
        long offset = NumpyConvert.toLong(a.get(4, "offset", 0L), "offset");
        byte[] bytes;
        if (file instanceof String path) {
            try {
                bytes = java.nio.file.Files.readAllBytes(rt.resolvePath(path, false));
            } catch (java.io.IOException e) {
                throw new TdlError(ErrorKind.FILE_NOT_FOUND_ERROR, "[Errno 2] No such file or directory: '" + path + "'");
            }
            bytes = java.util.Arrays.copyOfRange(bytes, (int) Math.min(offset, bytes.length), bytes.length);
        } else if (file instanceof PyFile f) {
            refuseGzip(f, "fromfile");
            if (offset > 0) f.readBytes(offset);
            bytes = sep.isEmpty() && count >= 0 ? f.readBytes(count * NpyFile.itemSize(d)) : f.readBytes(-1);
        } else {
            throw new TdlError(ErrorKind.TYPE_ERROR, "np.fromfile reads a path or a file opened with open(path, 'rb'), got "
                    + rt.typeName(file));
        }
        return sep.isEmpty() ? raw(bytes, d, count) : text(new String(bytes, StandardCharsets.UTF_8), sep, d, count);
    }

    /** np.frombuffer(buffer, dtype=float, count=-1, offset=0) of bytes (a binary file's read()). */
    private static Object frombuffer(Runtime rt, Args a) {
        a.check(4, "buffer", "dtype", "count", "offset");
        Object buf = a.get(0, "buffer");
        if (!(buf instanceof tdl.interp.PyBytes b)) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "a bytes-like object is required, not '" + rt.typeName(buf) + "'",
                    "np.frombuffer reads bytes, e.g. f.read() of a file opened with 'rb'");
        }
        DType d = NumpyConvert.dtype(a.get(1, "dtype", null));
        if (d == null) d = DType.FLOAT64;
        long count = NumpyConvert.toLong(a.get(2, "count", -1L), "count");
        long offset = NumpyConvert.toLong(a.get(3, "offset", 0L), "offset");
        int item = NpyFile.itemSize(d);
        byte[] data = b.data();
        if (offset < 0 || offset > data.length) throw new TdlError(ErrorKind.VALUE_ERROR, "offset must be non-negative and no greater than buffer length (" + data.length + ")");
        long avail = data.length - offset;
        if (count < 0 && avail % item != 0) throw new TdlError(ErrorKind.VALUE_ERROR, "buffer size must be a multiple of element size");
        if (count >= 0 && count * item > avail) throw new TdlError(ErrorKind.VALUE_ERROR, "buffer is smaller than requested size");
        NDArray out = raw(java.util.Arrays.copyOfRange(data, (int) offset, data.length), d, count);
        return Views.broadcastView(out, out.copy()); // numpy's is read-only: bytes cannot change
    }

    /** numpy's binary read: little-endian items (the machines numpy ran on), the last partial item dropped. */
    static NDArray raw(byte[] bytes, DType d, long count) {
        long n = bytes.length / NpyFile.itemSize(d);
        if (count >= 0) n = Math.min(n, count);
        return NpyFile.items(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN), d, new int[] {(int) n});
    }

    /** numpy's text read with a separator (whitespace around it ignored; ' ' means any whitespace). */
    private static NDArray text(String s, String sep, DType d, long count) {
        String[] parts = sep.isBlank() ? s.trim().split("\\s+") : s.trim().split("\\s*" + java.util.regex.Pattern.quote(sep.trim()) + "\\s*");
        List<Double> v = new ArrayList<>();
        for (String p : parts) {
            if (p.isEmpty()) continue;
            if (count >= 0 && v.size() >= count) break;
            try {
                v.add(d.isFloat() ? Double.parseDouble(p) : (double) Long.parseLong(p));
            } catch (NumberFormatException e) {
                break; // numpy stops at the first item it cannot read (with a DeprecationWarning)
            }
        }
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) out[i] = d.coerce(v.get(i));
        return NDArray.of(d, new int[] {out.length}, out);
    }

    /** a.tofile(fid, sep='') : raw little-endian items, or text joined by sep. */
    static Object tofile(Runtime rt, NDArray a, Args args) {
        args.check(3, "fid", "sep", "format");
        Object fid = args.get(0, "fid");
        Object sepArg = args.get(1, "sep", "");
        String sep = sepArg instanceof String s ? s : rt.str(sepArg);
        byte[] bytes;
        if (sep.isEmpty()) {
            byte[] npy = NpyFile.encode(a);
            bytes = java.util.Arrays.copyOfRange(npy, npy.length - NpyFile.itemSize(a.dtype()) * a.size(), npy.length);
        } else {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < a.size(); i++) {
                if (i > 0) b.append(sep);
                Object x = NumpyConvert.scalar(a.dtype(), a.get(i));
                b.append(rt.str(x));
            }
            bytes = b.toString().getBytes(StandardCharsets.UTF_8);
        }
        if (fid instanceof PyFile f) {
            refuseGzip(f, "tofile");
            f.writeBytes(bytes);
        } else if (fid instanceof String path) {
            try {
                java.nio.file.Files.write(rt.resolvePath(path, true), bytes);
            } catch (java.io.IOException e) {
                throw new TdlError(ErrorKind.OS_ERROR, "cannot write '" + path + "': " + e.getMessage());
            }
        } else {
            throw new TdlError(ErrorKind.TYPE_ERROR, "tofile writes to a path or a file opened with open(path, 'wb'), got " + rt.typeName(fid));
        }
        return null;
    }

    /**
     * numpy's fromfile and tofile go to the file descriptor under a gzip file, so they read and
     * write its compressed bytes (a gzip.BadGzipFile later, or garbage): refused here, rather than
     * quietly doing what numpy does not.
     */
    private static void refuseGzip(PyFile f, String what) {
        if (f.gzip()) {
            throw new TdlError(ErrorKind.VALUE_ERROR, "np." + what + " on a gzip file: numpy would use its compressed bytes",
                    "read gzipped IDX files with load_mnist(path); np.save and np.load work on gzip files; or gunzip the file first");
        }
    }

    /** np.save(f, arr) on a file object: the .npy bytes at its position. */
    static void save(PyFile f, NDArray a) {
        f.writeBytes(NpyFile.encode(a));
    }

    /** np.load(f) on a file object: one .npy array from its position, which then stands after it (as numpy's). */
    static NDArray load(PyFile f) {
        long start = f.tell();
        byte[] rest = f.readBytes(-1);
        NDArray a = NpyFile.decode(rest, f.name());
        f.seek(start + NpyFile.encodedLength(rest), 0);
        return a;
    }
}
