package tdl.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tdl.api.Tdl;
import tdl.api.TdlSession;
import tdl.function.CompiledFunction;
import tdl.function.FunctionCompiler;
import tdl.function.Plan;
import tdl.graph.DType;
import tdl.graph.NDArray;
import tdl.graph.SharedVariable;
import tdl.graph.TensorType;
import tdl.graph.Variable;
import tdl.graph.ops.ElemwiseOp;
import tdl.graph.ops.FusedElemwiseOp;
import tdl.graph.ops.ReduceOp;
import tdl.graph.ops.Scalar;
import tdl.graph.ops.TensorOps;
import tdl.grad.Grad;
import tdl.vocab.OnUnused;

/**
 * The Lab 4 RBM (the tutorial's class, PCD, pseudo-likelihood monitoring cost) at n_visible=6,
 * n_hidden=4: {@code T.grad} of the free-energy cost asks the shapes of FE(input) and FE(chain_end);
 * with the shape rewrites those forward values are no longer computed, and costs and updates stay
 * what the plan without them (and the unrewritten plan) computes.
 */
class RbmShapeRewritesTest {
    private static final String[] SHAPE_RULES = {"ShapeFromInputs", "UselessAlloc", "ZerosPlusToAlloc", "AllocInElemwise", "DimShuffleOfFill"};

    private static final String SCRIPT = """
            import numpy
            import theano
            import theano.tensor as T
            from theano.tensor.shared_randomstreams import RandomStreams

            class RBM(object):
                def __init__(self, input, n_visible, n_hidden, numpy_rng, theano_rng):
                    self.n_visible = n_visible
                    self.n_hidden = n_hidden
                    b = 4 * numpy.sqrt(6. / (n_hidden + n_visible))
                    self.W = theano.shared(numpy_rng.uniform(low=-b, high=b, size=(n_visible, n_hidden)), name='W')
                    self.hbias = theano.shared(numpy_rng.uniform(low=-1, high=1, size=n_hidden), name='hbias')
                    self.vbias = theano.shared(numpy_rng.uniform(low=-1, high=1, size=n_visible), name='vbias')
                    self.input = input
                    self.theano_rng = theano_rng
                    self.params = [self.W, self.hbias, self.vbias]

                def free_energy(self, v_sample):
                    wx_b = T.dot(v_sample, self.W) + self.hbias
                    vbias_term = T.dot(v_sample, self.vbias)
                    hidden_term = T.sum(T.log(1 + T.exp(wx_b)), axis=1)
                    return -hidden_term - vbias_term

                def propup(self, vis):
                    pre = T.dot(vis, self.W) + self.hbias
                    return [pre, T.nnet.sigmoid(pre)]

                def sample_h_given_v(self, v0):
                    pre, mean = self.propup(v0)
                    return [pre, mean, self.theano_rng.binomial(size=mean.shape, n=1, p=mean, dtype=theano.config.floatX)]

                def propdown(self, hid):
                    pre = T.dot(hid, self.W.T) + self.vbias
                    return [pre, T.nnet.sigmoid(pre)]

                def sample_v_given_h(self, h0):
                    pre, mean = self.propdown(h0)
                    return [pre, mean, self.theano_rng.binomial(size=mean.shape, n=1, p=mean, dtype=theano.config.floatX)]

                def gibbs_hvh(self, h0):
                    pre_v, v_mean, v_sample = self.sample_v_given_h(h0)
                    pre_h, h_mean, h_sample = self.sample_h_given_v(v_sample)
                    return [pre_v, v_mean, v_sample, pre_h, h_mean, h_sample]

                def get_cost_updates(self, lr, persistent, k):
                    ([pre_nvs, nv_means, nv_samples, pre_nhs, nh_means, nh_samples], updates) = theano.scan(
                        self.gibbs_hvh, outputs_info=[None, None, None, None, None, persistent], n_steps=k, name="gibbs_hvh")
                    chain_end = nv_samples[-1]
                    cost = T.mean(self.free_energy(self.input)) - T.mean(self.free_energy(chain_end))
                    gparams = T.grad(cost, self.params, consider_constant=[chain_end])
                    for gparam, param in zip(gparams, self.params):
                        updates[param] = param - gparam * T.cast(lr, dtype=theano.config.floatX)
                    updates[persistent] = nh_samples[-1]
                    bit_i_idx = theano.shared(value=0, name='bit_i_idx')
                    xi = T.round(self.input)
                    fe_xi = self.free_energy(xi)
                    xi_flip = T.set_subtensor(xi[:, bit_i_idx], 1 - xi[:, bit_i_idx])
                    fe_xi_flip = self.free_energy(xi_flip)
                    monitoring = T.mean(self.n_visible * T.log(T.nnet.sigmoid(fe_xi_flip - fe_xi)))
                    updates[bit_i_idx] = (bit_i_idx + 1) % self.n_visible
                    return monitoring, updates

            def build():
                rng = numpy.random.RandomState(1234)
                theano_rng = RandomStreams(rng.randint(2 ** 30))
                x = T.matrix('x')
                chain = theano.shared(numpy.zeros((5, 4)), name='chain')
                rbm = RBM(x, 6, 4, rng, theano_rng)
                cost, updates = rbm.get_cost_updates(0.1, chain, 2)
                return theano.function([x], cost, updates=updates, name='train_rbm')

            train_a = build()
            train_b = build()
            train_c = build()
            """;

