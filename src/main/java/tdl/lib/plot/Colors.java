package tdl.lib.plot;

import tdl.vocab.ErrorKind;
import java.awt.Color;
import java.util.List;
import java.util.Map;
import tdl.interp.TdlTuple;
import tdl.syntax.TdlError;

/** matplotlib's colour vocabulary: letters, CSS-like names, '#rrggbb', 'C0'..'C9', grey levels, RGB tuples. */
final class Colors {
    private Colors() {}

    /** matplotlib's default property cycle (tab10). */
    static final List<Color> CYCLE = List.of(
            new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
            new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
            new Color(0xbcbd22), new Color(0x17becf));

    private static final Map<String, Color> NAMED = Map.ofEntries(
            Map.entry("b", new Color(0, 0, 255)), Map.entry("g", new Color(0, 128, 0)),
            Map.entry("r", new Color(255, 0, 0)), Map.entry("c", new Color(0, 191, 191)),
            Map.entry("m", new Color(191, 0, 191)), Map.entry("y", new Color(191, 191, 0)),
            Map.entry("k", Color.BLACK), Map.entry("w", Color.WHITE),
            Map.entry("blue", new Color(0, 0, 255)), Map.entry("green", new Color(0, 128, 0)),
            Map.entry("red", new Color(255, 0, 0)), Map.entry("cyan", new Color(0, 255, 255)),
            Map.entry("magenta", new Color(255, 0, 255)), Map.entry("yellow", new Color(255, 255, 0)),
            Map.entry("black", Color.BLACK), Map.entry("white", Color.WHITE),
            Map.entry("orange", new Color(255, 165, 0)), Map.entry("purple", new Color(128, 0, 128)),
            Map.entry("brown", new Color(165, 42, 42)), Map.entry("pink", new Color(255, 192, 203)),
            Map.entry("gray", new Color(128, 128, 128)), Map.entry("grey", new Color(128, 128, 128)),
            Map.entry("olive", new Color(128, 128, 0)), Map.entry("navy", new Color(0, 0, 128)),
            Map.entry("lightgray", new Color(211, 211, 211)), Map.entry("darkgreen", new Color(0, 100, 0)));

    static boolean isNamed(String s) {
        return s.length() > 1 && (NAMED.containsKey(s.toLowerCase()) || s.matches("C\\d") || s.matches("#[0-9a-fA-F]{6}"));
    }

    /** A colour given by a script (string or tuple of floats in [0, 1]). */
    static Color parse(Object spec) {
        if (spec instanceof String s) {
            Color named = NAMED.get(s.toLowerCase());
            if (named != null) return named;
            if (s.matches("C\\d")) return CYCLE.get(s.charAt(1) - '0');
            if (s.matches("#[0-9a-fA-F]{6}")) return new Color(Integer.parseInt(s.substring(1), 16));
            if (s.matches("#[0-9a-fA-F]{8}")) {
                long v = Long.parseLong(s.substring(1), 16);
                return new Color((int) (v >> 24) & 255, (int) (v >> 16) & 255, (int) (v >> 8) & 255, (int) v & 255);
            }
            try {
                double grey = Double.parseDouble(s);
                if (grey >= 0 && grey <= 1) return new Color((float) grey, (float) grey, (float) grey);
            } catch (NumberFormatException ignored) {
                // not a grey level; reported below
            }
            throw new TdlError(ErrorKind.VALUE_ERROR, "'" + s + "' is not a valid color",
                    "use a letter (b g r c m y k w), a name ('orange'), '#1f77b4', 'C0'..'C9' or a grey level '0.5'");
        }
        if (spec instanceof TdlTuple t && (t.size() == 3 || t.size() == 4)) {
            float[] c = new float[4];
            c[3] = 1f;
            for (int i = 0; i < t.size(); i++) {
                double v = PlotData.number(t.get(i), "color");
                if (v < 0 || v > 1) throw new TdlError(ErrorKind.VALUE_ERROR, "RGBA values should be within 0-1 range");
                c[i] = (float) v;
            }
            return new Color(c[0], c[1], c[2], c[3]);
        }
        throw new TdlError(ErrorKind.VALUE_ERROR, "invalid color " + spec, "give a colour name like 'r' or an (r, g, b) tuple");
    }
}
