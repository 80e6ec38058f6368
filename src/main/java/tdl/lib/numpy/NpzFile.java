package tdl.lib.numpy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import tdl.graph.NDArray;
import tdl.interp.Args;
import tdl.interp.Runtime;
import tdl.syntax.TdlError;
import tdl.vocab.ErrorKind;

/**
 * The .npz format (numpy/lib/npyio.py): a zip archive holding one .npy file per array, named
 * {@code NAME.npy}; np.savez stores the members, np.savez_compressed deflates them. np.load of an
 * archive (recognised by the zip magic, as numpy does) reads every member at once into an
 * {@link NpzArchive}.
 */
final class NpzFile {
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private NpzFile() {}

    /** np.savez(file, *args, **kwds): positional arrays are named arr_0, arr_1, ...; ".npz" is appended when missing. */
    static void save(Runtime rt, Args a, boolean compress) {
        if (a.size() == 0 && !a.keywords().containsKey("file")) {
            throw new TdlError(ErrorKind.TYPE_ERROR, a.function() + "() missing required argument 'file' (position 1)");
        }
        Object fileArg = a.size() > 0 ? a.positional().get(0) : a.keywords().get("file");
        if (!(fileArg instanceof String file)) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "np." + a.function() + " takes a path string", "file objects are not supported");
        }
        Map<String, NDArray> members = new LinkedHashMap<>();
        for (int i = 1; i < a.size(); i++) members.put("arr_" + (i - 1), NumpyConvert.toArray(a.positional().get(i)));
        for (Map.Entry<String, Object> e : a.keywords().entrySet()) {
            if (e.getKey().equals("file")) continue;
            if (members.containsKey(e.getKey())) {
                throw new TdlError(ErrorKind.VALUE_ERROR, "Cannot use un-named variables and keyword " + e.getKey());
            }
            members.put(e.getKey(), NumpyConvert.toArray(e.getValue()));
        }
        String name = file.endsWith(".npz") ? file : file + ".npz";
        Path path = rt.resolvePath(name, true);
        try (OutputStream os = Files.newOutputStream(path); ZipOutputStream zip = new ZipOutputStream(os)) {
            for (Map.Entry<String, NDArray> e : members.entrySet()) {
                byte[] bytes = NpyFile.encode(e.getValue());
                ZipEntry entry = new ZipEntry(e.getKey() + ".npy");
                if (compress) {
                    entry.setMethod(ZipEntry.DEFLATED);
                } else {
                    CRC32 crc = new CRC32();
                    crc.update(bytes);
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(bytes.length);
                    entry.setCompressedSize(bytes.length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(bytes);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new TdlError(ErrorKind.OS_ERROR, "cannot write " + path + ": " + e.getMessage());
        }
    }

    /** Whether the file starts as a zip archive does (np.load's test for an .npz). */
    static boolean isArchive(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(ZIP_MAGIC.length);
            return java.util.Arrays.equals(head, ZIP_MAGIC);
        } catch (IOException e) {
            return false;
        }
    }

    static NpzArchive load(Path path) {
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        List<String> others = new ArrayList<>();
        try (ZipFile zip = new ZipFile(path.toFile())) {
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.isDirectory()) continue;
                String member = e.getName();
                if (!member.endsWith(".npy")) {
                    others.add(member);
                    continue;
                }
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                try (InputStream in = zip.getInputStream(e)) {
                    in.transferTo(buf);
                }
                String key = member.substring(0, member.length() - 4);
                arrays.put(key, NpyFile.decode(buf.toByteArray(), path + "[" + member + "]"));
            }
        } catch (IOException e) {
            throw new TdlError(ErrorKind.VALUE_ERROR, "cannot load " + path + " as an .npz archive: " + e.getMessage());
        }
        return new NpzArchive(arrays, others);
    }
}
