package tdl.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** float32 arrays store float[], other dtypes double[]; the accessors say which and round as the storage does. */
class NDArrayStorageTest {
    @Test
    void float32StoresFloatsAndRoundsOnWrite() {
        NDArray a = NDArray.of(DType.FLOAT32, new int[] {2}, new double[] {0.1, 1.0 / 3});
        assertTrue(a.isFloats());
        assertArrayEquals(new float[] {0.1f, 1f / 3}, a.floats());
        assertEquals(8, a.byteSize());
        a.set(0, 0.2);
        assertEquals((double) 0.2f, a.get(0)); // np.float32(0.2) widened
        assertEquals((double) 0.2f, a.doubles()[0]);
        // a missed call site fails loudly instead of writing into a copy
        IllegalStateException e = assertThrows(IllegalStateException.class, a::data);
        assertTrue(e.getMessage().contains("floats()"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new NDArray(DType.FLOAT32, new int[] {1}, new double[] {1}));
    }

    @Test
    void otherDtypesStoreDoublesAndDoublesIsTheStorage() {
        NDArray d = NDArray.of(new double[] {1, 2}, 2);
        assertFalse(d.isFloats());
        assertSame(d.data(), d.doubles());
        assertEquals(16, d.byteSize());
        assertThrows(IllegalStateException.class, d::floats);
        assertEquals(8, NDArray.zeros(DType.INT32, 1).byteSize());
    }

    @Test
    void copiesReshapesAndCastsKeepTheRightStorage() {
        NDArray a = NDArray.of(DType.FLOAT32, new int[] {2, 2}, new double[] {1.5, 2.5, 0.1, -4});
        NDArray c = a.copy();
        assertTrue(c.isFloats());
        assertNotSame(a.floats(), c.floats());
        assertSame(a.floats(), a.reshape(4).floats());
        NDArray w = a.astype(DType.FLOAT64);
        assertFalse(w.isFloats());
        assertEquals((double) 0.1f, w.get(2));
        NDArray i = a.astype(DType.INT32);
        assertArrayEquals(new double[] {1, 2, 0, -4}, i.data());
        assertTrue(w.astype(DType.FLOAT32).isFloats());
        assertEquals(4 * 4, NDArray.zeros(DType.FLOAT32, 2, 2).byteSize());
        assertTrue(NDArray.scalar(DType.FLOAT32, 0.1).isFloats());
        assertEquals((double) 0.1f, NDArray.scalar(DType.FLOAT32, 0.1).item());
    }

    @Test
    void copyBetweenStoragesNarrowsAndWidens() {
        NDArray f = NDArray.zeros(DType.FLOAT32, 3), d = NDArray.of(new double[] {0.1, 0.2, 0.3}, 3);
        NDArray.copy(d, 1, f, 0, 2);
        assertArrayEquals(new float[] {0.2f, 0.3f, 0}, f.floats());
        NDArray back = NDArray.zeros(DType.FLOAT64, 3);
        back.copyFrom(f);
        assertArrayEquals(new double[] {0.2f, 0.3f, 0}, back.data());
    }

    @Test
    void wideScratchIsDoubleBackedAndCopiesOfItAreFloats() {
        NDArray w = NDArray.zerosWide(DType.FLOAT32, 2);
        assertFalse(w.isFloats());
        w.data()[0] = 0.1;
        NDArray c = w.copy();
        assertTrue(c.isFloats(), "a copy leaves the kernel as a real float32 array");
        assertEquals((double) 0.1f, c.get(0));
    }
}
