package tdl.interp;

import tdl.vocab.ErrorKind;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import tdl.syntax.TdlError;

/**
 * Python's number formatting: repr of floats (shortest round-trip), the format-spec mini-language
 * (f-strings, format(), str.format) and printf-style %. Rounding uses the exact binary value with
 * half-even, as CPython does, so '%.2f' % 2.675 gives '2.67'.
 */
final class PyFormat {
    private PyFormat() {}

    /** repr(float) as Python prints it: 0.1, 1e-05, 1e+16, 3.0, inf, nan. */
    static String floatRepr(double d) {
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        if (d == 0) return (1 / d < 0) ? "-0.0" : "0.0";
        BigDecimal s = ShortestDecimal.of(d, false).stripTrailingZeros();
        String digits = s.unscaledValue().abs().toString();
        int exp = digits.length() - 1 - s.scale(); // decimal exponent of first digit
        String sign = d < 0 ? "-" : "";
        if (exp < -4 || exp >= 16) {
            String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mant + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
        }
        String plain = s.abs().toPlainString();
        if (!plain.contains(".")) plain += ".0";
        return sign + plain;
    }

    /** A parsed format spec: [[fill]align][sign][#][0][width][,|_][.precision][type]. */
    record Spec(char fill, char align, char sign, boolean alt, int width, char group, int precision, char type) {
        static Spec parse(String s) {
            char fill = ' ', align = 0, sign = '-', group = 0, type = 0;
            boolean alt = false;
            int width = -1, precision = -1, i = 0, n = s.length();
            if (n >= 2 && "<>=^".indexOf(s.charAt(1)) >= 0) { fill = s.charAt(0); align = s.charAt(1); i = 2; }
            else if (n >= 1 && "<>=^".indexOf(s.charAt(0)) >= 0) { align = s.charAt(0); i = 1; }
            if (i < n && "+- ".indexOf(s.charAt(i)) >= 0) sign = s.charAt(i++);
            if (i < n && s.charAt(i) == '#') { alt = true; i++; }
            if (i < n && s.charAt(i) == '0') {
                if (align == 0) { fill = '0'; align = '='; }
                i++;
            }
            int st = i;
            while (i < n && Character.isDigit(s.charAt(i))) i++;
            if (i > st) width = Integer.parseInt(s.substring(st, i));
            if (i < n && (s.charAt(i) == ',' || s.charAt(i) == '_')) group = s.charAt(i++);
            if (i < n && s.charAt(i) == '.') {
                st = ++i;
                while (i < n && Character.isDigit(s.charAt(i))) i++;
                if (i == st) throw new TdlError(ErrorKind.VALUE_ERROR, "Format specifier missing precision");
                precision = Integer.parseInt(s.substring(st, i));
            }
            if (i < n) type = s.charAt(i++);
            if (i < n) throw new TdlError(ErrorKind.VALUE_ERROR, "Invalid format specifier '" + s + "'");
            return new Spec(fill, align, sign, alt, width, group, precision, type);
        }
    }

    /** format(value, spec) for plain values; hooked values are converted by the caller. */
    static String format(Interpreter in, Object v, String specText) {
        if (specText == null || specText.isEmpty()) return in.str(v);
        Spec sp = Spec.parse(specText);
        if (v instanceof Boolean b && sp.type == 0) v = b ? 1L : 0L;
        if (v instanceof Boolean b && sp.type != 's') v = b ? 1L : 0L;
        if (v instanceof Long || v instanceof java.math.BigInteger) {
            if ("eEfFgG%".indexOf(sp.type) >= 0) return formatFloat(Ops.toDouble(v), sp);
            if (sp.type == 's') throw badType(sp.type, "int");
            return formatInt(Ints.big(v), sp);
        }
        if (v instanceof Double d) {
            if (sp.type != 0 && "eEfFgGn%".indexOf(sp.type) < 0) throw badType(sp.type, "float");
            return formatFloat(d, sp);
        }
        String s = in.str(v);
        if (sp.type != 0 && sp.type != 's') throw badType(sp.type, in.typeName(v));
        if (sp.precision >= 0 && s.length() > sp.precision) s = s.substring(0, sp.precision);
        return pad(s, sp, '<', "");
    }

    static boolean isNumericSpec(String specText) {
        if (specText == null || specText.isEmpty()) return false;
        Spec sp = Spec.parse(specText);
        return (sp.type != 0 && "bcdoxXneEfFgG%".indexOf(sp.type) >= 0) || (sp.type == 0 && sp.precision >= 0)
                || sp.group != 0 || sp.align == '=' || sp.sign != '-';
    }

    private static TdlError badType(char t, String type) {
        return new TdlError(ErrorKind.VALUE_ERROR, "Unknown format code '" + t + "' for object of type '" + type + "'");
    }

