package tdl.scan;

import tdl.function.CompiledFunction;
import tdl.function.Plan;

/** The op names of a compiled function's plan and of its scan's body, for tests of what the rewrites left. */
final class ScanPlans {
    private ScanPlans() {}

    static String outerOps(CompiledFunction f) {
        StringBuilder names = new StringBuilder();
        for (Plan.Step s : f.plan().steps()) names.append(s.node().op().name()).append(' ');
        return names.toString();
    }

    static String bodyOps(CompiledFunction f) {
        for (Plan.Step s : f.plan().steps()) {
            if (s.kernel() instanceof ScanKernel k) {
                StringBuilder names = new StringBuilder();
                for (Plan.Step b : ((Plan) k.body()).steps()) names.append(b.node().op().name()).append(' ');
                return names.toString();
            }
        }
        throw new AssertionError("no scan step in the plan");
    }
}
