package tdl.graph.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import tdl.eval.Eager;
import tdl.graph.NDArray;
import tdl.graph.ops.Conv2dOp.Border;
import tdl.graph.ops.Conv2dOp.Role;

/**
 * The convolution kernel's chunked paths: images unrolled several at a time into one product, the
 * chunks shared between two threads, the filter gradient summed in groups of chunks. Batches of 1,
 * 3, 7 and 13 images (one chunk; chunks of unequal size; more chunks than groups of work) on a
 * small shape (many images per chunk, run on one thread) and a larger one (two threads), for every
 * border mode, stride and dilation. Expected values: weighted sums of numpy's results (an
 * independent einsum formulation over a zero-padded input, src/test/resources/reference/conv_chunks.py,
 * whose output is pasted below); inputs come from closed formulas both sides compute.
 *
 * <pre>
 * x = sin(0.37 i + 0.1), w = cos(0.23 i), g = sin(0.19 i + 0.3) over the flat index i;
 * out = einsum('bcuvij,fcuv->bfij', windows(pad(x)), w[:, :, ::-1, ::-1]); dw and dx its adjoints;
 * check(a) = sum(a * cos(0.11 i))
 * </pre>
 */
class ConvChunkTest {
    private final TensorOps t = new TensorOps(() -> "test");

    private record Case(int b, int c, int h, int w, int f, int kh, int kw, String border, int sh, int sw, int dh, int dw,
                        double out, double dx, double dwt) {}

    private static Case row(int b, int c, int h, int w, int f, int kh, int kw, String border, int sh, int sw, int dh, int dw,
                            double out, double dx, double dwt) {
        return new Case(b, c, h, w, f, kh, kw, border, sh, sw, dh, dw, out, dx, dwt);
    }