    private static String formatInt(java.math.BigInteger l, Spec sp) {
        String body;
        java.math.BigInteger a = l.abs();
        String prefix = "";
        switch (sp.type) {
            case 'b': body = a.toString(2); prefix = sp.alt ? "0b" : ""; break;
            case 'o': body = a.toString(8); prefix = sp.alt ? "0o" : ""; break;
            case 'x': body = a.toString(16); prefix = sp.alt ? "0x" : ""; break;
            case 'X': body = a.toString(16).toUpperCase(); prefix = sp.alt ? "0X" : ""; break;
            case 'c':
                if (l.signum() < 0 || l.compareTo(java.math.BigInteger.valueOf(Character.MAX_CODE_POINT)) > 0) {
                    throw new TdlError(ErrorKind.OVERFLOW_ERROR, "%c arg not in range(0x110000)");
                }
                return pad(new String(Character.toChars(l.intValue())), sp, '<', "");
            case 0: case 'd': case 'n': body = Ints.toDecimal(Ints.normalize(a)); break;
            default: throw badType(sp.type, "int");
        }
        if (sp.group != 0) body = group(body, sp.group, "boxX".indexOf(sp.type) >= 0 ? 4 : 3); // '_' groups hex/bin digits by 4, as Python
        return pad(body, sp, '>', signOf(l.signum() < 0, sp) + prefix);
    }

    private static String signOf(boolean negative, Spec sp) {
        if (negative) return "-";
        return sp.sign == '+' ? "+" : sp.sign == ' ' ? " " : "";
    }

