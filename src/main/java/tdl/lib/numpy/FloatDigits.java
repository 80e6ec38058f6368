package tdl.lib.numpy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Decimal digits of a float the way numpy's Dragon4 produces them: the shortest digits that read
 * back as the same value (for float64 or float32), cut off at a precision by rounding the EXACT
 * binary value half-to-even. We search the shortest length with BigDecimal instead of trusting
 * {@code Double.toString}, which on Java 17 is not always shortest (JDK-4511638).
 */
final class FloatDigits {
    private FloatDigits() {}

    /** value = 0.{digits} x 10^(point) with no leading zero in digits; digits "0" for zero. */
    record Digits(boolean negative, String digits, int point) {
        /** Digits after the decimal point when written positionally. */
        int fractionLength() { return Math.max(0, digits.length() - point); }
    }

    /** The shortest digits that round-trip; {@code single} means the value is a float32. */
    static Digits shortest(double v, boolean single) {
        boolean neg = v < 0 || (v == 0 && 1 / v < 0);
        if (v == 0) return new Digits(neg, "0", 1);
        return of(neg, tdl.interp.ShortestDecimal.of(v, single));
    }

    private static Digits of(boolean neg, BigDecimal r) {
        r = r.stripTrailingZeros();
        BigInteger unscaled = r.unscaledValue();
        String digits = unscaled.toString();
        // r = unscaled * 10^-scale = 0.digits * 10^(len - scale)
        return new Digits(neg, digits, digits.length() - r.scale());
    }

    /** Shortest digits, but at most {@code precision} digits after the point (numpy unique + cutoff). */
    static Digits positional(double v, boolean single, int precision) {
        Digits d = shortest(v, single);
        if (v == 0 || d.fractionLength() <= precision) return d;
        BigDecimal r = new BigDecimal(Math.abs(v)).setScale(precision, RoundingMode.HALF_EVEN);
        if (r.signum() == 0) return new Digits(d.negative(), "0", 1);
        return of(d.negative(), r);
    }

    /** Shortest digits, but at most {@code precision} digits after the first one. */
    static Digits scientific(double v, boolean single, int precision) {
        Digits d = shortest(v, single);
        if (v == 0 || d.digits().length() <= precision + 1) return d;
        BigDecimal r = new BigDecimal(Math.abs(v)).round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
        return of(d.negative(), r);
    }

    /** The exact binary value of {@code v} rounded half-to-even to {@code significant} digits (v nonzero). */
    static Digits exactDigits(double v, int significant) {
        BigDecimal r = new BigDecimal(Math.abs(v)).round(new MathContext(significant, RoundingMode.HALF_EVEN));
        return of(v < 0, r);
    }

    /** The integer part (with its sign) and the fraction part of positional digits. */
    static String[] positionalParts(Digits d) {
        String digits = d.digits();
        int point = d.point();
        String intPart;
        String frac;
        if (digits.equals("0")) {
            intPart = "0";
            frac = "";
        } else if (point <= 0) {
            intPart = "0";
            frac = "0".repeat(-point) + digits;
        } else if (point >= digits.length()) {
            intPart = digits + "0".repeat(point - digits.length());
            frac = "";
        } else {
            intPart = digits.substring(0, point);
            frac = digits.substring(point);
        }
        return new String[] {(d.negative() ? "-" : "") + intPart, frac};
    }

    /** Mantissa integer digit (with sign), mantissa fraction, and decimal exponent. */
    static Object[] scientificParts(Digits d) {
        String digits = d.digits();
        int exp = digits.equals("0") ? 0 : d.point() - 1;
        String sign = d.negative() ? "-" : "";
        return new Object[] {sign + digits.charAt(0), digits.substring(1), exp};
    }

    static String exponent(int exp, int minDigits) {
        String e = Integer.toString(Math.abs(exp));
        if (e.length() < minDigits) e = "0".repeat(minDigits - e.length()) + e;
        return "e" + (exp < 0 ? "-" : "+") + e;
    }

    /**
     * Python's repr/str of a float (also numpy's str of a float scalar): shortest digits,
     * positional for 1e-4 <= |x| < 1e16, else scientific like 1e-05 or 1.5e+16.
     */
    static String pythonRepr(double v, boolean single) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        Digits d = shortest(v, single);
        int exp = d.digits().equals("0") ? 0 : d.point() - 1;
        if (exp < -4 || exp >= 16) {
            Object[] p = scientificParts(d);
            String frac = (String) p[1];
            return p[0] + (frac.isEmpty() ? "" : "." + frac) + exponent((Integer) p[2], 2);
        }
        String[] p = positionalParts(d);
        return p[0] + "." + (p[1].isEmpty() ? "0" : p[1]);
    }
}