    // python3 src/test/resources/reference/conv_chunks.py (numpy 2.4): batch, channels, rows, cols, filters, kh, kw, border, stride, dilation,
    // check(out), check(dx), check(dw)
    private static final List<Case> CASES = List.of(
            row(1, 2, 6, 5, 3, 3, 2, "valid", 1, 1, 1, 1, 2.363725459309526, 23.360212603886534, -0.8047001734997362),
            row(1, 3, 12, 12, 8, 3, 3, "valid", 1, 1, 1, 1, -13.766097022189244, 201.60092264179795, 1.018194553144788),
            row(1, 2, 6, 5, 3, 3, 2, "full", 1, 1, 1, 1, 1.0326384161664173, -15.501059577976726, 16.553790685480166),
            row(1, 3, 12, 12, 8, 3, 3, "full", 1, 1, 1, 1, -10.850222865583648, -61.367308344330034, -0.9192740326468609),
            row(1, 2, 6, 5, 3, 3, 2, "half", 1, 1, 1, 1, 7.5103266460033, 20.796417178816785, -40.59440891621374),
            row(1, 3, 12, 12, 8, 3, 3, "half", 1, 1, 1, 1, 5.886720931864534, -10.199008525143471, -3.0470747374095115),
            row(1, 2, 6, 5, 3, 3, 2, "1,2", 1, 1, 1, 1, -9.308737665343518, -6.350744369188919, 18.36374518690824),
            row(1, 3, 12, 12, 8, 3, 3, "1,2", 1, 1, 1, 1, 61.66725109219569, -118.91589427724668, -0.6891838554760534),
            row(1, 2, 6, 5, 3, 3, 2, "valid", 2, 1, 1, 1, 1.093755067786721, -18.245525956676744, -0.9235259042390103),
            row(1, 3, 12, 12, 8, 3, 3, "valid", 2, 1, 1, 1, -10.033536216571186, 9.715153368717138, -16.501309437687233),
            row(1, 2, 6, 5, 3, 3, 2, "full", 2, 2, 1, 1, -0.8331929155609812, -18.323009404998963, 8.126759319197397),
            row(1, 3, 12, 12, 8, 3, 3, "full", 2, 2, 1, 1, 9.125622172262887, 7.576252941263732, 3.3717330582984943),
            row(1, 2, 6, 5, 3, 3, 2, "half", 1, 2, 2, 1, 5.04808608754528, 40.18978330594679, 2.91220712192273),
            row(1, 3, 12, 12, 8, 3, 3, "half", 1, 2, 2, 1, 3.5092163180198526, 76.62291028466124, 0.1645581164121337),
            row(1, 2, 6, 5, 3, 3, 2, "valid", 1, 1, 2, 2, -0.5644250229640585, -5.233513830732928, 0.5349352459972616),
            row(1, 3, 12, 12, 8, 3, 3, "valid", 1, 1, 2, 2, -5.166554633124015, -130.95251875486892, 0.8499469795650185),
            row(3, 2, 6, 5, 3, 3, 2, "valid", 1, 1, 1, 1, -0.18174445821235174, -28.904423833000394, -6.346979679574294),
            row(3, 3, 12, 12, 8, 3, 3, "valid", 1, 1, 1, 1, -10.61709767246376, 26.427677374221503, 0.35324405744764675),
            row(3, 2, 6, 5, 3, 3, 2, "full", 1, 1, 1, 1, 3.0895919040405637, -22.018438638786293, 54.20053871966819),
            row(3, 3, 12, 12, 8, 3, 3, "full", 1, 1, 1, 1, 3.7291057652878763, -153.15985388375765, -3.5322741623359306),
            row(3, 2, 6, 5, 3, 3, 2, "half", 1, 1, 1, 1, 8.157518142643362, -10.840325063016419, -24.136398659817004),
            row(3, 3, 12, 12, 8, 3, 3, "half", 1, 1, 1, 1, 5.305612298770653, 6.009703637978511, -1.4930639775879229),
            row(3, 2, 6, 5, 3, 3, 2, "1,2", 1, 1, 1, 1, -30.121635622271462, -1.6703193853432765, 59.643706654004745),
            row(3, 3, 12, 12, 8, 3, 3, "1,2", 1, 1, 1, 1, 178.0305533836343, -304.6582942637102, -0.3897577020225782),
            row(3, 2, 6, 5, 3, 3, 2, "valid", 2, 1, 1, 1, 5.383626105344094, -0.8757571208835779, 1.1313157610777003),
            row(3, 3, 12, 12, 8, 3, 3, "valid", 2, 1, 1, 1, -11.724147472459446, -3.814214803643644, 0.26246390502281747),
            row(3, 2, 6, 5, 3, 3, 2, "full", 2, 2, 1, 1, 6.85493739507562, -51.187276507218684, 4.830705444276157),
            row(3, 3, 12, 12, 8, 3, 3, "full", 2, 2, 1, 1, 4.517555302922094, -3.6761507795434962, -2.2338375908972266),
            row(3, 2, 6, 5, 3, 3, 2, "half", 1, 2, 2, 1, 1.0671076115133702, 48.92635361233601, 8.906861653849926),
            row(3, 3, 12, 12, 8, 3, 3, "half", 1, 2, 2, 1, 2.1607403498393865, 64.00518557316707, 0.210279862184807),
            row(3, 2, 6, 5, 3, 3, 2, "valid", 1, 1, 2, 2, 3.144678452783629, -7.581199191760653, 5.831027043645287),
            row(3, 3, 12, 12, 8, 3, 3, "valid", 1, 1, 2, 2, -8.065447376360678, -434.34911433350845, 2.0271338168479076),
            row(7, 2, 6, 5, 3, 3, 2, "valid", 1, 1, 1, 1, 2.2425844827834194, 68.60978471354193, -11.887814896880611),
            row(7, 3, 12, 12, 8, 3, 3, "valid", 1, 1, 1, 1, -1.204523501290316, 305.84132113901404, 0.6330884780183776),
            row(7, 2, 6, 5, 3, 3, 2, "full", 1, 1, 1, 1, 20.057706328897886, 5.410038829380483, 28.409789846834272),
            row(7, 3, 12, 12, 8, 3, 3, "full", 1, 1, 1, 1, -61.83120335932541, -159.10375590037557, -7.863134325083365),
            row(7, 2, 6, 5, 3, 3, 2, "half", 1, 1, 1, 1, -3.553523321196119, 7.319485476439538, -17.39427280348433),
            row(7, 3, 12, 12, 8, 3, 3, "half", 1, 1, 1, 1, 0.5111153373818595, -0.0721746602027089, -0.48369849123004816),
            row(7, 2, 6, 5, 3, 3, 2, "1,2", 1, 1, 1, 1, -64.76645638825667, -5.510397763502766, 31.61574416077967),
            row(7, 3, 12, 12, 8, 3, 3, "1,2", 1, 1, 1, 1, -82.76948532415992, -154.43325972651905, -0.6805215293055831),
            row(7, 2, 6, 5, 3, 3, 2, "valid", 2, 1, 1, 1, 18.283323400541292, -20.413128316032086, -0.6329303883042712),
            row(7, 3, 12, 12, 8, 3, 3, "valid", 2, 1, 1, 1, -2.7978785998095184, -20.29714152355711, -19.839811764038018),
            row(7, 2, 6, 5, 3, 3, 2, "full", 2, 2, 1, 1, 15.190290280580157, 25.52406173736405, -1.2834532228131201),
            row(7, 3, 12, 12, 8, 3, 3, "full", 2, 2, 1, 1, 0.43820307583230544, 1.3223023076133842, 3.1176197032389763),
            row(7, 2, 6, 5, 3, 3, 2, "half", 1, 2, 2, 1, 3.9159771292454595, -19.29719172542746, 2.614501796485863),
            row(7, 3, 12, 12, 8, 3, 3, "half", 1, 2, 2, 1, 3.432923791479573, 23.294058465943678, 0.07651360108459926),
            row(7, 2, 6, 5, 3, 3, 2, "valid", 1, 1, 2, 2, -0.4323756366239483, -6.070463166849189, 23.281687255191024),
            row(7, 3, 12, 12, 8, 3, 3, "valid", 1, 1, 2, 2, -6.51578044510542, -269.0454510626179, -0.4995975225652316),
            row(13, 2, 6, 5, 3, 3, 2, "valid", 1, 1, 1, 1, -0.7278880409157047, -29.264795570419324, -1.6575135904046299),
            row(13, 3, 12, 12, 8, 3, 3, "valid", 1, 1, 1, 1, -8.062910540731105, 180.4496498244539, -0.10755296992857133),
            row(13, 2, 6, 5, 3, 3, 2, "full", 1, 1, 1, 1, 81.57433532071516, -9.63769457000074, 43.34323479567126),
            row(13, 3, 12, 12, 8, 3, 3, "full", 1, 1, 1, 1, -165.55811349460984, -285.1444978009249, -11.565890377625891),
            row(13, 2, 6, 5, 3, 3, 2, "half", 1, 1, 1, 1, 5.62301685993411, -8.026791422169078, -64.52396914993462),
            row(13, 3, 12, 12, 8, 3, 3, "half", 1, 1, 1, 1, 14.782630018183418, 11.96956945188634, -1.2232783617276137),
            row(13, 2, 6, 5, 3, 3, 2, "1,2", 1, 1, 1, 1, -80.44748139917112, 1.8758357815524, 47.653267460162446),
            row(13, 3, 12, 12, 8, 3, 3, "1,2", 1, 1, 1, 1, -982.9469143005293, -102.5377502941021, 0.274600907518483),
            row(13, 2, 6, 5, 3, 3, 2, "valid", 2, 1, 1, 1, 18.172312187461134, -21.231245203212094, 0.23458692878409748),
            row(13, 3, 12, 12, 8, 3, 3, "valid", 2, 1, 1, 1, 0.8895480478080202, -11.619007456747006, -21.428928743437467),
            row(13, 2, 6, 5, 3, 3, 2, "full", 2, 2, 1, 1, 5.185569644486735, 252.12431465676647, 7.149831484007431),
            row(13, 3, 12, 12, 8, 3, 3, "full", 2, 2, 1, 1, 7.640451606671959, -2.346748025223116, 0.9839206683221708),
            row(13, 2, 6, 5, 3, 3, 2, "half", 1, 2, 2, 1, 3.9938066565887955, 41.95296491240652, 8.590152837802176),
            row(13, 3, 12, 12, 8, 3, 3, "half", 1, 2, 2, 1, 2.512765687212827, 2.4726104541755234, -0.5530855485989079),
            row(13, 2, 6, 5, 3, 3, 2, "valid", 1, 1, 2, 2, 0.3397387553811484, -5.63780156448463, 57.6060099288094),
            row(13, 3, 12, 12, 8, 3, 3, "valid", 1, 1, 2, 2, -2.093969833126538, 27.5112598677606, 1.4448115841080877)
    );

