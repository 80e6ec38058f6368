package tdl.graph.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tdl.eval.Eager;
import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.GraphError;
import tdl.graph.NDArray;
import tdl.graph.TensorType;
import tdl.graph.Variable;
import tdl.vocab.ErrorKind;

/**
 * Every entry of the scalar table, checked the same way: its kernel gives numpy's values, its
 * derivative agrees with finite differences (or it declares none), and it has help. The expected
 * values were computed with numpy 2.4 / scipy 1.17 (scipy.special.expit for sigmoid,
 * np.logaddexp(0, x) for softplus, np.where(x > 0, x, alpha * np.expm1(x)) for elu) and pasted here.
 * The switches have no default branch, so a new entry does not compile until it is covered.
 */
class ScalarTest {
    private final TensorOps t = new TensorOps(() -> "test");

    private record Values(double[][] inputs, double[] want) {}

    private static Values values(double[]... arrays) {
        double[][] in = new double[arrays.length - 1][];
        System.arraycopy(arrays, 0, in, 0, in.length);
        return new Values(in, arrays[arrays.length - 1]);
    }

    private static Values numpy(Scalar s) {
        return switch (s) {
            case NEG -> values(new double[] {-1.5, -0.3, 0.2, 0.7, 2.5}, new double[] {1.5, 0.3, -0.2, -0.7, -2.5});
            case ABS -> values(new double[] {-1.5, -0.3, 0.2, 0.7, 2.5}, new double[] {1.5, 0.3, 0.2, 0.7, 2.5});
            case EXP -> values(new double[] {-1.5, -0.3, 0.2, 0.7, 2.5}, new double[] {0.22313016014842982, 0.7408182206817179, 1.2214027581601699, 2.0137527074704766, 12.182493960703473});
            case LOG -> values(new double[] {0.3, 0.7, 1.5, 2.5, 4.0}, new double[] {-1.2039728043259361, -0.35667494393873245, 0.4054651081081644, 0.9162907318741551, 1.3862943611198906});
            case LOG1P -> values(new double[] {0.3, 0.7, 1.5, 2.5, 4.0}, new double[] {0.26236426446749106, 0.5306282510621704, 0.9162907318741551, 1.252762968495368, 1.6094379124341003});
            case SQRT -> values(new double[] {0.3, 0.7, 1.5, 2.5, 4.0}, new double[] {0.5477225575051661, 0.8366600265340756, 1.224744871391589, 1.5811388300841898, 2.0});
            case SQR -> values(new double[] {-1.5, -0.3, 0.2, 0.7, 2.5}, new double[] {2.25, 0.09, 0.04000000000000001, 0.48999999999999994, 6.25});
            case TANH -> values(new double[] {-1.5, -0.3, 0.2, 0.7, 2.5}, new double[] {-0.9051482536448665, -0.2913126124515909, 0.197375320224904, 0.6043677771171634, 0.9866142981514303});
            case SIGMOID -> values(new double[] {-1.5, -0.3, 0.2, 0.7, 2.5}, new double[] {0.18242552380635635, 0.425557483188341, 0.549833997312478, 0.6681877721681662, 0.9241418199787566});
            case SOFTPLUS -> values(new double[] {-1.5, -0.3, 0.2, 0.7, 2.5}, new double[] {0.2014132779827524, 0.5543552444685271, 0.7981388693815918, 1.103186048885458, 2.5788897342925496});
            case FLOOR -> values(new double[] {-1.5, -0.3, 0.2, 0.7, 2.5}, new double[] {-2.0, -1.0, 0.0, 0.0, 2.0});
            case CEIL -> values(new double[] {-1.5, -0.3, 0.2, 0.7, 2.5}, new double[] {-1.0, -0.0, 1.0, 1.0, 3.0});
            case ROUND -> values(new double[] {0.5, 1.5, 2.5, -2.5, 2.6}, new double[] {0.0, 2.0, 2.0, -2.0, 3.0});
            case SGN -> values(new double[] {-2.0, 0.0, 3.0, -0.1, 0.2}, new double[] {-1.0, 0.0, 1.0, -1.0, 1.0});
            case ISNAN -> values(new double[] {1.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0}, new double[] {0.0, 1.0, 0.0, 0.0, 0.0});
            case ISINF -> values(new double[] {1.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0}, new double[] {0.0, 0.0, 1.0, 1.0, 0.0});
            case NOT -> values(new double[] {0.0, 1.0, 2.0, 0.0, -1.0}, new double[] {1.0, 0.0, 0.0, 1.0, 0.0});
            case SIN -> values(new double[] {-1.5, -0.3, 0.2, 0.7, 2.5}, new double[] {-0.9974949866040544, -0.29552020666133955, 0.19866933079506122, 0.644217687237691, 0.5984721441039565});
            case COS -> values(new double[] {-1.5, -0.3, 0.2, 0.7, 2.5}, new double[] {0.0707372016677029, 0.955336489125606, 0.9800665778412416, 0.7648421872844885, -0.8011436155469337});
            case INV -> values(new double[] {-1.5, -0.3, 0.2, 0.7, 2.5}, new double[] {-0.6666666666666666, -3.3333333333333335, 5.0, 1.4285714285714286, 0.4});
            case TAN -> values(new double[] {-1.5, -0.3, 0.2, 0.7, 2.5}, new double[] {-14.101419947171719, -0.3093362496096232, 0.2027100355086725, 0.8422883804630794, -0.7470222972386603});
            case ARCSIN -> values(new double[] {-0.9, -0.35, 0.0, 0.4, 0.85}, new double[] {-1.1197695149986342, -0.35757110364551026, 0.0, 0.41151684606748806, 1.015985293814825});
            case ARCCOS -> values(new double[] {-0.9, -0.35, 0.0, 0.4, 0.85}, new double[] {2.6905658417935308, 1.9283674304404068, 1.5707963267948966, 1.1592794807274087, 0.5548110329800715});
            case ARCTAN -> values(new double[] {-1.5, -0.3, 0.2, 0.7, 2.5}, new double[] {-0.982793723247329, -0.2914567944778671, 0.19739555984988078, 0.6107259643892086, 1.1902899496825317});
            case SINH -> values(new double[] {-1.5, -0.3, 0.2, 0.7, 2.5}, new double[] {-2.1292794550948173, -0.3045202934471426, 0.201336002541094, 0.7585837018395335, 6.0502044810397875});
            case COSH -> values(new double[] {-1.5, -0.3, 0.2, 0.7, 2.5}, new double[] {2.352409615243247, 1.0453385141288605, 1.020066755619076, 1.255169005630943, 6.132289479663686});
            case ARCSINH -> values(new double[] {-1.5, -0.3, 0.2, 0.7, 2.5}, new double[] {-1.1947632172871092, -0.29567304756342244, 0.19869011034924142, 0.6526665660823557, 1.6472311463710958});
            case ARCCOSH -> values(new double[] {1.2, 1.5, 2.0, 3.5, 10.0}, new double[] {0.6223625037147786, 0.9624236501192069, 1.3169578969248168, 1.9248473002384139, 2.993222846126381});
            case ARCTANH -> values(new double[] {-0.9, -0.35, 0.0, 0.4, 0.85}, new double[] {-1.4722194895832204, -0.36544375427139614, 0.0, 0.42364893019360184, 1.2561528119880574});
            case LOG2 -> values(new double[] {0.3, 0.7, 1.5, 8.0, 1024.0}, new double[] {-1.7369655941662063, -0.5145731728297583, 0.5849625007211562, 3.0, 10.0});
            case LOG10 -> values(new double[] {0.3, 0.7, 1.5, 8.0, 1024.0}, new double[] {-0.5228787452803376, -0.1549019599857432, 0.17609125905568124, 0.9030899869919435, 3.010299956639812});
            case EXPM1 -> values(new double[] {-1.5, -0.3, 0.2, 0.7, 2.5}, new double[] {-0.7768698398515702, -0.2591817793182821, 0.22140275816016985, 1.0137527074704764, 11.182493960703473});
            case EXP2 -> values(new double[] {-1.5, -0.3, 0.2, 0.7, 2.5}, new double[] {0.3535533905932738, 0.8122523963562356, 1.148698354997035, 1.624504792712471, 5.656854249492381});
            case ERF -> values(new double[] {-1.5, -0.3, 0.2, 0.7, 2.5}, new double[] {-0.9661051464753108, -0.3286267594591274, 0.22270258921047845, 0.6778011938374183, 0.999593047982555});
            case ERFC -> values(new double[] {-1.5, -0.3, 0.2, 0.7, 2.5}, new double[] {1.9661051464753108, 1.3286267594591274, 0.7772974107895215, 0.3221988061625817, 0.00040695201744495886});
            case ERFINV -> values(new double[] {-0.9, -0.35, 0.0, 0.4, 0.85}, new double[] {-1.1630871536766743, -0.32085832171518147, 0.0, 0.37080715859355795, 1.0179024648320276});
            case GAMMA -> values(new double[] {0.3, 0.7, 1.5, 2.5, 4.0}, new double[] {2.991568987687591, 1.2980553326475581, 0.8862269254527579, 1.329340388179137, 6.0});
            case GAMMALN -> values(new double[] {0.3, 0.7, 1.5, 2.5, 4.0}, new double[] {1.0957979948180756, 0.2608672465316665, -0.12078223763524526, 0.2846828704729192, 1.791759469228055});
            case PSI -> values(new double[] {0.3, 0.7, 1.5, 2.5, 4.0}, new double[] {-3.502524222200133, -1.2200235536979347, 0.03648997397857652, 0.7031566406452432, 1.2561176684318003});
            case ROUND_HALF_AWAY_FROM_ZERO -> values(new double[] {0.5, 2.5, -2.5, 0.49999999999999994, -2.6},
                    new double[] {1.0, 3.0, -3.0, 0.0, -3.0});
            case TRUNC -> values(new double[] {-2.5, -1.5, 0.5, 1.5, 2.7}, new double[] {-2.0, -1.0, 0.0, 1.0, 2.0});
            case IROUND -> values(new double[] {-2.5, -1.5, 0.5, 1.5, 2.7}, new double[] {-2.0, -2.0, 0.0, 2.0, 3.0});
            case XLOGX -> values(new double[] {0.0, 0.3, 0.7, 1.5, 4.0}, new double[] {0.0, -0.3611918412977808, -0.2496724607571127, 0.6081976621622466, 5.545177444479562});
            case XLOGY0 -> values(new double[] {0.0, -0.3, 0.2, 0.7, 2.5}, new double[] {0.0, 2.0, 1.25, 3.0, 1.5}, new double[] {0.0, -0.2079441541679836, 0.04462871026284196, 0.7690286020676768, 1.013662770270411});
            case ARCTAN2 -> values(new double[] {-1.5, -0.3, 0.2, 0.7, 2.5}, new double[] {0.5, 2.0, -1.25, 3.0, 1.5}, new double[] {-1.2490457723982544, -0.14888994760949725, 2.9829373914033916, 0.22923193327699531, 1.0303768265243125});
            case HARD_SIGMOID -> values(new double[] {-3.0, -1.0, 0.5, 2.0, 4.0}, new double[] {0.0, 0.3, 0.6, 0.9, 1.0});
            case ULTRA_FAST_SIGMOID -> values(new double[] {-7.0, -4.0, -0.3, 2.6, 5.0}, new double[] {0.00247262315663499, 0.025413270496493057, 0.40217391304347827, 0.923913043478261, 0.9860570531734361});
            case SOFTSIGN -> values(new double[] {-1.5, -0.3, 0.2, 0.7, 2.5}, new double[] {-0.6, -0.23076923076923075, 0.16666666666666669, 0.4117647058823529, 0.7142857142857143});
            case SELU -> values(new double[] {-1.5, -0.3, 0.2, 0.7, 2.5}, new double[] {-1.3658143533672527, -0.4556673153791221, 0.2101401974710961, 0.7354906911488363, 2.626752468388701});
            case ADD -> values(new double[] {-1.5, -0.3, 0.2, 0.7, 2.5}, new double[] {0.5, 2.0, -1.25, 3.0, 1.5}, new double[] {-1.0, 1.7, -1.05, 3.7, 4.0});
            case SUB -> values(new double[] {-1.5, -0.3, 0.2, 0.7, 2.5}, new double[] {0.5, 2.0, -1.25, 3.0, 1.5}, new double[] {-2.0, -2.3, 1.45, -2.3, 1.0});
            case MUL -> values(new double[] {-1.5, -0.3, 0.2, 0.7, 2.5}, new double[] {0.5, 2.0, -1.25, 3.0, 1.5}, new double[] {-0.75, -0.6, -0.25, 2.0999999999999996, 3.75});
            case TRUE_DIV -> values(new double[] {-1.5, -0.3, 0.2, 0.7, 2.5}, new double[] {0.5, 2.0, -1.25, 3.0, 1.5}, new double[] {-3.0, -0.15, -0.16, 0.2333333333333333, 1.6666666666666667});
            case INT_DIV -> values(new double[] {-1.5, -0.3, 0.2, 0.7, 2.5}, new double[] {0.5, 2.0, -1.25, 3.0, 1.5}, new double[] {-3.0, -1.0, -1.0, 0.0, 1.0});
            case MOD -> values(new double[] {-1.5, -0.3, 0.2, 0.7, 2.5}, new double[] {0.5, 2.0, -1.25, 3.0, 1.5}, new double[] {0.0, 1.7, -1.05, 0.7, 1.0});
            case POW -> values(new double[] {0.3, 0.7, 1.5, 2.5, 4.0}, new double[] {0.5, 2.0, -1.25, 3.0, 1.5}, new double[] {0.5477225575051661, 0.48999999999999994, 0.6024013357398965, 15.625, 8.0});
            case MAXIMUM -> values(new double[] {-1.5, -0.3, 0.2, 0.7, 2.5}, new double[] {0.5, 2.0, -1.25, 3.0, 1.5}, new double[] {0.5, 2.0, 0.2, 3.0, 2.5});
            case MINIMUM -> values(new double[] {-1.5, -0.3, 0.2, 0.7, 2.5}, new double[] {0.5, 2.0, -1.25, 3.0, 1.5}, new double[] {-1.5, -0.3, -1.25, 0.7, 1.5});
            case LT -> values(new double[] {-1.5, -0.3, 0.2, 0.7, 2.5}, new double[] {0.5, 2.0, -1.25, 3.0, 1.5}, new double[] {1.0, 1.0, 0.0, 1.0, 0.0});
            case LE -> values(new double[] {-1.5, -0.3, 0.2, 0.7, 2.5}, new double[] {0.5, 2.0, -1.25, 3.0, 1.5}, new double[] {1.0, 1.0, 0.0, 1.0, 0.0});
            case GT -> values(new double[] {-1.5, -0.3, 0.2, 0.7, 2.5}, new double[] {0.5, 2.0, -1.25, 3.0, 1.5}, new double[] {0.0, 0.0, 1.0, 0.0, 1.0});
            case GE -> values(new double[] {-1.5, -0.3, 0.2, 0.7, 2.5}, new double[] {0.5, 2.0, -1.25, 3.0, 1.5}, new double[] {0.0, 0.0, 1.0, 0.0, 1.0});
            case EQ -> values(new double[] {-1.5, -0.3, 0.2, 0.7, 2.5}, new double[] {-1.5, -0.3, 0.0, 0.7, 2.5}, new double[] {1.0, 1.0, 0.0, 1.0, 1.0});
            case NEQ -> values(new double[] {-1.5, -0.3, 0.2, 0.7, 2.5}, new double[] {-1.5, -0.3, 0.0, 0.7, 2.5}, new double[] {0.0, 0.0, 1.0, 0.0, 0.0});
            case AND -> values(new double[] {1.0, 0.0, 1.0, 0.0, 1.0}, new double[] {1.0, 1.0, 0.0, 0.0, 1.0}, new double[] {1.0, 0.0, 0.0, 0.0, 1.0});
            case OR -> values(new double[] {1.0, 0.0, 1.0, 0.0, 1.0}, new double[] {1.0, 1.0, 0.0, 0.0, 0.0}, new double[] {1.0, 1.0, 1.0, 0.0, 1.0});
            case XOR -> values(new double[] {1.0, 0.0, 1.0, 0.0, 1.0}, new double[] {1.0, 1.0, 0.0, 0.0, 0.0}, new double[] {0.0, 1.0, 1.0, 0.0, 1.0});
            case ELU -> values(new double[] {-1.5, -0.3, 0.2, 0.7, 2.5}, new double[] {0.5, 2.0, 1.25, 3.0, 1.5}, new double[] {-0.3884349199257851, -0.5183635586365642, 0.2, 0.7, 2.5});
            case SWITCH -> values(new double[] {1.0, 0.0, 1.0, 0.0, 1.0}, new double[] {-1.5, -0.3, 0.2, 0.7, 2.5}, new double[] {0.5, 2.0, -1.25, 3.0, 1.5}, new double[] {-1.5, 2.0, 0.2, 3.0, 2.5});
            case CLIP -> values(new double[] {-1.5, -0.3, 0.2, 0.7, 2.5}, new double[] {-0.5, -0.5, -0.5, -0.5, -0.5}, new double[] {2.0, 2.0, 2.0, 2.0, 2.0}, new double[] {-0.5, -0.3, 0.2, 0.7, 2.0});
        };
    }

