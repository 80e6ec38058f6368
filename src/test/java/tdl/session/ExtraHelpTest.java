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
        "theano.tensor.nlinalg.matrix_inverse", "theano.tensor.nlinalg.det", "theano.tensor.nlinalg.trace", "theano.tensor.nlinalg.diag",
        "theano.tensor.nlinalg.extract_diag", "theano.tensor.nlinalg.alloc_diag", "theano.tensor.nlinalg.matrix_dot",
        "theano.tensor.nlinalg.matrix_power", "theano.tensor.nlinalg.norm", "theano.tensor.slinalg.cholesky",
        "theano.tensor.slinalg.Cholesky", "theano.tensor.slinalg.solve", "theano.tensor.slinalg.solve_lower_triangular",
        "theano.tensor.slinalg.solve_upper_triangular", "theano.tensor.slinalg.solve_symmetric", "theano.tensor.slinalg.Solve",
        "np.cumsum", "np.cumprod", "np.diff", "np.repeat", "np.squeeze", "np.roll", "np.tile", "np.sort", "np.argsort", "np.nonzero",
        "np.flatnonzero", "np.bincount", "np.tril", "np.triu", "np.diag", "np.diagonal", "np.trace", "np.fill_diagonal",
        "T.ptp", "T.swapaxes", "np.ptp", "np.swapaxes", "numpy.linalg.inv", "np.linalg.det", "np.linalg.solve", "np.linalg.cholesky", "np.linalg.norm", "np.linalg.matrix_power",
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
