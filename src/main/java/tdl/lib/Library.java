package tdl.lib;

import tdl.interp.Runtime;

/** Installs every built-in module and global of a fresh session. */
public final class Library {
    private Library() {}

    public static void installAll(Runtime rt) {
        tdl.lib.numpy.NumpyLibrary.install(rt);
        tdl.lib.theano.TheanoLibrary.install(rt);
        tdl.lib.plot.PlotLibrary.install(rt);
        tdl.lib.progress.ProgressLibrary.install(rt);
        // each library adds its install call here
        tdl.lib.data.DataLibrary.install(rt);
        tdl.lib.image.ImageLibrary.install(rt);
        tdl.lib.display.DisplayLibrary.install(rt);
    }
}
