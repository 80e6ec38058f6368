package tdl.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.SharedVariable;
import tdl.session.Session;
import tdl.session.SessionOptions;

/**
 * The Lab 4 RBM's model (W, hbias, vbias, the persistent chain and the 10,000 x 784 training set
 * as shared variables, as scripts/lab4/rbm.tdl builds them) takes half the storage in float32:
 * a count of element bytes, deterministic, not a GC measurement. One CD-style update keeps the
 * values float storage.
 */
class RbmModelMemoryTest {
    private static final List<String> SHARED = List.of("W", "hbias", "vbias", "persistent_chain", "train_set_x");

    private static final String MODEL = String.join("\n",
            "import numpy",
            "import theano",
            "import theano.tensor as T",
            "rng = numpy.random.RandomState(123)",
            "n_visible, n_hidden, batch_size = 784, 500, 20",
            "bound = 4 * numpy.sqrt(6. / (n_hidden + n_visible))",
            "W = theano.shared(numpy.asarray(rng.uniform(low=-bound, high=bound, size=(n_visible, n_hidden)),",
            "                  dtype=theano.config.floatX), name='W', borrow=True)",
            "hbias = theano.shared(numpy.zeros(n_hidden, dtype=theano.config.floatX), name='hbias', borrow=True)",
            "vbias = theano.shared(numpy.zeros(n_visible, dtype=theano.config.floatX), name='vbias', borrow=True)",
            "persistent_chain = theano.shared(numpy.zeros((batch_size, n_hidden), dtype=theano.config.floatX), borrow=True)",
            "train_set_x = theano.shared(numpy.asarray(rng.uniform(size=(10000, n_visible)), dtype=theano.config.floatX), borrow=True)",
            "x = train_set_x[0:batch_size]",
            "h = T.nnet.sigmoid(T.dot(x, W) + hbias)",
            "step = theano.function([], [], updates=[(persistent_chain, h), (W, W - 0.1 * T.dot(x.T, h) / batch_size)])",
            "step()",
            "");

    private static long modelBytes(String floatX, DType expected) {
        PrintStream ps = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Session s = new Session(SessionOptions.defaults().withOut(ps).withErr(ps).withSeed(7L).withTheanoFlags("floatX=" + floatX));
        s.exec(MODEL, "<rbm model>");
        long bytes = 0;
        for (String name : SHARED) {
            NDArray v = ((SharedVariable) s.get(name)).value();
            assertEquals(expected, v.dtype(), name);
            assertEquals(expected == DType.FLOAT32, v.isFloats(), name + " is stored as floats exactly when float32");
            bytes += v.byteSize();
        }
        return bytes;
    }

    @Test
    void aFloat32ModelTakesHalfTheBytesOfAFloat64One() {
        long b64 = modelBytes("float64", DType.FLOAT64);
        long b32 = modelBytes("float32", DType.FLOAT32);
        long elements = 784L * 500 + 500 + 784 + 20 * 500 + 10000L * 784;
        assertEquals(8 * elements, b64);
        assertTrue(b32 <= 0.55 * b64, b32 + " bytes in float32 vs " + b64 + " in float64");
        assertEquals(4 * elements, b32);
    }
}
