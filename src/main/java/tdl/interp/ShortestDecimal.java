package tdl.interp;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The shortest decimal that reads back as the same double (or float), as Python's repr and
 * numpy's print write it: of the fewest significant digits that round-trip, the one nearest the
 * value (half-even on an exact tie). Both neighbours at each length are tried, not only the nearest:
 * just above a power of two the gap to the next double below is half the gap above, so the nearest
 * short decimal can miss on the narrow side while the one on the other side reads back (2**-24 is
 * 5.960464477539063e-08, which the nearest-only search wrote with a 17th digit).
 */
public final class ShortestDecimal {
    private ShortestDecimal() {}

    /** The shortest round-tripping decimal of |v| (v finite and non-zero); {@code single}: v is a float32's value. */
    public static BigDecimal of(double v, boolean single) {
        double target = Math.abs(v);
        BigDecimal exact = new BigDecimal(target);
        for (int p = 1; p <= 17; p++) {
            BigDecimal down = exact.round(new MathContext(p, RoundingMode.DOWN)), up = exact.round(new MathContext(p, RoundingMode.UP));
            boolean downOk = readsBack(down, target, single), upOk = readsBack(up, target, single);
            if (downOk && upOk) {
                int c = exact.subtract(down).compareTo(up.subtract(exact));
                return c < 0 ? down : c > 0 ? up : exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            }
            if (downOk) return down;
            if (upOk) return up;
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }

    private static boolean readsBack(BigDecimal d, double target, boolean single) {
        return single ? Float.parseFloat(d.toString()) == (float) target : Double.parseDouble(d.toString()) == target;
    }
}