    @ParameterizedTest
    @EnumSource(Scalar.class)
    void kernelGivesNumpysValues(Scalar s) {
        Values v = numpy(s);
        assertEquals(s.arity(), v.inputs().length);
        Variable[] in = new Variable[v.inputs().length];
        for (int i = 0; i < in.length; i++) {
            boolean bool = s == Scalar.AND || s == Scalar.OR || s == Scalar.XOR || s == Scalar.NOT || s == Scalar.SWITCH && i == 0;
            in[i] = t.constant(new NDArray(bool ? DType.BOOL : DType.FLOAT64, new int[] {5}, v.inputs()[i].clone()));
        }
        double[] got = Eager.evaluate(t.elemwise(s, in)).data();
        for (int i = 0; i < got.length; i++) {
            double want = v.want()[i];
            if (Double.isNaN(want)) assertTrue(Double.isNaN(got[i]), s + " element " + i);
            else assertEquals(want, got[i], 1e-12 * (1 + Math.abs(want)), s + " element " + i);
        }
    }

    @org.junit.jupiter.api.Test
    void bitwiseOnIntegersLogicalOnBoolsRefusedOnFloats() {
        // numpy: a & b, a | b, a ^ b, ~a for a = [5, 12, -3], b = [3, 10, 6]
        Variable a = t.constant(new NDArray(DType.INT64, new int[] {3}, new double[] {5, 12, -3}));
        Variable b = t.constant(new NDArray(DType.INT64, new int[] {3}, new double[] {3, 10, 6}));
        assertArrayEquals(new double[] {1, 8, 4}, Eager.evaluate(t.and(a, b)).data());
        assertArrayEquals(new double[] {7, 14, -1}, Eager.evaluate(t.or(a, b)).data());
        assertArrayEquals(new double[] {6, 6, -5}, Eager.evaluate(t.xor(a, b)).data());
        assertArrayEquals(new double[] {-6, -13, 2}, Eager.evaluate(t.not(a)).data());
        assertEquals(DType.INT64, t.and(a, b).dtype());
        Variable yes = t.constant(new NDArray(DType.BOOL, new int[] {2}, new double[] {1, 0}));
        assertArrayEquals(new double[] {0, 1}, Eager.evaluate(t.not(yes)).data());
        assertEquals(DType.BOOL, t.not(yes).dtype());
        GraphError e = assertThrows(GraphError.class, () -> t.and(t.constant(1.5), a));
        assertEquals(ErrorKind.TYPE_ERROR, e.kind());
    }