    private static NDArray data(double a, double b, DoubleUnaryOperator f, int... shape) {
        double[] d = new double[(int) NDArray.sizeOf(shape)];
        for (int i = 0; i < d.length; i++) d[i] = f.applyAsDouble(a * i + b);
        return NDArray.of(d, shape);
    }

    private static double check(NDArray a) {
        double s = 0;
        double[] d = a.data();
        for (int i = 0; i < d.length; i++) s += d[i] * Math.cos(0.11 * i);
        return s;
    }

    private static Conv2dOp op(Case k) {
        return switch (k.border()) {
            case "valid" -> new Conv2dOp(Role.FORWARD, Border.EXPLICIT, 0, 0, k.sh(), k.sw(), k.dh(), k.dw(), true);
            case "full" -> new Conv2dOp(Role.FORWARD, Border.FULL, 0, 0, k.sh(), k.sw(), k.dh(), k.dw(), true);
            case "half" -> new Conv2dOp(Role.FORWARD, Border.HALF, 0, 0, k.sh(), k.sw(), k.dh(), k.dw(), true);
            default -> {
                String[] p = k.border().split(",");
                yield new Conv2dOp(Role.FORWARD, Border.EXPLICIT, Integer.parseInt(p[0]), Integer.parseInt(p[1]),
                        k.sh(), k.sw(), k.dh(), k.dw(), true);
            }
        };
    }

