package tdl.lib.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tdl.TestRuntime;

class ProgressBarTest {
    @Test
    void theFinalRedrawCoversEverythingTheLongerLinesBeforeItLeft() throws InterruptedException {
        TestRuntime rt = new TestRuntime(null, null);
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < 8; i++) items.add(i);
        for (Object ignored : new ProgressIterable(rt, items, "epoch", true)) Thread.sleep(120);
        String err = rt.errText();
        assertTrue(err.endsWith("\n"), err);
        String[] draws = err.substring(0, err.length() - 1).split("\r", -1);
        int longest = 0;
        for (int i = 1; i < draws.length - 1; i++) longest = Math.max(longest, draws[i].length());
        String last = draws[draws.length - 1];
        assertTrue(last.length() >= longest, "final line '" + last + "' shorter than an earlier one: " + err);
        assertTrue(last.strip().endsWith("it/s"), last);
        assertTrue(last.contains("[##############################] 8/8"), last);
        assertEquals(-1, last.indexOf("eta"), last);
    }
}
