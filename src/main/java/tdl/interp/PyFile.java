package tdl.interp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * A file opened by {@code open()} or {@code gzip.open()}, as Python's: text mode reads and writes
 * str (UTF-8 unless told otherwise), binary mode hands its bytes to numpy ({@code np.fromfile},
 * {@code np.load}, {@code np.save}). A file read is read whole when opened (the data files of these
 * scripts fit in memory; position and lines are then exact); a file written goes to disk at every
 * write, so a script that never closes it loses nothing. TDL has no bytes type, so {@code read()} of
 * a binary file is refused with a hint rather than answered with something else.
 */
public final class PyFile {
    private final String name, mode;
    private final boolean binary, reading, gzip;
    private final Charset charset;
    private byte[] bytes; // reading: the whole content (gunzipped)
    private String text; // reading, text mode: the decoded content
    private int pos; // reading: in bytes (binary) or chars (text)
    private OutputStream out; // writing
    private boolean closed;

    private PyFile(String name, String mode, boolean binary, boolean reading, boolean gzip, Charset charset) {
        this.name = name;
        this.mode = mode;
        this.binary = binary;
        this.reading = reading;
        this.gzip = gzip;
        this.charset = charset;
    }

    /** open(file, mode, encoding) on {@code path} (already resolved through the session's file rules). */
    static PyFile open(String name, Path path, String mode, String encoding, boolean gzip) {
        String m = mode.replace("t", "");
        boolean binary = m.contains("b");
        String kind = m.replace("b", "");
        long kinds = kind.chars().filter(c -> "rwax".indexOf(c) >= 0).count();
        if (kinds > 1) throw new TdlError(ErrorKind.VALUE_ERROR, "must have exactly one of create/read/write/append mode");
        if (!(kind.equals("r") || kind.equals("w") || kind.equals("a")) || mode.contains("b") && mode.contains("t")) {
            throw new TdlError(ErrorKind.VALUE_ERROR, "invalid mode: '" + mode + "'",
                    "TDL opens files with 'r', 'w' or 'a', each with 'b' for binary ('r+', 'x' and 'U' are not supported)");
        }
        if (binary && encoding != null) throw new TdlError(ErrorKind.VALUE_ERROR, "binary mode doesn't take an encoding argument");
        Charset cs = encoding == null ? StandardCharsets.UTF_8 : Codecs.forName(encoding);
        PyFile f = new PyFile(name, mode, binary, kind.equals("r"), gzip, cs);
        try {
            if (f.reading) {
                byte[] raw = Files.readAllBytes(path);
                if (gzip) {
                    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(raw))) {
                        raw = in.readAllBytes();
                    }
                }
                f.bytes = raw;
                if (!binary) f.text = new String(raw, cs).replace("\r\n", "\n");
            } else {
                OutputStream o = Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        kind.equals("a") ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
                f.out = gzip ? new GZIPOutputStream(o, true) : o;
            }
        } catch (NoSuchFileException e) {
            throw new TdlError(ErrorKind.FILE_NOT_FOUND_ERROR, "[Errno 2] No such file or directory: '" + name + "'");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new TdlError(ErrorKind.PERMISSION_ERROR, "[Errno 13] Permission denied: '" + name + "'");
        } catch (IOException e) {
            if (Files.isDirectory(path)) throw new TdlError(ErrorKind.IS_A_DIRECTORY_ERROR, "[Errno 21] Is a directory: '" + name + "'");
            throw new TdlError(ErrorKind.OS_ERROR, "cannot open '" + name + "': " + e.getMessage());
        }
        return f;
    }

    public String name() { return name; }

    public String mode() { return mode; }

    public boolean binary() { return binary; }

    public boolean closed() { return closed; }

    private void open(String op) {
        if (closed) throw new TdlError(ErrorKind.VALUE_ERROR, "I/O operation on closed file.");
        if (op.equals("read") && !reading) throw new TdlError(ErrorKind.UNSUPPORTED_OPERATION, "not readable", "open the file with mode 'r' to read it");
        if (op.equals("write") && reading) throw new TdlError(ErrorKind.UNSUPPORTED_OPERATION, "not writable", "open the file with mode 'w' or 'a' to write it");
    }

    /** read(size=-1): the rest (or size characters) of a text file; of a binary file, bytes. */
    Object read(long size) {
        open("read");
        if (binary) return new PyBytes(readBytes(size));
        int end = size < 0 ? text.length() : (int) Math.min(text.length(), pos + size);
        String s = text.substring(pos, end);
        pos = end;
        return s;
    }

    /** readline(): up to and including the next newline; "" at the end. */
    String readline() {
        open("read");
        if (binary) {
            throw new TdlError(ErrorKind.NOT_IMPLEMENTED_ERROR, "readline() of a binary file",
                    "open the file in text mode ('r') to read lines");
        }
        if (pos >= text.length()) return "";
        int nl = text.indexOf('\n', pos);
        int end = nl < 0 ? text.length() : nl + 1;
        String s = text.substring(pos, end);
        pos = end;
        return s;
    }

    List<Object> readlines() {
        List<Object> lines = new ArrayList<>();
        for (String s = readline(); !s.isEmpty(); s = readline()) lines.add(s);
        return lines;
    }

    /**
     * The next {@code n} bytes of a binary file (fewer at its end; all the rest when n < 0), for numpy.
     * numpy reads a text-mode file's bytes too (np.fromfile(open(path)) in Python 3 scripts): allowed
     * from its start only, after which the text reads find its end.
     */
    public byte[] readBytes(long n) {
        open("read");
        if (!binary) {
            if (pos != 0) {
                throw new TdlError(ErrorKind.VALUE_ERROR, "raw bytes of a text file that has been read from",
                        "open the file with mode 'rb' to read raw numbers from it");
            }
            int end = n < 0 ? bytes.length : (int) Math.min(bytes.length, n);
            pos = text.length();
            return java.util.Arrays.copyOfRange(bytes, 0, end);
        }
        int end = n < 0 ? bytes.length : (int) Math.min(bytes.length, pos + n);
        byte[] b = java.util.Arrays.copyOfRange(bytes, pos, end);
        pos = end;
        return b;
    }

    /** Writes raw bytes to a binary file (np.save, np.ndarray.tofile). */
    public void writeBytes(byte[] b) {
        open("write");
        if (!binary) throw new TdlError(ErrorKind.TYPE_ERROR, "write() argument must be str, not bytes", "open the file with mode 'wb'");
        try {
            out.write(b);
            out.flush();
        } catch (IOException e) {
            throw new TdlError(ErrorKind.OS_ERROR, "cannot write '" + name + "': " + e.getMessage());
        }
    }

    /** write(s) of a text file: the number of characters written. */
    long write(String s) {
        open("write");
        if (binary) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "a bytes-like object is required, not 'str'",
                    "open the file in text mode ('w') to write strings; np.save(f, array) writes arrays to a binary file");
        }
        try {
            out.write(s.getBytes(charset));
            out.flush();
        } catch (IOException e) {
            throw new TdlError(ErrorKind.OS_ERROR, "cannot write '" + name + "': " + e.getMessage());
        }
        return s.length();
    }

    void close() {
        if (closed) return;
        closed = true;
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new TdlError(ErrorKind.OS_ERROR, "cannot close '" + name + "': " + e.getMessage());
            }
        }
        bytes = null;
        text = null;
    }

    /** Where reading stands: bytes for a binary file, characters for a text file (Python's tell() is opaque for text). */
    public long tell() {
        if (closed) open("tell");
        return pos;
    }

    /** seek(offset, whence=0) of a file opened for reading. */
    public long seek(long offset, int whence) {
        open("read");
        int size = binary ? bytes.length : text.length();
        long base = switch (whence) {
            case 0 -> 0;
            case 1 -> pos;
            case 2 -> size;
            default -> throw new TdlError(ErrorKind.VALUE_ERROR, "invalid whence (" + whence + ", should be 0, 1 or 2)");
        };
        long p = base + offset;
        if (p < 0) throw new TdlError(ErrorKind.VALUE_ERROR, "negative seek position " + p);
        pos = (int) Math.min(p, size);
        return pos;
    }

    /** Opened by gzip.open: numpy's fromfile/tofile would see its compressed bytes. */
    public boolean gzip() { return gzip; }

    @Override
    public String toString() {
        return gzip ? "<gzip _io.BufferedReader name='" + name + "'>"
                : binary ? "<_io.Buffered" + (reading ? "Reader" : "Writer") + " name='" + name + "'>"
                : "<_io.TextIOWrapper name='" + name + "' mode='" + mode + "' encoding='" + charset.name() + "'>";
    }
}
