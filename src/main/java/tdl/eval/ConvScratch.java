package tdl.eval;

/**
 * The scratch memory of one half of a convolution call (each half runs on its own core, so each
 * has its own): the chunk's column matrix, its gathered output gradient, a product, the filter
 * gradient summed over the half's chunks, and the product kernel's packed panel. Arrays grow to
 * the largest call seen and are then reused.
 */
final class ConvScratch {
    double[] col = new double[0], gch = new double[0], prod = new double[0], panel = new double[0];

    static double[] grow(double[] buf, int size) {
        return buf.length >= size ? buf : new double[size];
    }
}
