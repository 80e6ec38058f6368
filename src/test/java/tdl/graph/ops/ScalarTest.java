package tdl.graph.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tdl.eval.Eager;
import tdl.graph.Apply;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.TensorType;
import tdl.graph.Variable;

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

    /** Where each function is smooth: inputs for the finite-difference check, or null for none. */
    private static List<NDArray> smoothPoints(Scalar s) {
        NDArray pos = GradCheck.rand(3, 0.2, 2.0, 2, 3), pos2 = GradCheck.rand(4, 0.5, 2.0, 2, 3);
        NDArray mixed = NDArray.of(new double[] {-1.7, -0.4, 0.3, 1.2, -0.9, 2.1}, 2, 3);
        NDArray notIntegers = NDArray.of(new double[] {0.3, 1.2, -0.7, 2.6, -1.4, 0.45}, 2, 3);
        return switch (s) {
            case NEG, ABS, EXP, SQR, TANH, SIGMOID, SOFTPLUS, SIN, COS -> List.of(mixed);
            case LOG, LOG1P, SQRT, INV -> List.of(pos);
            case FLOOR, CEIL, ROUND, SGN -> List.of(notIntegers);
            case ADD, SUB, MUL, TRUE_DIV, POW, MOD, INT_DIV -> List.of(pos, pos2);
            case MAXIMUM, MINIMUM -> List.of(mixed, notIntegers);
            case ELU -> List.of(mixed, pos2);
            case CLIP -> List.of(mixed, NDArray.of(new double[] {-0.5}), NDArray.of(new double[] {1.0}));
            case SWITCH -> List.of(NDArray.of(new double[] {1, 0, 0, 1, 1, 0}, 2, 3), mixed, pos);
            case ISNAN, ISINF, NOT, LT, LE, GT, GE, EQ, NEQ, AND, OR, XOR -> null;
        };
    }

    @ParameterizedTest
    @EnumSource(Scalar.class)
    void derivativeAgreesWithFiniteDifferences(Scalar s) {
        List<NDArray> points = smoothPoints(s);
        if (points == null) {
            // predicates: no gradient reaches any input, as Theano's are disconnected
            List<Variable> in = new ArrayList<>();
            for (int i = 0; i < s.arity(); i++) in.add(new Variable(new TensorType(DType.FLOAT64, 1), "v"));
            Apply node = t.elemwise(s, in.toArray(Variable[]::new)).owner();
            for (Variable g : node.op().grad(node, List.of(t.constant(1.0)))) assertEquals(null, g, s.name());
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
    void hasHelpAndANameUsersCanType(Scalar s) {
        Scalar.Help h = s.help();
        assertFalse(h.names().isEmpty(), s + " has no T./np. name");
        assertFalse(h.doc().isBlank(), s + " has no doc");
        assertEquals(s.arity(), h.params().size());
        for (String n : h.names()) assertTrue(n.startsWith("T.") || n.startsWith("np."), n);
        assertNotNull(s.dtypeRule());
    }
}
