package tdl.interp;

import java.awt.image.BufferedImage;

/**
 * Where a session's pictures go when a script shows them ({@code plt.show()}, {@code display(x)}):
 * PNG files in the working directory for scripts and the REPL, the notebook's output for the
 * Jupyter kernel. One per session; the libraries send, the front door decides what showing means.
 */
public interface DisplaySink {
    /**
     * Shows a picture. {@code kind} says what it is ("figure", "image"; file names are made from
     * it); {@code text} is its plain-text form ({@code <Figure size 640x480 with 1 Axes>}).
     */
    void picture(BufferedImage image, String kind, String text);

    /** Shows a value that has no picture, by its text. */
    void text(String text);

    /** Whether a person watches the output as it is written, so progress bars draw. */
    default boolean live() { return false; }

    /**
     * Shows a line that replaces what an earlier call with the same {@code key} showed (a progress
     * bar redrawn in place). False when the sink has no such place: the caller then draws on its
     * error stream, with carriage returns, as on a terminal.
     */
    default boolean redraw(Object key, String text) { return false; }
}
