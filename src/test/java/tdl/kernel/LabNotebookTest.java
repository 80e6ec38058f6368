package tdl.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Lab 4 notebook as committed, and run cell by cell through the kernel's sockets (no Jupyter needed). */
class LabNotebookTest {
    @Test
    void theCommittedNotebookHasNoOutputsAndAsksForTheTdlKernel() throws Exception {
        String text = java.nio.file.Files.readString(LabNotebook.FILE);
        assertTrue(text.contains("\"name\": \"tdl\""), "kernelspec.name is tdl");
        for (Map<String, Object> cell : LabNotebook.cells(LabNotebook.FILE)) {
            if (!"code".equals(cell.get("cell_type"))) continue;
            assertEquals(List.of(), cell.get("outputs"), "outputs stripped in " + cell.get("id"));
            assertNull(cell.get("execution_count"), "execution count stripped in " + cell.get("id"));
        }
    }

    @Test
    void everyCellRunsThroughTheKernelAndShowsWhatTheLabExpects() throws Exception {
        Map<String, List<Map<String, Object>>> outputs = new LinkedHashMap<>();
        try (KernelClient client = new KernelClient(LabNotebook.DIR.toAbsolutePath())) {
            for (Map<String, Object> cell : LabNotebook.cells(LabNotebook.FILE)) {
                if (!"code".equals(cell.get("cell_type"))) continue;
                Message request = client.send(client.shell, "execute_request",
                        KernelClient.executeContent(LabNotebook.source(cell)));
                client.receive(client.shell, request);
                List<Map<String, Object>> cellOutputs = new ArrayList<>();
                for (Message m : client.outputs(request)) {
                    if (List.of("stream", "display_data", "execute_result", "error").contains(m.type())) {
                        cellOutputs.add(LabNotebook.asOutput(m));
                    }
                }
                outputs.put((String) cell.get("id"), cellOutputs);
            }
        }
        LabNotebook.check(outputs);
    }
}