    @org.junit.jupiter.api.Test
    void psiAndArcsinhHoldAcrossTheirDomains() {
        // scipy.special.psi and np.arcsinh at these points
        double[] x = {-2.5, -0.5, 0.01, 30.0, 1e5};
        double[] psi = {1.1031566406452433, 0.03648997397857651, -100.56088545786868, 3.384438132685525, 11.512920464961896};
        for (int i = 0; i < x.length; i++) assertEquals(psi[i], ScalarMath.psi(x[i]), 1e-13 * (1 + Math.abs(psi[i])), "psi " + x[i]);
        double[] y = {1e-300, 1e-10, 0.001, 50.0, 1e10, -1e-10};
        double[] asinh = {1e-300, 1e-10, 0.0009999998333334083, 4.605270170991424, 23.7189981105004, -1e-10};
        for (int i = 0; i < y.length; i++) assertEquals(asinh[i], ScalarMath.asinh(y[i]), 1e-15 * Math.abs(asinh[i]), "asinh " + y[i]);
    }

    /** Where each function is smooth: inputs for the finite-difference check, or null for none. */
    private static List<NDArray> smoothPoints(Scalar s) {
        NDArray pos = GradCheck.rand(3, 0.2, 2.0, 2, 3), pos2 = GradCheck.rand(4, 0.5, 2.0, 2, 3);
        NDArray mixed = NDArray.of(new double[] {-1.7, -0.4, 0.3, 1.2, -0.9, 2.1}, 2, 3);
        NDArray notIntegers = NDArray.of(new double[] {0.3, 1.2, -0.7, 2.6, -1.4, 0.45}, 2, 3);
        return switch (s) {
            case NEG, ABS, EXP, SQR, TANH, SIGMOID, SOFTPLUS, SIN, COS, ARCTAN, SINH, COSH, ARCSINH, EXPM1, EXP2, ERF, ERFC,
                    TAN, SOFTSIGN, SELU -> List.of(mixed);
            case HARD_SIGMOID -> List.of(NDArray.of(new double[] {-3.1, -1.0, 0.5, 2.0, 4.0, -2.2}, 2, 3));
            case ULTRA_FAST_SIGMOID -> List.of();
            case LOG, LOG1P, SQRT, INV, LOG2, LOG10, GAMMA, GAMMALN -> List.of(pos);
            case ARCSIN, ARCCOS, ARCTANH, ERFINV -> List.of(NDArray.of(new double[] {-0.8, -0.35, 0.1, 0.4, 0.75, -0.05}, 2, 3));
            case ARCCOSH -> List.of(NDArray.of(new double[] {1.2, 1.5, 2.0, 3.5, 10.0, 1.05}, 2, 3));
            case FLOOR, CEIL, ROUND, ROUND_HALF_AWAY_FROM_ZERO, SGN, TRUNC -> List.of(notIntegers);
            case ARCTAN2 -> List.of(mixed, pos2);
            case XLOGX -> List.of(pos);
            case XLOGY0 -> List.of(mixed, pos2);
            case ADD, SUB, MUL, TRUE_DIV, POW, MOD, INT_DIV -> List.of(pos, pos2);
            case MAXIMUM, MINIMUM -> List.of(mixed, notIntegers);
            case ELU -> List.of(mixed, pos2);
            case CLIP -> List.of(mixed, NDArray.of(new double[] {-0.5}), NDArray.of(new double[] {1.0}));
            case SWITCH -> List.of(NDArray.of(new double[] {1, 0, 0, 1, 1, 0}, 2, 3), mixed, pos);
            case ISNAN, ISINF, NOT, LT, LE, GT, GE, EQ, NEQ, AND, OR, XOR, IROUND -> null;
            case PSI -> List.of();
        };
    }

