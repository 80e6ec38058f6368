package tdl.interp;

import tdl.vocab.ErrorKind;
import java.util.ArrayList;
import java.util.List;
import tdl.syntax.TdlError;

/** str methods with Python's semantics (split on runs of whitespace, strip of a char set, ...). */
final class StrMethods {
    private StrMethods() {}

    static Object call(Interpreter in, String s, String name, Args a) {
        switch (name) {
            case "format": return PyFormat.strFormat(in, s, a.positional(), a.keywords());
            case "join": {
                StringBuilder sb = new StringBuilder();
                boolean first = true;
                for (Object o : in.protocol.access.toList(a.check(1).get(0, "iterable"))) {
                    if (!(o instanceof String x)) {
                        throw new TdlError(ErrorKind.TYPE_ERROR, "sequence item: expected str instance, " + in.typeName(o) + " found",
                                "convert the items with str() first: ', '.join(str(v) for v in values)");
                    }
                    if (!first) sb.append(s);
                    first = false;
                    sb.append(x);
                }
                return sb.toString();
            }
            case "split": case "rsplit": {
                Object sep = a.get(0, "sep", null);
                long max = Ops.toLong(a.get(1, "maxsplit", -1L));
                return name.equals("split") ? split(s, (String) sep, max) : rsplit(s, (String) sep, max);
            }
            case "strip": return strip(s, (String) a.get(0, "chars", null), true, true);
            case "lstrip": return strip(s, (String) a.get(0, "chars", null), true, false);
            case "rstrip": return strip(s, (String) a.get(0, "chars", null), false, true);
            case "replace": {
                String old = (String) a.get(0, "old"), nw = (String) a.get(1, "new");
                long count = Ops.toLong(a.get(2, "count", -1L));
                if (count < 0) return s.replace(old, nw);
                String r = s;
                StringBuilder sb = new StringBuilder();
                int from = 0;
                for (long k = 0; k < count; k++) {
                    int i = r.indexOf(old, from);
                    if (i < 0) break;
                    sb.append(r, from, i).append(nw);
                    from = i + old.length();
                    if (old.isEmpty()) { if (from < r.length()) sb.append(r.charAt(from)); from++; }
                }
                if (from <= r.length()) sb.append(r.substring(Math.min(from, r.length())));
                return sb.toString();
            }
            case "startswith": case "endswith": {
                Object p = a.get(0, "prefix");
                List<Object> opts = p instanceof TdlTuple t ? t.items() : List.of(p);
                for (Object o : opts) {
                    String x = (String) o;
                    if (name.equals("startswith") ? s.startsWith(x) : s.endsWith(x)) return true;
                }
                return false;
            }
            case "upper": return s.toUpperCase();
            case "lower": return s.toLowerCase();
            case "title": {
                StringBuilder sb = new StringBuilder();
                boolean prevLetter = false;
                for (char c : s.toCharArray()) {
                    sb.append(prevLetter ? Character.toLowerCase(c) : Character.toUpperCase(c));
                    prevLetter = Character.isLetter(c);
                }
                return sb.toString();
            }
            case "capitalize": return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1).toLowerCase();
            case "find": return (long) s.indexOf((String) a.get(0, "sub"), Ints.toInt(Ops.toLong(a.get(1, "start", 0L))));
            case "rfind": return (long) s.lastIndexOf((String) a.get(0, "sub"));
            case "index": {
                int i = s.indexOf((String) a.get(0, "sub"));
                if (i < 0) throw new TdlError(ErrorKind.VALUE_ERROR, "substring not found");
                return (long) i;
            }
            case "count": {
                String sub = (String) a.get(0, "sub");
                if (sub.isEmpty()) return (long) s.length() + 1;
                long n = 0;
                for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length())) n++;
                return n;
            }
            case "zfill": {
                int w = Ints.toInt(Ops.toLong(a.get(0, "width")));
                if (s.length() >= w) return s;
                boolean sign = !s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+');
                String z = "0".repeat(w - s.length());
                return sign ? s.charAt(0) + z + s.substring(1) : z + s;
            }
            case "center": case "ljust": case "rjust": {
                int w = Ints.toInt(Ops.toLong(a.get(0, "width")));
                Object fillArg = a.get(1, "fillchar", " ");
                if (!(fillArg instanceof String fill)) {
                    throw new TdlError(ErrorKind.TYPE_ERROR, "The fill character must be a unicode character, not " + in.typeName(fillArg));
                }
                if (fill.codePointCount(0, fill.length()) != 1) {
                    throw new TdlError(ErrorKind.TYPE_ERROR, "The fill character must be exactly one character long");
                }
                int n = w - s.length();
                if (n <= 0) return s;
                if (name.equals("ljust")) return s + fill.repeat(n);
                if (name.equals("rjust")) return fill.repeat(n) + s;
                int left = n / 2 + (n & w & 1);
                return fill.repeat(left) + s + fill.repeat(n - left);
            }
            case "splitlines": {
                List<Object> out = new ArrayList<>();
                for (String line : s.split("\r\n|\r|\n", -1)) out.add(line);
                if (!out.isEmpty() && ((String) out.get(out.size() - 1)).isEmpty()) out.remove(out.size() - 1);
                return new ArrayList<>(out);
            }
            case "partition": {
                String sep = (String) a.get(0, "sep");
                int i = s.indexOf(sep);
                if (i < 0) return TdlTuple.of(s, "", "");
                return TdlTuple.of(s.substring(0, i), sep, s.substring(i + sep.length()));
            }
            case "isdigit": return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
            case "isalpha": return !s.isEmpty() && s.chars().allMatch(Character::isLetter);
            case "isalnum": return !s.isEmpty() && s.chars().allMatch(Character::isLetterOrDigit);
            case "isspace": return !s.isEmpty() && s.chars().allMatch(Character::isWhitespace);
            case "isupper": return s.chars().anyMatch(Character::isLetter) && s.equals(s.toUpperCase());
            case "islower": return s.chars().anyMatch(Character::isLetter) && s.equals(s.toLowerCase());
            case "encode": return s;
            default: throw new IllegalStateException(name);
        }
    }

    static ArrayList<Object> split(String s, String sep, long max) {
        ArrayList<Object> out = new ArrayList<>();
        if (sep == null) {
            int i = 0, n = s.length();
            while (true) {
                while (i < n && Character.isWhitespace(s.charAt(i))) i++;
                if (i >= n) break;
                if (max >= 0 && out.size() == max) { out.add(s.substring(i).stripTrailing()); break; }
                int j = i;
                while (j < n && !Character.isWhitespace(s.charAt(j))) j++;
                out.add(s.substring(i, j));
                i = j;
            }
            return out;
        }
        if (sep.isEmpty()) throw new TdlError(ErrorKind.VALUE_ERROR, "empty separator");
        int from = 0;
        while (max < 0 || out.size() < max) {
            int i = s.indexOf(sep, from);
            if (i < 0) break;
            out.add(s.substring(from, i));
            from = i + sep.length();
        }
        out.add(s.substring(from));
        return out;
    }

    private static ArrayList<Object> rsplit(String s, String sep, long max) {
        if (max < 0) return split(s, sep, max);
        if (sep == null) {
            ArrayList<Object> all = split(s, null, -1);
            if (all.size() <= max + 1) return all;
            // join the leading words back with their original spacing
            String rest = s.strip();
            ArrayList<Object> out = new ArrayList<>();
            for (int k = 0; k < max; k++) {
                int j = rest.length();
                while (j > 0 && !Character.isWhitespace(rest.charAt(j - 1))) j--;
                out.add(0, rest.substring(j));
                rest = rest.substring(0, j).stripTrailing();
            }
            out.add(0, rest);
            return out;
        }
        ArrayList<Object> out = new ArrayList<>();
        int end = s.length();
        while (out.size() < max) {
            int i = s.lastIndexOf(sep, end - sep.length());
            if (i < 0) break;
            out.add(0, s.substring(i + sep.length(), end));
            end = i;
        }
        out.add(0, s.substring(0, end));
        return out;
    }

    private static String strip(String s, String chars, boolean left, boolean right) {
        int i = 0, j = s.length();
        if (left) while (i < j && (chars == null ? Character.isWhitespace(s.charAt(i)) : chars.indexOf(s.charAt(i)) >= 0)) i++;
        if (right) while (j > i && (chars == null ? Character.isWhitespace(s.charAt(j - 1)) : chars.indexOf(s.charAt(j - 1)) >= 0)) j--;
        return s.substring(i, j);
    }
}
