package tdl.session.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.management.ObjectName;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * What a failing steady-state test reports, so a failure on a machine nobody can log into still
 * says why: which frames allocated during a few calls, which methods were deoptimized or compiled
 * meanwhile (JFR), and at which tier the JIT holds each of TDL's Vector API kernels
 * ({@code Compiler.codelist}: level 4 is C2; an OSR-only or C1-only kernel boxes its vectors).
 */
final class JitDiagnosis {
    private JitDiagnosis() {}

    /**
     * Starts and stops an empty recording. The first recording in a JVM deoptimizes every compiled
     * method (seen in a compilation log: the whole RBM recompiled from C1 up right after it), so a
     * first recording made at a failure shows warm-up allocations, not the steady state's; a test
     * can call this before its warm-up so that the recording at a failure is not the first. Not
     * called by default: in one standalone run of five with it, the RBM's plans stayed boxed as a
     * whole (772 MB per call), a state never seen without it; whether JFR's start changed the JIT's
     * course is not known. Turn it on to diagnose a failure: {@code -Dtdl.test.primeJfr=true}.
     */
    static void prime() {
        try (Recording r = new Recording()) {
            r.enable("jdk.Compilation").withThreshold(java.time.Duration.ofDays(1));
            r.start();
            r.stop();
        } catch (RuntimeException e) {
            // no JFR in this JVM: of() reports that itself
        }
    }

    static String of(Runnable call) {
        String tiers = kernelTiers(); // before the recording, which may deoptimize
        return recorded(call) + " | kernels in the code cache: " + tiers;
    }

    private static String recorded(Runnable call) {
        try (Recording r = new Recording()) {
            r.enable("jdk.ObjectAllocationInNewTLAB").withStackTrace();
            r.enable("jdk.ObjectAllocationOutsideTLAB").withStackTrace();
            r.enable("jdk.Deoptimization").withStackTrace();
            r.enable("jdk.Compilation").withThreshold(java.time.Duration.ZERO);
            r.enable("jdk.CompilationFailure");
            r.start();
            for (int i = 0; i < 5; i++) call.run();
            r.stop();
            Path file = Files.createTempFile("tdl-steady", ".jfr");
            try {
                r.dump(file);
                Map<String, Integer> allocations = new HashMap<>(), deopts = new HashMap<>(), compiles = new HashMap<>();
                for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
                    String type = e.getEventType().getName();
                    if (type.startsWith("jdk.ObjectAllocation")) {
                        String at = firstTdlFrame(e);
                        if (at != null) allocations.merge(at, 1, Integer::sum);
                    } else if (type.equals("jdk.Deoptimization")) {
                        deopts.merge(method(e, "method") + ":" + e.getValue("lineNumber") + " " + e.getValue("reason") + "/" + e.getValue("action"), 1, Integer::sum);
                    } else if (type.equals("jdk.Compilation")) {
                        compiles.merge(method(e, "method") + " level " + e.getValue("compileLevel") + (Boolean.TRUE.equals(e.getValue("isOsr")) ? " osr" : "")
                                + (Boolean.TRUE.equals(e.getValue("succeded")) ? "" : " failed"), 1, Integer::sum);
                    } else if (type.equals("jdk.CompilationFailure")) {
                        compiles.merge("failure: " + e.getValue("failureMessage"), 1, Integer::sum);
                    }
                }
                return "allocated at: " + top(allocations, 6) + " | deoptimized: " + top(deopts, 6) + " | compiled: " + top(compiles, 8);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (java.io.IOException | RuntimeException e) {
            return "(no recording: " + e + ")";
        }
    }

    /** The first TDL frame of an event's stack and the frame above it (the JDK method that allocated). */
    private static String firstTdlFrame(RecordedEvent e) {
        if (e.getStackTrace() == null) return null;
        List<RecordedFrame> frames = e.getStackTrace().getFrames();
        for (int i = 0; i < frames.size(); i++) {
            String type = frames.get(i).getMethod().getType().getName();
            if (!type.startsWith("tdl.")) continue;
            String above = i > 0 ? " < " + frames.get(i - 1).getMethod().getType().getName() + "." + frames.get(i - 1).getMethod().getName() : "";
            // the frame type says whether the kernel ran interpreted, compiled or inlined
            return type + "." + frames.get(i).getMethod().getName() + ":" + frames.get(i).getLineNumber() + " (" + frames.get(i).getType() + ")" + above;
        }
        return null;
    }

    private static String method(RecordedEvent e, String field) {
        jdk.jfr.consumer.RecordedMethod m = e.getValue(field);
        return m == null ? "?" : m.getType().getName() + "." + m.getName();
    }

    private static String top(Map<String, Integer> counts, int n) {
        if (counts.isEmpty()) return "none";
        return counts.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.reverseOrder())).limit(n)
                .map(en -> en.getKey() + " x" + en.getValue()).collect(Collectors.joining("; "));
    }

    /** The code cache's entries for tdl.eval's Vector API classes: compile id, tier, state, method. */
    private static String kernelTiers() {
        try {
            String list = (String) ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "compilerCodelist", new Object[] {new String[0]}, new String[] {String[].class.getName()});
            return list.lines().filter(l -> l.contains("tdl.eval.Vector")).map(String::strip).collect(Collectors.joining("; "));
        } catch (Exception e) {
            return "(no code list: " + e + ")";
        }
    }
}
