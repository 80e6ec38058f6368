package tdl.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tdl.graph.NDArray;

class BroadcastTest {
    @Test
    void resultShapeAlignsTrailingDimensions() {
        assertArrayEquals(new int[] {2, 3}, Broadcast.shape(new int[] {2, 3}, new int[] {3}));
        assertArrayEquals(new int[] {4, 2, 3}, Broadcast.shape(new int[] {4, 1, 3}, new int[] {2, 1}));
        assertArrayEquals(new int[] {5}, Broadcast.shape(new int[0], new int[] {5}));
        assertArrayEquals(new int[] {0, 3}, Broadcast.shape(new int[] {0, 1}, new int[] {3}));
        assertNull(Broadcast.shape(new int[] {3}, new int[] {4}));
        assertNull(Broadcast.shape(new int[] {2, 3}, new int[] {3, 3}));
    }

    @Test
    void broadcastsToAndExpand() {
        assertTrue(Broadcast.broadcastsTo(new int[] {1, 3}, new int[] {2, 3}));
        assertFalse(Broadcast.broadcastsTo(new int[] {2, 3}, new int[] {3}));
        NDArray col = NDArray.of(new double[] {1, 2}, 2, 1);
        assertArrayEquals(new double[] {1, 1, 1, 2, 2, 2}, Broadcast.expand(col, new int[] {2, 3}));
    }
}
