package tdl.lib.numpy;

/**
 * numpy's FloatingFormat with floatmode 'maxprec', precision 8, sign '-': one pass over the shown
 * values decides between positional and scientific notation and the common padding, so columns
 * align; then each value is printed with that padding.
 */
final class FloatFormat {
    private final int maxPrecision;
    private final boolean single;
    private boolean expFormat;
    private int padLeft;
    private int padRight;
    private int precision;
    private int expSize = -1;

    FloatFormat(double[] data, boolean single, int maxPrecision) {
        this.single = single;
        this.maxPrecision = maxPrecision;
        this.precision = maxPrecision;
        double maxVal = 0;
        double minVal = Double.POSITIVE_INFINITY;
        boolean anyNonZero = false;
        int finite = 0;
        for (double x : data) {
            if (!Double.isFinite(x)) continue;
            finite++;
            if (x == 0) continue;
            anyNonZero = true;
            double ax = Math.abs(x);
            maxVal = Math.max(maxVal, ax);
            minVal = Math.min(minVal, ax);
        }
        if (anyNonZero && (maxVal >= 1e8 || minVal < 0.0001 || maxVal / minVal > 1000.0)) expFormat = true;

        if (finite == 0) {
            padLeft = 0;
            padRight = 0;
        } else if (expFormat) {
            int maxFrac = 0;
            int maxInt = 0;
            int maxExp = 0;
            for (double x : data) {
                if (!Double.isFinite(x)) continue;
                Object[] p = FloatDigits.scientificParts(FloatDigits.scientific(x, single, maxPrecision));
                maxInt = Math.max(maxInt, ((String) p[0]).length());
                maxFrac = Math.max(maxFrac, ((String) p[1]).length());
                // the exponent text is sign + at least two digits; numpy's exp_size counts the digits
                maxExp = Math.max(maxExp, Math.max(2, Integer.toString(Math.abs((Integer) p[2])).length()));
            }
            expSize = maxExp;
            precision = maxFrac;
            padLeft = maxInt;
            padRight = expSize + 2 + precision;
        } else {
            int maxInt = 0;
            int maxFrac = 0;
            for (double x : data) {
                if (!Double.isFinite(x)) continue;
                String[] p = FloatDigits.positionalParts(FloatDigits.positional(x, single, maxPrecision));
                maxInt = Math.max(maxInt, p[0].length());
                maxFrac = Math.max(maxFrac, p[1].length());
            }
            padLeft = maxInt;
            padRight = maxFrac;
        }
        if (finite != data.length) {
            boolean negInf = false;
            for (double x : data) negInf |= x == Double.NEGATIVE_INFINITY;
            int offset = padRight + 1;
            padLeft = Math.max(padLeft, Math.max(3 - offset, 3 + (negInf ? 1 : 0) - offset));
        }
    }

    String format(double x) {
        if (!Double.isFinite(x)) {
            String ret = Double.isNaN(x) ? "nan" : x < 0 ? "-inf" : "inf";
            return NumpyFormat.pad(ret, padLeft + padRight + 1);
        }
        if (expFormat) {
            Object[] p = FloatDigits.scientificParts(FloatDigits.scientific(x, single, precision));
            String frac = (String) p[1];
            if (x != 0 && frac.length() < precision) {
                // numpy's min_digits: a value with fewer unique digits than the column shows more
                // digits of its exact binary value, not zeros (float32 9.649747e-07 prints as
                // 9.6497467e-07 beside 1.7886285e-05; float64's extra digits are zeros in practice)
                p = FloatDigits.scientificParts(FloatDigits.exactDigits(x, precision + 1));
                frac = (String) p[1];
            }
            frac = frac + "0".repeat(Math.max(0, precision - frac.length()));
            return NumpyFormat.pad((String) p[0], padLeft) + "." + frac + FloatDigits.exponent((Integer) p[2], expSize);
        }
        FloatDigits.Digits d = FloatDigits.positional(x, single, maxPrecision);
        if (x != 0 && d.point() > d.digits().length()) {
            // numpy's min_digits=0: an integer part longer than the unique digits shows the value's
            // exact digits (float32 88120128 prints as 88120128., not 88120130.)
            d = FloatDigits.exactDigits(x, d.point());
        }
        String[] p = FloatDigits.positionalParts(d);
        String frac = p[1] + " ".repeat(Math.max(0, padRight - p[1].length()));
        return NumpyFormat.pad(p[0], padLeft) + "." + frac;
    }
}
