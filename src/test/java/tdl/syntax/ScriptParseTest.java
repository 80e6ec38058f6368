package tdl.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tdl.syntax.ast.Expr;
import tdl.syntax.ast.Module;
import tdl.syntax.ast.Stmt;

/** A realistic ported Theano script (the deeplearning.net RBM tutorial) parses into the expected outline. */
class ScriptParseTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = ScriptParseTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test void rbmTutorialParses() throws IOException {
        Module m = Parser.parse(new SourceText("rbm_tutorial.tdl", resource("rbm_tutorial.tdl")));
        List<Stmt> body = m.body();
        assertInstanceOf(Stmt.ExprStmt.class, body.get(0));  // the module docstring
        long imports = body.stream().filter(s -> s instanceof Stmt.Import || s instanceof Stmt.FromImport).count();
        assertEquals(8, imports);
        Stmt.ClassDef rbm = (Stmt.ClassDef) body.stream().filter(s -> s instanceof Stmt.ClassDef).findFirst().orElseThrow();
        assertEquals("RBM", rbm.name());
        List<String> methods = rbm.body().stream().filter(s -> s instanceof Stmt.FunctionDef)
                .map(s -> ((Stmt.FunctionDef) s).name()).toList();
        assertEquals(List.of("__init__", "free_energy", "propup", "sample_h_given_v", "gibbs_hvh",
                "get_cost_updates", "get_pseudo_likelihood_cost"), methods);
        Stmt.FunctionDef init = (Stmt.FunctionDef) rbm.body().get(1);
        assertEquals(9, init.params().size());
        Stmt last = body.get(body.size() - 1);
        Stmt.If main = assertInstanceOf(Stmt.If.class, last);
        assertEquals("(cmp __name__ == '__main__')", AstPrinter.print(main.conditions().get(0)));
        assertEquals(268, last.pos().line());
    }

    @Test void nestedUnpackingOfScanResults() throws IOException {
        Module m = Parser.parse(new SourceText("rbm_tutorial.tdl", resource("rbm_tutorial.tdl")));
        String dump = AstPrinter.print(m);
        assertTrue(dump.contains("(= (tuple (list pre_sigmoid_nvs nv_means nv_samples pre_sigmoid_nhs nh_means nh_samples)"
                + " updates) (call (. theano scan) (. self gibbs_hvh)"), dump);
        assertTrue(dump.contains("(call print (f 'Training epoch ' {epoch} ', cost is ' "
                + "{(call (. numpy mean) mean_cost) :.4f}))"), dump);
        assertTrue(dump.contains("(= (sub image_data (tuple (slice (* 29 idx) (+ (* 29 idx) 28) _) (slice _ _ _)))"), dump);
    }

    @Test void fieldExpressionsMaySpanLinesInTripleQuotedFStrings() {
        Module m = Parser.parse(new SourceText("t", "s = f'''a {x +\n  y} b'''\n"));
        Stmt.Assign a = (Stmt.Assign) m.body().get(0);
        Expr.FString f = (Expr.FString) a.value();
        assertEquals("(f 'a ' {(+ x y)} ' b')", AstPrinter.print(f));
        Expr.Binary plus = (Expr.Binary) ((Expr.FormatField) f.parts().get(1)).value();
        assertEquals(2, plus.right().pos().line());
        assertEquals(3, plus.right().pos().col());
    }
}
