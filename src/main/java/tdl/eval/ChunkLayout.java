package tdl.eval;

/**
 * How an input of a fused elementwise loop ({@link FusedKernel}, {@link FloatFusedKernel}) is laid
 * out against the output: of its size, a single value, a row broadcast down the rows. A chunk
 * reads a full input at the chunk's offset, a row read in place at the chunk's column, and a spread
 * copy (a scalar, a short row) from 0.
 */
enum ChunkLayout {
    FULL, SCALAR, ROW;

    /** Rows at least this long are read in place, each chunk ending at its row's end (see {@link #rowCols}). */
    static final int ROW_IN_PLACE = 64;

    /**
     * The rows' length when row inputs are read in place, else 0: when rows are long enough that the
     * shorter chunks cost less than spreading the row element by element (about 1 ns an element,
     * more than the add it feeds).
     */
    static int rowCols(ChunkLayout[] layout, int[] shape) {
        if (shape.length == 0 || shape[shape.length - 1] < ROW_IN_PLACE) return 0;
        for (ChunkLayout l : layout) if (l == ROW) return shape[shape.length - 1];
        return 0;
    }

    /** Whether a chunk reads this input where it is (else from its spread copy). */
    boolean inPlace(int rowCols) {
        return this == FULL || this == ROW && rowCols != 0;
    }

    /** Where a chunk starting at output element {@code base}, column {@code col}, reads this input. */
    int offset(int base, int col, int rowCols) {
        return this == FULL ? base : this == ROW && rowCols != 0 ? col : 0;
    }

    /** Whether an input of shape {@code in} is one row broadcast over the output's {@code out}. */
    static boolean isRow(int[] in, int[] out) {
        if (in.length == 0 || out.length == 0 || in[in.length - 1] != out[out.length - 1]) return false;
        for (int i = 0; i < in.length - 1; i++) if (in[i] != 1) return false;
        return true;
    }
}