    /** The plan's steps that compute a softplus, and those that sum over axis 1 (each FE evaluation has one of each). */
    private static int[] freeEnergySteps(CompiledFunction f) {
        int softplus = 0, rowSums = 0;
        for (Plan.Step s : f.plan().steps()) {
            if (s.node().op() instanceof FusedElemwiseOp fused && fused.program().stream().anyMatch(i -> i.scalar() == Scalar.SOFTPLUS)
                    || s.node().op() instanceof ElemwiseOp e && e.scalar() == Scalar.SOFTPLUS) softplus++;
            if (s.node().op() instanceof ReduceOp r && r.kind() == ReduceOp.Kind.SUM && List.of(1).equals(r.axes())) rowSums++;
        }
        return new int[] {softplus, rowSums};
    }

    private static CompiledFunction recompile(CompiledFunction f, Pipeline p) {
        return FunctionCompiler.compile(f.inputs(), f.outputs(), f.updates(), Map.of(),
                FunctionCompiler.Options.defaults().withName(f.name()).withPipeline(p));
    }

    @Test
    void theFreeEnergyForwardIsGoneAndCostsAndUpdatesAreUnchanged() {
        TdlSession s = Tdl.builder().output(new StringWriter()).build();
        s.eval(SCRIPT);
        CompiledFunction a = tdl.lib.theano.TheanoLibrary.compiledFunction(s.scriptGlobals().get("train_a"));
        // same seeds, own shared variables and streams: b without the shape rules, c without any rewrite
        CompiledFunction b = recompile(tdl.lib.theano.TheanoLibrary.compiledFunction(s.scriptGlobals().get("train_b")),
                Pipeline.standard().without(SHAPE_RULES));
        CompiledFunction c = recompile(tdl.lib.theano.TheanoLibrary.compiledFunction(s.scriptGlobals().get("train_c")), Pipeline.none());

        // the monitoring cost evaluates FE twice (x and x with one bit flipped) and log(sigmoid) is a
        // softplus too; the training cost's FE(input) and FE(chain_end) are asked only for their shapes
        assertEquals(List.of(3, 2), List.of(freeEnergySteps(a)[0], freeEnergySteps(a)[1]), a.rewriteLog().toString());
        assertEquals(List.of(5, 4), List.of(freeEnergySteps(b)[0], freeEnergySteps(b)[1]), "without the shape rules");
        assertTrue(a.plan().stepCount() < b.plan().stepCount() - 10, a.plan().stepCount() + " vs " + b.plan().stepCount());

        Random rng = new Random(11);
        for (int call = 0; call < 4; call++) {
            double[] x = new double[5 * 6];
            for (int i = 0; i < x.length; i++) x[i] = rng.nextBoolean() ? 1 : 0;
            NDArray xv = NDArray.of(x, 5, 6);
            double ca = a.call(List.of(xv)).get(0).item(), cb = b.call(List.of(xv)).get(0).item(), cc = c.call(List.of(xv)).get(0).item();
            assertEquals(cb, ca, 1e-12 * Math.abs(cb), "cost, call " + call);
            assertEquals(cc, ca, 1e-10 * Math.abs(cc), "cost against the unrewritten plan, call " + call);
            for (int u = 0; u < a.updates().size(); u++) {
                SharedVariable sa = a.updates().get(u).getKey(), sb = b.updates().get(u).getKey(), sc = c.updates().get(u).getKey();
                assertEquals(sb.name(), sa.name());
                double[] va = sa.value().data(), vb = sb.value().data(), vc = sc.value().data();
                for (int i = 0; i < va.length; i++) {
                    assertEquals(vb[i], va[i], 1e-12 * Math.max(1, Math.abs(vb[i])), sa.name() + "[" + i + "], call " + call);
                    assertEquals(vc[i], va[i], 1e-10 * Math.max(1, Math.abs(vc[i])), sa.name() + "[" + i + "] unrewritten, call " + call);
                }
            }
        }
    }

