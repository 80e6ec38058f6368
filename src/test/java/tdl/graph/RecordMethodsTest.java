package tdl.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tdl.graph.ops.DotOp;
import tdl.graph.ops.ElemwiseOp;
import tdl.graph.ops.GradModifierOp;
import tdl.graph.ops.IndexSpec;
import tdl.graph.ops.ReduceOp;
import tdl.graph.ops.Scalar;
import tdl.graph.ops.ShapeOp;
import tdl.graph.ops.SubtensorOp;

/**
 * The records the first compile hashes and compares (ops, their index specs, types, the merge
 * phase's key, the shape inference's dims) write equals and hashCode out: javac's versions are invokedynamic call sites that
 * bootstrap method handles per record class on first use, which a fresh JVM paid inside the first
 * {@code theano.function} (see {@link Op}). Read from the class files, so no timing is involved.
 */
class RecordMethodsTest {
    @Test
    void opRecordsDoNotUseGeneratedEqualsOrHashCode() throws IOException {
        List<String> checked = new ArrayList<>();
        Set<String> generated = new TreeSet<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(l -> !l.contains("/test-classes/"))
                .importPackages("tdl.graph", "tdl.rewrite", "tdl.scan")) {
            boolean hashed = c.isAssignableTo(Op.class) || c.isAssignableTo(IndexSpec.class) || c.isAssignableTo(tdl.rewrite.Dim.class)
                    || c.isEquivalentTo(TensorType.class) || c.getName().equals("tdl.rewrite.MergePhase$NodeKey");
            if (!hashed || !c.reflect().isRecord()) continue;
            checked.add(c.getName());
            for (String name : invokeDynamicNames(c.reflect())) {
                if (name.equals("equals") || name.equals("hashCode")) generated.add(c.getSimpleName() + "." + name);
            }
        }
        assertTrue(checked.size() > 40, "found only " + checked);
        assertEquals(Set.of(), generated, "records whose equals/hashCode are generated (write them out, see Op)");
    }

    @Test
    void writtenOutMethodsKeepValueEquality() {
        assertEquals(new DotOp(true, false), new DotOp(true, false));
        assertEquals(new DotOp(true, false).hashCode(), new DotOp(true, false).hashCode());
        assertNotEquals(new DotOp(true, false), new DotOp(false, true));
        assertEquals(new ShapeOp(), new ShapeOp());
        assertNotEquals((Object) new ShapeOp(), new tdl.graph.ops.AllocOp());
        assertEquals(new ElemwiseOp(Scalar.ADD), new ElemwiseOp(Scalar.ADD));
        assertNotEquals(new ElemwiseOp(Scalar.ADD), new ElemwiseOp(Scalar.MUL));
        assertEquals(new ReduceOp(ReduceOp.Kind.SUM, List.of(1), false), new ReduceOp(ReduceOp.Kind.SUM, List.of(1), false));
        assertNotEquals(new ReduceOp(ReduceOp.Kind.SUM, List.of(1), false), new ReduceOp(ReduceOp.Kind.SUM, List.of(1), true));
        assertEquals(new SubtensorOp(List.of(IndexSpec.ALL, IndexSpec.POINT)), new SubtensorOp(List.of(new IndexSpec.Slice(false, false, false), new IndexSpec.Point())));
        assertNotEquals(new SubtensorOp(List.of(IndexSpec.ALL)), new SubtensorOp(List.of(new IndexSpec.Slice(true, false, false))));
        // doubles compare as the generated equals did (Double.compare: -0.0 differs from 0.0)
        assertEquals(new GradModifierOp(GradModifierOp.Kind.CLIP, -1, 1), new GradModifierOp(GradModifierOp.Kind.CLIP, -1, 1));
        assertNotEquals(new GradModifierOp(GradModifierOp.Kind.CLIP, -1, 1), new GradModifierOp(GradModifierOp.Kind.CLIP, -1, 2));
        assertNotEquals(new GradModifierOp(GradModifierOp.Kind.SCALE, -0.0, 0), new GradModifierOp(GradModifierOp.Kind.SCALE, 0.0, 0));
        assertEquals(new TensorType(DType.FLOAT64, 2), new TensorType(DType.FLOAT64, 2));
        assertNotEquals(new TensorType(DType.FLOAT64, 2), new TensorType(DType.FLOAT32, 2));
        assertNotEquals(new TensorType(DType.FLOAT64, 2), new TensorType(DType.FLOAT64, 1));
        // dims: sizes by value, variables by identity
        Variable v = new Variable(new TensorType(DType.FLOAT64, 2), "v"), w = new Variable(new TensorType(DType.FLOAT64, 2), "v");
        assertEquals(new tdl.rewrite.Dim.Known(3), new tdl.rewrite.Dim.Known(3));
        assertEquals(new tdl.rewrite.Dim.Known(3).hashCode(), new tdl.rewrite.Dim.Known(3).hashCode());
        assertNotEquals(new tdl.rewrite.Dim.Known(3), new tdl.rewrite.Dim.Known(4));
        assertEquals(new tdl.rewrite.Dim.Of(v, 1), new tdl.rewrite.Dim.Of(v, 1));
        assertEquals(new tdl.rewrite.Dim.Of(v, 1).hashCode(), new tdl.rewrite.Dim.Of(v, 1).hashCode());
        assertNotEquals(new tdl.rewrite.Dim.Of(v, 1), new tdl.rewrite.Dim.Of(v, 0));
        assertNotEquals(new tdl.rewrite.Dim.Of(v, 1), new tdl.rewrite.Dim.Of(w, 1));
        assertEquals(new tdl.rewrite.Dim.Value(v), new tdl.rewrite.Dim.Value(v));
        assertNotEquals(new tdl.rewrite.Dim.Value(v), new tdl.rewrite.Dim.Value(w));
        assertNotEquals((Object) new tdl.rewrite.Dim.Value(v), new tdl.rewrite.Dim.Of(v, 0));
    }

    /** The method names of the invokedynamic call sites in a class file's constant pool. */
    private static List<String> invokeDynamicNames(Class<?> c) throws IOException {
        String resource = "/" + c.getName().replace('.', '/') + ".class";
        try (InputStream raw = c.getResourceAsStream(resource); DataInputStream in = new DataInputStream(raw)) {
            in.readInt(); // magic
            in.readUnsignedShort(); // minor
            in.readUnsignedShort(); // major
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            int[] natName = new int[count];
            List<Integer> indyNats = new ArrayList<>();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 3, 4 -> in.readInt();
                    case 5, 6 -> { in.readLong(); i++; }
                    case 7, 8, 16, 19, 20 -> in.readUnsignedShort();
                    case 9, 10, 11, 17 -> in.readInt();
                    case 12 -> { natName[i] = in.readUnsignedShort(); in.readUnsignedShort(); }
                    case 15 -> { in.readUnsignedByte(); in.readUnsignedShort(); }
                    case 18 -> { in.readUnsignedShort(); indyNats.add(in.readUnsignedShort()); }
                    default -> throw new IOException("unknown constant tag " + tag + " in " + resource);
                }
            }
            List<String> names = new ArrayList<>();
            for (int nat : indyNats) names.add(utf8[natName[nat]]);
            return names;
        }
    }
}
