package tdl.lib.numpy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tdl.graph.DType;
import tdl.graph.NDArray;

/**
 * Printing must match numpy character for character. Every expected text below was produced by
 * real numpy 1.24 (str() and repr() of the same array), not by this code.
 */
class NumpyFormatTest {
    private final List<DynamicTest> tests = new ArrayList<>();

    private static double[] fill(int n, IntToDoubleFunction f) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) d[i] = f.applyAsDouble(i);
        return d;
    }

    private void check(String name, DType dtype, int[] shape, double[] data, String str, String repr) {
        NDArray a = NDArray.of(dtype, shape, data).astype(dtype);
        tests.add(DynamicTest.dynamicTest(name, () -> {
            assertEquals(str, NumpyFormat.str(a), "str");
            assertEquals(repr, NumpyFormat.repr(a), "repr");
        }));
    }

    @TestFactory
    List<DynamicTest> printsLikeNumpy() {
        check("lab", DType.FLOAT64, new int[] {1, 30}, fill(30, i -> i * 0.2 - 2.5),
                "[[-2.5 -2.3 -2.1 -1.9 -1.7 -1.5 -1.3 -1.1 -0.9 -0.7 -0.5 -0.3 -0.1  0.1\n   0.3  0.5  0.7  0.9  1.1  1.3  1.5  1.7  1.9  2.1  2.3  2.5  2.7  2.9\n   3.1  3.3]]",
                "array([[-2.5, -2.3, -2.1, -1.9, -1.7, -1.5, -1.3, -1.1, -0.9, -0.7, -0.5,\n        -0.3, -0.1,  0.1,  0.3,  0.5,  0.7,  0.9,  1.1,  1.3,  1.5,  1.7,\n         1.9,  2.1,  2.3,  2.5,  2.7,  2.9,  3.1,  3.3]])");
        check("f123", DType.FLOAT64, new int[] {3}, new double[] {1.0, 2.0, 3.0},
                "[1. 2. 3.]",
                "array([1., 2., 3.])");
        check("i2x2", DType.INT64, new int[] {2, 2}, new double[] {1.0, 2.0, 3.0, 4.0},
                "[[1 2]\n [3 4]]",
                "array([[1, 2],\n       [3, 4]])");
        check("frac", DType.FLOAT64, new int[] {2}, new double[] {0.1, 0.25},
                "[0.1  0.25]",
                "array([0.1 , 0.25])");
        check("sci", DType.FLOAT64, new int[] {2}, new double[] {1e-05, 1.0},
                "[1.e-05 1.e+00]",
                "array([1.e-05, 1.e+00])");
        check("sci2", DType.FLOAT64, new int[] {3}, new double[] {1.5e-05, 1.0, -3250.0},
                "[ 1.50e-05  1.00e+00 -3.25e+03]",
                "array([ 1.50e-05,  1.00e+00, -3.25e+03])");
        check("big", DType.FLOAT64, new int[] {4}, new double[] {10000000000.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY},
                "[ 1.e+10 -1.e+00     nan     inf]",
                "array([ 1.e+10, -1.e+00,     nan,     inf])");
        check("naninf", DType.FLOAT64, new int[] {3}, new double[] {1.5, Double.NaN, Double.NEGATIVE_INFINITY},
                "[ 1.5  nan -inf]",
                "array([ 1.5,  nan, -inf])");
        check("allnan", DType.FLOAT64, new int[] {2}, new double[] {Double.NaN, Double.NaN},
                "[nan nan]",
                "array([nan, nan])");
        check("f32", DType.FLOAT32, new int[] {3}, new double[] {0.10000000149011612, 0.20000000298023224, 0.3333333432674408},
                "[0.1        0.2        0.33333334]",
                "array([0.1       , 0.2       , 0.33333334], dtype=float32)");
        check("f32sci", DType.FLOAT32, new int[] {3}, new double[] {9.999999747378752e-06, 1.0, 123456.703125},
                "[1.000000e-05 1.000000e+00 1.234567e+05]",
                "array([1.000000e-05, 1.000000e+00, 1.234567e+05], dtype=float32)");
        check("bools", DType.BOOL, new int[] {2, 2}, new double[] {1.0, 0.0, 0.0, 1.0},
                "[[ True False]\n [False  True]]",
                "array([[ True, False],\n       [False,  True]])");
        check("ints", DType.INT64, new int[] {2, 20}, fill(40, i -> i * 1000 - 7),
                "[[   -7   993  1993  2993  3993  4993  5993  6993  7993  8993  9993 10993\n  11993 12993 13993 14993 15993 16993 17993 18993]\n [19993 20993 21993 22993 23993 24993 25993 26993 27993 28993 29993 30993\n  31993 32993 33993 34993 35993 36993 37993 38993]]",
                "array([[   -7,   993,  1993,  2993,  3993,  4993,  5993,  6993,  7993,\n         8993,  9993, 10993, 11993, 12993, 13993, 14993, 15993, 16993,\n        17993, 18993],\n       [19993, 20993, 21993, 22993, 23993, 24993, 25993, 26993, 27993,\n        28993, 29993, 30993, 31993, 32993, 33993, 34993, 35993, 36993,\n        37993, 38993]])");
        check("long", DType.FLOAT64, new int[] {2000}, fill(2000, i -> i / 7.0),
                "[0.00000000e+00 1.42857143e-01 2.85714286e-01 ... 2.85285714e+02\n 2.85428571e+02 2.85571429e+02]",
                "array([0.00000000e+00, 1.42857143e-01, 2.85714286e-01, ...,\n       2.85285714e+02, 2.85428571e+02, 2.85571429e+02])");
        check("cube", DType.FLOAT64, new int[] {2, 3, 4}, fill(24, i -> i * 0.5),
                "[[[ 0.   0.5  1.   1.5]\n  [ 2.   2.5  3.   3.5]\n  [ 4.   4.5  5.   5.5]]\n\n [[ 6.   6.5  7.   7.5]\n  [ 8.   8.5  9.   9.5]\n  [10.  10.5 11.  11.5]]]",
                "array([[[ 0. ,  0.5,  1. ,  1.5],\n        [ 2. ,  2.5,  3. ,  3.5],\n        [ 4. ,  4.5,  5. ,  5.5]],\n\n       [[ 6. ,  6.5,  7. ,  7.5],\n        [ 8. ,  8.5,  9. ,  9.5],\n        [10. , 10.5, 11. , 11.5]]])");
        check("i32", DType.INT32, new int[] {3}, new double[] {1.0, -2.0, 3.0},
                "[ 1 -2  3]",
                "array([ 1, -2,  3], dtype=int32)");
        check("u8", DType.UINT8, new int[] {30}, fill(30, i -> i),
                "[ 0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16 17 18 19 20 21 22 23\n 24 25 26 27 28 29]",
                "array([ 0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11, 12, 13, 14, 15, 16,\n       17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29], dtype=uint8)");
        check("neg0", DType.FLOAT64, new int[] {3}, new double[] {-0.0, 0.0, 1.0},
                "[-0.  0.  1.]",
                "array([-0.,  0.,  1.])");
        check("zeros", DType.FLOAT64, new int[] {2, 2}, new double[] {0.0, 0.0, 0.0, 0.0},
                "[[0. 0.]\n [0. 0.]]",
                "array([[0., 0.],\n       [0., 0.]])");
        check("thirds", DType.FLOAT64, new int[] {3, 4}, fill(12, i -> i / 3.0),
                "[[0.         0.33333333 0.66666667 1.        ]\n [1.33333333 1.66666667 2.         2.33333333]\n [2.66666667 3.         3.33333333 3.66666667]]",
                "array([[0.        , 0.33333333, 0.66666667, 1.        ],\n       [1.33333333, 1.66666667, 2.        , 2.33333333],\n       [2.66666667, 3.        , 3.33333333, 3.66666667]])");
        check("cube4", DType.FLOAT64, new int[] {2, 3, 4, 5}, fill(120, i -> i + 0.5),
                "[[[[  0.5   1.5   2.5   3.5   4.5]\n   [  5.5   6.5   7.5   8.5   9.5]\n   [ 10.5  11.5  12.5  13.5  14.5]\n   [ 15.5  16.5  17.5  18.5  19.5]]\n\n  [[ 20.5  21.5  22.5  23.5  24.5]\n   [ 25.5  26.5  27.5  28.5  29.5]\n   [ 30.5  31.5  32.5  33.5  34.5]\n   [ 35.5  36.5  37.5  38.5  39.5]]\n\n  [[ 40.5  41.5  42.5  43.5  44.5]\n   [ 45.5  46.5  47.5  48.5  49.5]\n   [ 50.5  51.5  52.5  53.5  54.5]\n   [ 55.5  56.5  57.5  58.5  59.5]]]\n\n\n [[[ 60.5  61.5  62.5  63.5  64.5]\n   [ 65.5  66.5  67.5  68.5  69.5]\n   [ 70.5  71.5  72.5  73.5  74.5]\n   [ 75.5  76.5  77.5  78.5  79.5]]\n\n  [[ 80.5  81.5  82.5  83.5  84.5]\n   [ 85.5  86.5  87.5  88.5  89.5]\n   [ 90.5  91.5  92.5  93.5  94.5]\n   [ 95.5  96.5  97.5  98.5  99.5]]\n\n  [[100.5 101.5 102.5 103.5 104.5]\n   [105.5 106.5 107.5 108.5 109.5]\n   [110.5 111.5 112.5 113.5 114.5]\n   [115.5 116.5 117.5 118.5 119.5]]]]",
                "array([[[[  0.5,   1.5,   2.5,   3.5,   4.5],\n         [  5.5,   6.5,   7.5,   8.5,   9.5],\n         [ 10.5,  11.5,  12.5,  13.5,  14.5],\n         [ 15.5,  16.5,  17.5,  18.5,  19.5]],\n\n        [[ 20.5,  21.5,  22.5,  23.5,  24.5],\n         [ 25.5,  26.5,  27.5,  28.5,  29.5],\n         [ 30.5,  31.5,  32.5,  33.5,  34.5],\n         [ 35.5,  36.5,  37.5,  38.5,  39.5]],\n\n        [[ 40.5,  41.5,  42.5,  43.5,  44.5],\n         [ 45.5,  46.5,  47.5,  48.5,  49.5],\n         [ 50.5,  51.5,  52.5,  53.5,  54.5],\n         [ 55.5,  56.5,  57.5,  58.5,  59.5]]],\n\n\n       [[[ 60.5,  61.5,  62.5,  63.5,  64.5],\n         [ 65.5,  66.5,  67.5,  68.5,  69.5],\n         [ 70.5,  71.5,  72.5,  73.5,  74.5],\n         [ 75.5,  76.5,  77.5,  78.5,  79.5]],\n\n        [[ 80.5,  81.5,  82.5,  83.5,  84.5],\n         [ 85.5,  86.5,  87.5,  88.5,  89.5],\n         [ 90.5,  91.5,  92.5,  93.5,  94.5],\n         [ 95.5,  96.5,  97.5,  98.5,  99.5]],\n\n        [[100.5, 101.5, 102.5, 103.5, 104.5],\n         [105.5, 106.5, 107.5, 108.5, 109.5],\n         [110.5, 111.5, 112.5, 113.5, 114.5],\n         [115.5, 116.5, 117.5, 118.5, 119.5]]]])");
        check("wide", DType.FLOAT64, new int[] {25}, fill(25, i -> i / 24.0),
                "[0.         0.04166667 0.08333333 0.125      0.16666667 0.20833333\n 0.25       0.29166667 0.33333333 0.375      0.41666667 0.45833333\n 0.5        0.54166667 0.58333333 0.625      0.66666667 0.70833333\n 0.75       0.79166667 0.83333333 0.875      0.91666667 0.95833333\n 1.        ]",
                "array([0.        , 0.04166667, 0.08333333, 0.125     , 0.16666667,\n       0.20833333, 0.25      , 0.29166667, 0.33333333, 0.375     ,\n       0.41666667, 0.45833333, 0.5       , 0.54166667, 0.58333333,\n       0.625     , 0.66666667, 0.70833333, 0.75      , 0.79166667,\n       0.83333333, 0.875     , 0.91666667, 0.95833333, 1.        ])");
        check("bigint", DType.INT64, new int[] {50, 100}, fill(5000, i -> i),
                "[[   0    1    2 ...   97   98   99]\n [ 100  101  102 ...  197  198  199]\n [ 200  201  202 ...  297  298  299]\n ...\n [4700 4701 4702 ... 4797 4798 4799]\n [4800 4801 4802 ... 4897 4898 4899]\n [4900 4901 4902 ... 4997 4998 4999]]",
                "array([[   0,    1,    2, ...,   97,   98,   99],\n       [ 100,  101,  102, ...,  197,  198,  199],\n       [ 200,  201,  202, ...,  297,  298,  299],\n       ...,\n       [4700, 4701, 4702, ..., 4797, 4798, 4799],\n       [4800, 4801, 4802, ..., 4897, 4898, 4899],\n       [4900, 4901, 4902, ..., 4997, 4998, 4999]])");
        check("half", DType.FLOAT64, new int[] {2}, new double[] {0.001953125, 1.0},
                "[0.00195312 1.        ]",
                "array([0.00195312, 1.        ])");
        check("mixed", DType.FLOAT64, new int[] {2, 3}, new double[] {0.5, -1234.5678, 3.0, 0.001, 2.0, 7.25},
                "[[ 5.0000000e-01 -1.2345678e+03  3.0000000e+00]\n [ 1.0000000e-03  2.0000000e+00  7.2500000e+00]]",
                "array([[ 5.0000000e-01, -1.2345678e+03,  3.0000000e+00],\n       [ 1.0000000e-03,  2.0000000e+00,  7.2500000e+00]])");
        check("tiny", DType.FLOAT64, new int[] {3}, new double[] {1e-300, 2.5e-310, 1.0},
                "[1.0e-300 2.5e-310 1.0e+000]",
                "array([1.0e-300, 2.5e-310, 1.0e+000])");
        check("large", DType.FLOAT64, new int[] {2}, new double[] {123456789.0, 1.0},
                "[1.23456789e+08 1.00000000e+00]",
                "array([1.23456789e+08, 1.00000000e+00])");
        check("f32x", DType.FLOAT32, new int[] {2, 2}, new double[] {0.5, 1.5, 2.25, -3.0},
                "[[ 0.5   1.5 ]\n [ 2.25 -3.  ]]",
                "array([[ 0.5 ,  1.5 ],\n       [ 2.25, -3.  ]], dtype=float32)");
        check("r0f", DType.FLOAT64, new int[] {}, new double[] {3.0},
                "3.0",
                "array(3.)");
        check("r0i", DType.INT64, new int[] {}, new double[] {7.0},
                "7",
                "array(7)");
        check("r0b", DType.BOOL, new int[] {}, new double[] {1.0},
                "True",
                "array(True)");
        check("r0f32", DType.FLOAT32, new int[] {}, new double[] {0.10000000149011612},
                "0.1",
                "array(0.1, dtype=float32)");
        check("r0small", DType.FLOAT64, new int[] {}, new double[] {1e-07},
                "1e-07",
                "array(1.e-07)");
        check("r0big", DType.FLOAT64, new int[] {}, new double[] {1.5e+16},
                "1.5e+16",
                "array(1.5e+16)");
        check("r0neg", DType.FLOAT64, new int[] {}, new double[] {-2.5},
                "-2.5",
                "array(-2.5)");
        check("e_i32", DType.INT32, new int[] {0}, new double[] {},
                "[]",
                "array([], dtype=int32)");
        check("e_f", DType.FLOAT64, new int[] {0}, new double[] {},
                "[]",
                "array([], dtype=float64)");
        check("e_03", DType.FLOAT64, new int[] {0, 3}, new double[] {},
                "[]",
                "array([], shape=(0, 3), dtype=float64)");
        check("row1000", DType.FLOAT64, new int[] {1, 1001}, fill(1001, i -> 1.0),
                "[[1. 1. 1. ... 1. 1. 1.]]",
                "array([[1., 1., 1., ..., 1., 1., 1.]])");
        return tests;
    }

    @Test
    void printOptionsLinewidthChangesWrapping() {
        // np.set_printoptions(linewidth=80): 15 values per line (checked with numpy 1.24)
        NDArray a = new NDArray(DType.FLOAT64, new int[] {1, 30}, fill(30, i -> i * 0.2 - 2.5));
        assertEquals("[[-2.5 -2.3 -2.1 -1.9 -1.7 -1.5 -1.3 -1.1 -0.9 -0.7 -0.5 -0.3 -0.1  0.1  0.3\n"
                + "   0.5  0.7  0.9  1.1  1.3  1.5  1.7  1.9  2.1  2.3  2.5  2.7  2.9  3.1  3.3]]",
                NumpyFormat.str(a, new NumpyFormat.Options(80, 8, 1000, 3)));
    }

    @Test
    void precisionOptionRoundsDigits() {
        // np.set_printoptions(precision=3): [0.333 0.667 1.   ]
        NDArray a = NDArray.of(new double[] {1 / 3.0, 2 / 3.0, 1.0}, 3);
        assertEquals("[0.333 0.667 1.   ]", NumpyFormat.str(a, new NumpyFormat.Options(75, 3, 1000, 3)));
    }
}