    @Test
    void theRewrittenFreeEnergyGradientMatchesFiniteDifferences() {
        TensorOps t = new TensorOps(() -> "rbm.tdl:1");
        Variable x = new Variable(new TensorType(DType.FLOAT64, 2), "x"), chain = new Variable(new TensorType(DType.FLOAT64, 2), "chain");
        Variable w = new Variable(new TensorType(DType.FLOAT64, 2), "W");
        Variable hb = new Variable(new TensorType(DType.FLOAT64, 1), "hbias"), vb = new Variable(new TensorType(DType.FLOAT64, 1), "vbias");
        java.util.function.Function<Variable, Variable> fe = v -> t.sub(
                t.neg(t.sum(t.log(t.add(t.constant(1.0), t.exp(t.add(t.dot(v, w), hb)))), new int[] {1}, false)), t.dot(v, vb));
        Variable cost = t.sub(t.mean(fe.apply(x), null, false), t.mean(fe.apply(chain), null, false));
        List<Variable> grads = Grad.grad(cost, List.of(w, hb, vb), java.util.Set.of(), OnUnused.RAISE, null);
        List<Variable> in = List.of(x, chain, w, hb, vb);
        FunctionCompiler.Options opts = FunctionCompiler.Options.defaults().withOnUnused(OnUnused.IGNORE);
        CompiledFunction g = FunctionCompiler.compile(in, grads, List.of(), Map.of(), opts);
        assertTrue(g.rewriteLog().count("ShapeFromInputs") > 0, g.rewriteLog().toString());
        for (Plan.Step s : g.plan().steps()) {
            boolean softplus = s.node().op() instanceof FusedElemwiseOp fused && fused.program().stream().anyMatch(i -> i.scalar() == Scalar.SOFTPLUS);
            assertTrue(!softplus, "the gradient computes no free energy: " + s.node().op().name());
        }
        CompiledFunction f = FunctionCompiler.compile(in, List.of(cost), List.of(), Map.of(), opts.withPipeline(Pipeline.none()));

        Random rng = new Random(5);
        NDArray[] args = {ShapeRewritesTest.random(rng, 5, 6), ShapeRewritesTest.random(rng, 5, 6), ShapeRewritesTest.random(rng, 6, 4),
            ShapeRewritesTest.random(rng, 4), ShapeRewritesTest.random(rng, 6)};
        List<NDArray> got = g.call(List.of(args));
        double h = 1e-6;
        for (int p = 0; p < 3; p++) {
            NDArray param = args[2 + p];
            for (int i = 0; i < param.size(); i++) {
                double keep = param.data()[i];
                param.data()[i] = keep + h;
                double up = f.call(List.of(args)).get(0).item();
                param.data()[i] = keep - h;
                double down = f.call(List.of(args)).get(0).item();
                param.data()[i] = keep;
                assertEquals((up - down) / (2 * h), got.get(p).data()[i], 1e-7, "d cost / d param " + p + "[" + i + "]");
            }
        }
    }
}
