package tdl.session;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

/** Every extra_ops / sort / linalg name a script can reach has a documented help line. */
class ExtraHelpTest {
    static final String[] NAMES = {
        "T.cumsum", "T.cumprod", "theano.tensor.extra_ops.diff", "T.repeat", "T.squeeze", "T.fill_diagonal",
        "T.fill_diagonal_offset", "theano.tensor.extra_ops.to_one_hot", "T.bincount", "T.roll", "T.tile", "T.specify_shape",
        "T.var", "T.std", "T.sort", "T.argsort", "T.nonzero", "T.flatnonzero", "T.nonzero_values", "T.tril", "T.triu",
        "T.diag", "T.diagonal", "T.flatten",
    };

    @Test
    void everyNameIsDocumented() {
        Session s = new Session(SessionOptions.defaults());
        HelpTable help = HelpTable.load();
        for (String name : NAMES) {
            String text = help.describe(s.interpreter(), name);
            assertNotNull(text, name + " has no help");
            assertFalse(text.contains("no documentation"), name + ": " + text);
        }
    }
}
