package tdl.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end with real Jupyter: nbclient (what {@code jupyter nbconvert --execute} uses) starts the
 * installed TDL kernel as its own process and runs lab4.ipynb headless. Needs a Python with
 * jupyter_client, nbclient and nbformat: {@code TDL_JUPYTER_PYTHON}, else {@code python3}; without
 * one the test is skipped (CI has no Jupyter).
 */
class JupyterNotebookTest {
    private static final String DRIVER = String.join("\n",
            "import sys, nbformat",
            "from nbclient import NotebookClient",
            "nb = nbformat.read(sys.argv[1], as_version=4)",
            "NotebookClient(nb, kernel_name='tdl', timeout=600, startup_timeout=120,",
            "               resources={'metadata': {'path': sys.argv[3]}}).execute()",
            "nbformat.write(nb, sys.argv[2])",
            "");

    @TempDir
    Path dir;

    @Test
    void nbclientRunsTheLabNotebookOnTheInstalledKernel() throws Exception {
        String python = System.getenv().getOrDefault("TDL_JUPYTER_PYTHON", "python3");
        assumeTrue(hasJupyter(python), "skipped: no Jupyter client in " + python + " (set TDL_JUPYTER_PYTHON to a python "
                + "where 'pip install jupyter_client nbclient nbformat' was run)");
        Path prefix = dir.resolve("prefix");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        KernelSpec.install(KernelSpec.prefixKernels(prefix), List.of(java, "-Djava.awt.headless=true", "-Xss16m",
                "-cp", System.getProperty("java.class.path"), "tdl.cli.Main"));
        Path driver = dir.resolve("run_notebook.py");
        Files.writeString(driver, DRIVER, StandardCharsets.UTF_8);
        Path executed = dir.resolve("lab4.executed.ipynb");
        ProcessBuilder pb = new ProcessBuilder(python, driver.toString(), LabNotebook.FILE.toAbsolutePath().toString(),
                executed.toString(), LabNotebook.DIR.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("nbclient.log").toFile());
        Map<String, String> env = pb.environment();
        env.put("JUPYTER_PATH", prefix.resolve("share/jupyter").toString());
        env.put("JUPYTER_RUNTIME_DIR", dir.resolve("runtime").toString());
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("nbclient did not finish in 10 minutes: " + log());
        }
        assertEquals(0, p.exitValue(), () -> "nbclient failed:\n" + log());
        LabNotebook.check(LabNotebook.outputs(executed));
    }

    private static boolean hasJupyter(String python) {
        try {
            Process p = new ProcessBuilder(python, "-c", "import jupyter_client, nbclient, nbformat")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("nbclient.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