    private static String formatFloat(double d, Spec sp) {
        boolean neg = d < 0 || (d == 0 && 1 / d < 0);
        double a = Math.abs(d);
        char t = sp.type;
        String body;
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            body = Double.isNaN(d) ? "nan" : "inf";
            if (t == 'E' || t == 'F' || t == 'G') body = body.toUpperCase();
            if (t == '%') body += "%";
            neg = d < 0;
            return pad(body, sp, '>', signOf(neg, sp));
        }
        switch (t) {
            case 'f': case 'F': body = fixed(a, sp.precision < 0 ? 6 : sp.precision); break;
            case 'e': case 'E': body = sci(a, sp.precision < 0 ? 6 : sp.precision, t == 'E'); break;
            case '%': body = fixed(a * 100, sp.precision < 0 ? 6 : sp.precision); break;
            case 'g': case 'G': case 'n': body = general(a, sp.precision < 0 ? 6 : sp.precision, sp.alt, t == 'G', false); break;
            default:
                body = sp.precision < 0 ? floatRepr(a) : general(a, sp.precision, sp.alt, false, true);
        }
        if (sp.alt && !body.contains(".") && (t == 'f' || t == 'F' || t == 'e' || t == 'E')) {
            int e = body.indexOf('e');
            body = e < 0 ? body + "." : body.substring(0, e) + "." + body.substring(e);
        }
        if (sp.group != 0) {
            int end = 0;
            while (end < body.length() && Character.isDigit(body.charAt(end))) end++;
            body = group(body.substring(0, end), sp.group) + body.substring(end);
        }
        if (t == '%') body += "%";
        return pad(body, sp, '>', signOf(neg, sp));
    }

    static String fixed(double a, int prec) {
        return new BigDecimal(a).setScale(prec, RoundingMode.HALF_EVEN).toPlainString();
    }

    static String sci(double a, int prec, boolean upper) {
        String mant;
        int exp;
        if (a == 0) {
            mant = prec == 0 ? "0" : "0." + "0".repeat(prec);
            exp = 0;
        } else {
            BigDecimal r = new BigDecimal(a).round(new MathContext(prec + 1, RoundingMode.HALF_EVEN));
            String digits = r.unscaledValue().toString();
            exp = digits.length() - 1 - r.scale();
            while (digits.length() < prec + 1) digits += "0";
            digits = digits.substring(0, prec + 1);
            mant = prec == 0 ? digits : digits.charAt(0) + "." + digits.substring(1);
        }
        return mant + (upper ? "E" : "e") + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    }

    /** 'g' formatting; {@code noneType} is the spec without a type letter (keeps one decimal). */
    static String general(double a, int prec, boolean alt, boolean upper, boolean noneType) {
        if (prec == 0) prec = 1;
        int exp;
        if (a == 0) exp = 0;
        else {
            BigDecimal r = new BigDecimal(a).round(new MathContext(prec, RoundingMode.HALF_EVEN));
            exp = r.precision() - 1 - r.scale();
        }
        String body;
        if (exp >= -4 && exp < prec) {
            body = fixed(a, Math.max(0, prec - 1 - exp));
            if (!alt) body = stripZeros(body);
            if (noneType && !body.contains(".")) body += ".0";
        } else {
            body = sci(a, prec - 1, upper);
            if (!alt) {
                int e = body.indexOf(upper ? 'E' : 'e');
                body = stripZeros(body.substring(0, e)) + body.substring(e);
            }
        }
        return body;
    }

    private static String stripZeros(String s) {
        if (!s.contains(".")) return s;
        int end = s.length();
        while (s.charAt(end - 1) == '0') end--;
        if (s.charAt(end - 1) == '.') end--;
        return s.substring(0, end);
    }

    private static String group(String digits, char sep) {
        return group(digits, sep, 3);
    }

    private static String group(String digits, char sep, int size) {
        StringBuilder sb = new StringBuilder();
        int n = digits.length();
        for (int i = 0; i < n; i++) {
            if (i > 0 && (n - i) % size == 0) sb.append(sep);
            sb.append(digits.charAt(i));
        }
        return sb.toString();
    }

    private static String pad(String body, Spec sp, char defaultAlign, String sign) {
        char align = sp.align == 0 ? defaultAlign : sp.align;
        int len = sign.length() + body.length();
        if (sp.width <= len) return sign + body;
        String fill = String.valueOf(sp.fill).repeat(sp.width - len);
        switch (align) {
            case '<': return sign + body + fill;
            case '=': return sign + fill + body;
            case '^': {
                int left = (sp.width - len) / 2;
                return fill.substring(0, left) + sign + body + fill.substring(left);
            }
            default: return fill + sign + body;
        }
    }

    /** printf-style: fmt % args. */
    static String percent(Interpreter in, String fmt, Object args) {
        List<Object> items = args instanceof TdlTuple t ? t.items() : List.of(args == null ? NONE : args);
        @SuppressWarnings("unchecked")
        Map<Object, Object> named = args instanceof Map<?, ?> m ? (Map<Object, Object>) m : null;
        StringBuilder sb = new StringBuilder();
        int next = 0, i = 0, n = fmt.length();
        boolean usedNamed = false;
        while (i < n) {
            char c = fmt.charAt(i++);
            if (c != '%') { sb.append(c); continue; }
            if (i >= n) throw new TdlError(ErrorKind.VALUE_ERROR, "incomplete format");
            Object value = null;
            boolean haveValue = false;
            if (fmt.charAt(i) == '(') {
                int close = fmt.indexOf(')', i);
                if (close < 0) throw new TdlError(ErrorKind.VALUE_ERROR, "incomplete format key");
                if (named == null) throw new TdlError(ErrorKind.TYPE_ERROR, "format requires a mapping");
                value = DictKeys.get(named, fmt.substring(i + 1, close), in);
                haveValue = usedNamed = true;
                i = close + 1;
            }
            StringBuilder flags = new StringBuilder();
            while (i < n && "-+ 0#".indexOf(fmt.charAt(i)) >= 0) flags.append(fmt.charAt(i++));
            int st = i;
            while (i < n && (Character.isDigit(fmt.charAt(i)) || fmt.charAt(i) == '.')) i++;
            String widthPrec = fmt.substring(st, i);
            if (i >= n) throw new TdlError(ErrorKind.VALUE_ERROR, "incomplete format");
            char type = fmt.charAt(i++);
            if (type == '%') { sb.append('%'); continue; }
            if (!haveValue) {
                if (named != null && !(args instanceof TdlTuple)) {
                    if (next++ > 0) throw new TdlError(ErrorKind.TYPE_ERROR, "not enough arguments for format string");
                    value = args;
                } else {
                    if (next >= items.size()) throw new TdlError(ErrorKind.TYPE_ERROR, "not enough arguments for format string");
                    value = items.get(next++);
                    if (value == NONE) value = null;
                }
            }
            String f = flags.toString();
            String align = f.contains("-") ? "<" : "";
            String sign = f.contains("+") ? "+" : f.contains(" ") ? " " : "";
            String zero = f.contains("0") && !f.contains("-") ? "0" : "";
            String alt = f.contains("#") ? "#" : "";
            String spec;
            switch (type) {
                case 's': case 'r': case 'a': {
                    String s = type == 's' ? in.str(value) : in.repr(value);
                    spec = (align.isEmpty() ? ">" : "<") + widthPrec;
                    sb.append(format(in, s, spec));
                    continue;
                }
                case 'd': case 'i': case 'u': {
                    Object num = in.toNumber(value, "%" + type);
                    Object l = num instanceof Double d ? Ints.fromDouble(d) : num; // '%d' % 1e20 is exact, as Python
                    sb.append(format(in, l, align + sign + alt + zero + widthPrec + "d"));
                    continue;
                }
                case 'c':
                    sb.append(percentC(value));
                    continue;
                case 'o': case 'x': case 'X': case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
                    Object num = in.toNumber(value, "%" + type);
                    if ("oxX".indexOf(type) >= 0 && num instanceof Double) {
                        throw new TdlError(ErrorKind.TYPE_ERROR, "%" + type + " format: an integer is required, not float");
                    }
                    sb.append(format(in, num, align + sign + alt + zero + widthPrec + type));
                    continue;
                }
                default:
                    throw new TdlError(ErrorKind.VALUE_ERROR, "unsupported format character '" + type + "'");
            }
        }
        if (!usedNamed && named == null && next < items.size()) {
            throw new TdlError(ErrorKind.TYPE_ERROR, "not all arguments converted during string formatting");
        }
        return sb.toString();
    }

    private static final Object NONE = new Object();

    /** str.format(*args, **kwargs). */
    static String strFormat(Interpreter in, String fmt, List<Object> args, Map<String, Object> kwargs) {
        StringBuilder sb = new StringBuilder();
        int auto = 0, i = 0, n = fmt.length();
        while (i < n) {
            char c = fmt.charAt(i);
            if (c == '{') {
                if (i + 1 < n && fmt.charAt(i + 1) == '{') { sb.append('{'); i += 2; continue; }
                int depth = 1, j = i + 1;
                while (j < n && depth > 0) {
                    if (fmt.charAt(j) == '{') depth++;
                    else if (fmt.charAt(j) == '}') depth--;
                    if (depth > 0) j++;
                }
                if (j >= n) throw new TdlError(ErrorKind.VALUE_ERROR, "Single '{' encountered in format string");
                String field = fmt.substring(i + 1, j);
                i = j + 1;
                String spec = null, conv = null;
                int colon = indexOutsideBrackets(field, ':');
                if (colon >= 0) { spec = field.substring(colon + 1); field = field.substring(0, colon); }
                int bang = field.indexOf('!');
                if (bang >= 0) { conv = field.substring(bang + 1); field = field.substring(0, bang); }
                int end = 0;
                while (end < field.length() && field.charAt(end) != '.' && field.charAt(end) != '[') end++;
                String head = field.substring(0, end);
                Object value;
                if (head.isEmpty()) {
                    if (auto >= args.size()) throw new TdlError(ErrorKind.INDEX_ERROR, "Replacement index " + auto + " out of range for positional args tuple");
                    value = args.get(auto++);
                } else if (Character.isDigit(head.charAt(0))) {
                    int k = Integer.parseInt(head);
                    if (k >= args.size()) throw new TdlError(ErrorKind.INDEX_ERROR, "Replacement index " + k + " out of range for positional args tuple");
                    value = args.get(k);
                } else {
                    if (!kwargs.containsKey(head)) throw new TdlError(ErrorKind.KEY_ERROR, "'" + head + "'");
                    value = kwargs.get(head);
                }
                String rest = field.substring(end);
                while (!rest.isEmpty()) {
                    if (rest.charAt(0) == '.') {
                        int k = 1;
                        while (k < rest.length() && rest.charAt(k) != '.' && rest.charAt(k) != '[') k++;
                        value = in.getAttr(value, rest.substring(1, k));
                        rest = rest.substring(k);
                    } else {
                        int close = rest.indexOf(']');
                        String key = rest.substring(1, close);
                        Object idx = key.chars().allMatch(Character::isDigit) && !key.isEmpty() ? (Object) Long.parseLong(key) : key;
                        value = in.getItem(value, idx);
                        rest = rest.substring(close + 1);
                    }
                }
                if (spec != null && spec.contains("{")) spec = strFormat(in, spec, args, kwargs);
                sb.append(in.formatValue(value, conv, spec));
            } else if (c == '}') {
                if (i + 1 < n && fmt.charAt(i + 1) == '}') { sb.append('}'); i += 2; continue; }
                throw new TdlError(ErrorKind.VALUE_ERROR, "Single '}' encountered in format string");
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }

    private static int indexOutsideBrackets(String s, char ch) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '[') depth++;
            else if (c == ']') depth--;
            else if (c == ch && depth == 0) return i;
        }
        return -1;
    }

    /** Python's %c: a one-character string, or an int code point below 0x110000. */
    private static String percentC(Object value) {
        if (value instanceof String s && s.codePointCount(0, s.length()) == 1) return s;
        if (value instanceof java.math.BigInteger) throw new TdlError(ErrorKind.OVERFLOW_ERROR, "%c arg not in range(0x110000)");
        if (value instanceof Long || value instanceof Boolean) {
            long cp = Ops.toLong(value);
            if (cp < 0 || cp > Character.MAX_CODE_POINT) throw new TdlError(ErrorKind.OVERFLOW_ERROR, "%c arg not in range(0x110000)");
            return new String(Character.toChars((int) cp));
        }
        throw new TdlError(ErrorKind.TYPE_ERROR, "%c requires int or char");
    }
}
