package tdl.graph.ops;


/**
 * Input ten4, output ten4 unchanged: checks at run time that the image rows and columns suit
 * images2neibs' neighbourhood ({@code c} x {@code d}), step and mode, raising what Theano 1.0's
 * Images2Neibs.perform raises. images2neibs itself is slices and a reshape, and slices clamp, so
 * without this check an inconsistent shape would silently drop the border.
 */
public record NeibsCheckOp(String mode, int c, int d, int stepX, int stepY) implements ValueCheckOp {
    @Override
    public String name() { return "NeibsCheck{" + mode + " " + c + "x" + d + " step " + stepX + "x" + stepY + "}"; }

    @Override
    public String checkedFunction() { return "images2neibs"; }

    @Override
    public int arity() { return 1; }

    /** The error message for an image of {@code height} x {@code width}, or null when it suits (Theano's wording). */
    public String problem(long height, long width) {
        long extraX, extraY; // the length 'valid' slides over, per Theano's mode
        switch (mode) {
            case "wrap_centered":
                if (height < c || width < d) {
                    return "Images2Neibs: in wrap_centered mode, don't support image shapes smaller then the patch shapes: neib_shape=("
                            + c + "," + d + "), ten4[2:]=[" + height + "," + width + "]";
                }
                return null;
            case "ignore_borders":
                if (Math.floorDiv(height - c, stepX) + 1 < 0 || Math.floorDiv(width - d, stepY) + 1 < 0) {
                    return "images2neibs: the image (" + height + "x" + width + ") is smaller than the neighbourhood (" + c + "x" + d
                            + ") by more than a step: negative number of patches";
                }
                return null;
            case "half":
                extraX = height - c % 2;
                extraY = width - d % 2;
                break;
            case "full":
                extraX = height + c - 2;
                extraY = width + d - 2;
                break;
            default: // valid
                extraX = height - c;
                extraY = width - d;
        }
        if (height < c || extraX % stepX != 0) return "neib_shape[0]=" + c + ", neib_step[0]=" + stepX + " and ten4.shape[2]=" + height + " not consistent";
        if (width < d || extraY % stepY != 0) return "neib_shape[1]=" + d + ", neib_step[1]=" + stepY + " and ten4.shape[3]=" + width + " not consistent";
        return null;
    }

    // written out, not generated: cold-compile speed (see Op)
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof NeibsCheckOp that && mode.equals(that.mode) && c == that.c && d == that.d
                && stepX == that.stepX && stepY == that.stepY;
    }

    @Override
    public int hashCode() { return (((31 * mode.hashCode() + c) * 31 + d) * 31 + stepX) * 31 + stepY; }
}
