package tdl.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tdl.graph.ops.Scalar;

/** Every name the scalar table gives a user exists in a session, prints as a built-in, and has help. */
class ElemwiseHelpTest {

    @Test
    void everyTableNameIsAReachableDocumentedBuiltin() {
        Session s = new Session();
        HelpTable help = HelpTable.load();
        for (Scalar sc : Scalar.values()) {
            for (String name : sc.help().names()) {
                String text = help.describe(s.interpreter(), name);
                assertNotNull(text, name + " has no help");
                assertTrue(text.contains(sc.help().doc()), name + ": " + text);
                String shortName = name.substring(name.lastIndexOf('.') + 1);
                assertEquals("<built-in function " + shortName + ">", s.eval("str(" + name + ")").toString(), name);
            }
        }
    }

    @Test
    void eluWithItsDefaultAlphaAndAKeyword() {
        Session s = new Session();
        s.exec("import numpy as np\nimport theano.tensor as T\nx = T.dvector('x')\n"
                + "f = theano.function([x], [T.nnet.elu(x), T.nnet.elu(x, alpha=0.5)])\n", "elu.tdl");
        // numpy: np.where(x > 0, x, a * np.expm1(x)) at x = [-1, 2]
        assertEquals("[array([-0.63212056,  2.        ]), array([-0.31606028,  2.        ])]",
                s.eval("str(f([-1.0, 2.0]))"));
    }
}