    @ParameterizedTest
    @EnumSource(Scalar.class)
    void derivativeAgreesWithFiniteDifferences(Scalar s) {
        List<NDArray> points = smoothPoints(s);
        if (points == null) {
            // predicates: no gradient reaches any input, as Theano's are disconnected
            List<Variable> in = new ArrayList<>();
            DType d = s.dtypeRule() == Scalar.DTypeRule.BITWISE ? DType.INT64 : DType.FLOAT64;
            for (int i = 0; i < s.arity(); i++) in.add(new Variable(new TensorType(d, 1), "v"));
            Apply node = t.elemwise(s, in.toArray(Variable[]::new)).owner();
            for (Variable g : node.op().grad(node, List.of(t.constant(1.0)))) assertEquals(null, g, s.name());
            return;
        }
        if (points.isEmpty()) {
            // no gradient defined: asking is a GradientError, never a silent zero
            Variable x = new Variable(new TensorType(DType.FLOAT64, 1), "v");
            Apply node = t.elemwise(s, x).owner();
            GraphError e = assertThrows(GraphError.class, () -> node.op().grad(node, List.of(t.constant(1.0))));
            assertEquals(ErrorKind.GRADIENT_ERROR, e.kind());
            assertTrue(e.getMessage().startsWith(s.name().toLowerCase(java.util.Locale.ROOT) + " has no gradient"), e.getMessage());
            return;
        }
        if (s == Scalar.SWITCH) {
            Variable cond = t.constant(new NDArray(DType.BOOL, new int[] {2, 3}, points.get(0).data()));
            GradCheck.check(xs -> t.switchOp(cond, xs.get(0), xs.get(1)), points.get(1), points.get(2));
            return;
        }
        GradCheck.check(xs -> t.elemwise(s, xs.toArray(Variable[]::new)), points.toArray(NDArray[]::new));
    }

    @ParameterizedTest
    @EnumSource(Scalar.class)
    void anOperatorLeadsBackToItsFunction(Scalar s) {
        // the hooks find the function for x + y through the operator: one entry per operator
        if (s.operator() != null) assertEquals(s, Scalar.forOperator(s.operator()));
    }

    @ParameterizedTest
    @EnumSource(Scalar.class)
    void hasHelpAndANameUsersCanType(Scalar s) {
        Scalar.Help h = s.help();
        assertFalse(h.names().isEmpty(), s + " has no T./np. name");
        assertFalse(h.doc().isBlank(), s + " has no doc");
        assertEquals(s.arity(), h.params().size());
        for (String n : h.names()) assertTrue(n.startsWith("T.") || n.startsWith("np."), n);
        assertNotNull(s.dtypeRule());
    }
}
