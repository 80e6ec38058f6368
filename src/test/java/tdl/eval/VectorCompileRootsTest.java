package tdl.eval;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.util.Arrays;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** The vector loops are compilations of their own in every JVM that runs them (see VectorCompileRoots). */
class VectorCompileRootsTest {
    @Test
    void theJvmHoldsTheDirectiveOnceAVectorKernelIsLoaded() throws Exception {
        assumeTrue(Gemm.VECTOR, "the Vector API module is not enabled");
        assertTrue(Gemm.description().startsWith("Vector API"), Gemm.description()); // loads VectorGemm, hence the directive
        assertNull(VectorKernels.compileRootsProblem());
        String printed = ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                "compilerDirectivesPrint", new Object[] {new String[0]}, new String[] {String[].class.getName()}).toString();
        for (String[] c : VectorCompileRoots.ROOTS) {
            for (int i = 1; i < c.length; i++) {
                assertTrue(printed.contains("-" + c[0] + "." + c[i]), c[0] + "." + c[i] + " is not kept out of its callers:\n" + printed);
            }
        }
    }

    @Test
    void everyListedLoopExistsSoARenameCannotDropItSilently() throws Exception {
        assumeTrue(Gemm.VECTOR, "the Vector API module is not enabled");
        for (String[] c : VectorCompileRoots.ROOTS) {
            Class<?> k = Class.forName(c[0].replace('/', '.'));
            for (int i = 1; i < c.length; i++) {
                String name = c[i];
                assertTrue(Arrays.stream(k.getDeclaredMethods()).map(Method::getName).anyMatch(name::equals), k.getName() + " has no method " + name);
            }
        }
    }
}