    private NDArray eval(Conv2dOp op, NDArray... in) {
        var vs = new java.util.ArrayList<tdl.graph.Variable>();
        for (NDArray a : in) vs.add(t.constant(a));
        return Eager.evaluate(t.apply(op, vs.toArray(new tdl.graph.Variable[0])));
    }

    private static void near(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), what);
    }

    @Test
    void everyFaceMatchesNumpyForEveryBatchSizeBorderStrideAndDilation() {
        for (Case k : CASES) {
            String name = k.toString();
            Conv2dOp op = op(k);
            NDArray x = data(0.37, 0.1, Math::sin, k.b(), k.c(), k.h(), k.w());
            NDArray w = data(0.23, 0.0, Math::cos, k.f(), k.c(), k.kh(), k.kw());
            NDArray out = eval(op, x, w);
            near(k.out(), check(out), "forward " + name);
            NDArray g = data(0.19, 0.3, Math::sin, out.shape());
            near(k.dx(), check(eval(op.withRole(Role.GRAD_INPUTS), g, w, x)), "input gradient " + name);
            near(k.dwt(), check(eval(op.withRole(Role.GRAD_FILTERS), x, g, w)), "filter gradient " + name);
        }
    }

    @Test
    void eachImageOfABatchIsConvolvedAsIfAlone() {
        // 13 images of the two-thread shape: image 12 is the last, short chunk's only image
        Conv2dOp op = new Conv2dOp(Role.FORWARD, Border.HALF, 0, 0, 1, 1, 1, 1, true);
        NDArray x = data(0.37, 0.1, Math::sin, 13, 3, 12, 12), w = data(0.23, 0.0, Math::cos, 8, 3, 3, 3);
        NDArray all = eval(op, x, w);
        int image = 3 * 12 * 12, outImage = 8 * 12 * 12;
        for (int b : new int[] {0, 5, 6, 12}) {
            double[] one = java.util.Arrays.copyOfRange(x.data(), b * image, (b + 1) * image);
            NDArray alone = eval(op, NDArray.of(one, 1, 3, 12, 12), w);
            assertArrayEquals(java.util.Arrays.copyOfRange(all.data(), b * outImage, (b + 1) * outImage), alone.data(),
                    "image " + b); // bitwise: the same chain of multiply-adds whichever chunk or thread
        }
    }
}
