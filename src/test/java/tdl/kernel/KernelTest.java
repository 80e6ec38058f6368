package tdl.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tdl.session.Session;
import tdl.session.SessionOptions;
import tdl.session.ValueText;

/** The kernel driven through its sockets, as Jupyter drives it. */
class KernelTest {
    private final KernelClient client = new KernelClient();

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void kernelInfoNamesTheProtocolAndTheLanguage() {
        Map<String, Object> c = client.request(client.shell, "kernel_info_request", Map.of()).content();
        assertEquals("ok", c.get("status"));
        assertEquals("5.3", c.get("protocol_version"));
        @SuppressWarnings("unchecked")
        Map<String, Object> lang = (Map<String, Object>) c.get("language_info");
        assertEquals("tdl", lang.get("name"));
        assertEquals(".tdl", lang.get("file_extension"));
        assertEquals("python", lang.get("codemirror_mode"), "notebooks highlight TDL as Python");
        assertEquals("python", lang.get("pygments_lexer"));
        assertNotNull(lang.get("mimetype"));
        // the control channel answers it too (clients ask there while a cell runs)
        assertEquals("5.3", client.request(client.control, "kernel_info_request", Map.of()).content().get("protocol_version"));
    }

    @Test
    void executeStreamsPrintsAndEchoesTheLastExpression() {
        Message request = client.send(client.shell, "execute_request", KernelClient.executeContent(
                "import numpy as np\nprint('hello', 1 + 1)\nnp.array([1.0, 2.5])"));
        Map<String, Object> reply = client.receive(client.shell, request).content();
        assertEquals("ok", reply.get("status"));
        assertEquals(1L, reply.get("execution_count"));
        List<Message> out = client.outputs(request);
        assertEquals(List.of("status", "execute_input", "stream", "execute_result", "status"),
                out.stream().map(Message::type).toList());
        assertEquals("busy", out.get(0).content().get("execution_state"));
        assertEquals("hello 2\n", KernelClient.streamText(out, "stdout"));
        Map<String, Object> result = KernelClient.ofType(out, "execute_result").get(0).content();
        assertEquals(Map.of("text/plain", "array([1. , 2.5])"), result.get("data"), "numpy's repr (numpy 2.4 prints this)");
        assertEquals(1L, result.get("execution_count"));

        assertEquals(2L, client.execute("x = 3").get("execution_count"), "each stored cell takes the next number");
    }

    @Test
    void symbolicVariablesEchoInTheReplsPpForm() {
        String code = "import theano.tensor as T\ny = T.vector('y')\nT.exp(y) * 2";
        Message request = client.send(client.shell, "execute_request", KernelClient.executeContent(code));
        client.receive(client.shell, request);
        Object shown = ((Map<?, ?>) KernelClient.ofType(client.outputs(request), "execute_result").get(0).content().get("data"))
                .get("text/plain");
        Session repl = new Session(SessionOptions.defaults());
        assertEquals(ValueText.echo(repl.interpreter(), repl.exec(code, "<stdin>")), shown);
        assertTrue(shown.toString().contains("exp(y)"), shown.toString());
    }

    @Test
    void anErrorRepliesWithItsKindMessageAndPositionedTracebackAndKeepsState() {
        client.execute("total = 10");
        Message request = client.send(client.shell, "execute_request", KernelClient.executeContent("total = 11\ntotal + 'a'"));
        Map<String, Object> reply = client.receive(client.shell, request).content();
        assertEquals("error", reply.get("status"));
        assertEquals("TypeError", reply.get("ename"));
        assertTrue(reply.get("evalue").toString().contains("unsupported operand type(s) for +"), reply.toString());
        @SuppressWarnings("unchecked")
        List<String> tb = (List<String>) reply.get("traceback");
        assertEquals("TypeError: " + reply.get("evalue"), tb.get(0));
        assertTrue(tb.get(1).matches("  at <cell 2>:2:(\\d+)"), tb.toString());
        int col = Integer.parseInt(tb.get(1).substring(tb.get(1).lastIndexOf(':') + 1));
        assertEquals("    total + 'a'", tb.get(2));
        assertEquals("    " + " ".repeat(col - 1) + "^", tb.get(3), "the caret under the column");
        Message error = KernelClient.ofType(client.outputs(request), "error").get(0);
        assertEquals(tb, error.content().get("traceback"));
        assertEquals("11", resultText("total"), "the lines before the error ran; every variable is kept");
    }

    @Test
    void anInterruptStopsALongLoopAndKeepsItsState() {
        Message request = client.send(client.shell, "execute_request", KernelClient.executeContent(
                "i = 0\nprint('started')\nwhile True:\n    i += 1\n"));
        // the line printed before the endless loop arrives while the cell still runs
        Message first = client.nextPublished(request, KernelClient.WAIT);
        while (!first.type().equals("stream")) first = client.nextPublished(request, KernelClient.WAIT);
        assertEquals("started\n", first.content().get("text"));
        assertTrue(client.silentFor(client.shell, 200), "no reply yet: the loop runs");
        assertEquals("ok", client.request(client.control, "interrupt_request", Map.of()).content().get("status"));
        Map<String, Object> reply = client.receive(client.shell, request).content();
        assertEquals("error", reply.get("status"));
        assertEquals("KeyboardInterrupt", reply.get("ename"));
        assertEquals("True", resultText("i > 0"));
    }

    @Test
    void anInterruptedCompiledCallStoresNoUpdates() {
        client.execute("import theano\nimport theano.tensor as T\nx = T.dscalar('x')\nc = theano.shared(0.0)\n"
                + "step = theano.function([x], x + 1, updates=[(c, c + 1)])\nn = 0.0");
        Message request = client.send(client.shell, "execute_request", KernelClient.executeContent(
                "print('running')\nwhile True:\n    n = step(n)\n"));
        while (!client.nextPublished(request, KernelClient.WAIT).type().equals("stream")) { /* wait for the loop */ }
        client.request(client.control, "interrupt_request", Map.of());
        assertEquals("KeyboardInterrupt", client.receive(client.shell, request).content().get("ename"));
        // each call's update and its result's assignment happen together or not at all
        assertEquals("True", resultText("float(c.get_value()) == float(n) and float(n) > 0"));
    }

    @Test
    void plotsAndImagesArriveAsPngDisplayData() throws Exception {
        Message request = client.send(client.shell, "execute_request", KernelClient.executeContent(
                "import matplotlib.pyplot as plt\nimport numpy as np\nimport PIL.Image as Image\n"
                        + "plt.plot([1, 2, 3])\nplt.show()\n"
                        + "display(Image.fromarray(np.array([[0, 255, 0], [255, 0, 255]], dtype='uint8')))\n"
                        + "plt.figure(figsize=(3, 2))\nplt.plot([3, 1])\n"));
        assertEquals("ok", client.receive(client.shell, request).content().get("status"));
        List<Message> shown = KernelClient.ofType(client.outputs(request), "display_data");
        assertEquals(3, shown.size(), "plt.show(), display(image), and the figure left open at the end");
        BufferedImage figure = png(shown.get(0));
        assertEquals(640, figure.getWidth());
        assertEquals(480, figure.getHeight());
        assertEquals("<Figure size 640x480 with 1 Axes>", ((Map<?, ?>) shown.get(0).content().get("data")).get("text/plain"));
        BufferedImage image = png(shown.get(1));
        assertEquals(3, image.getWidth());
        assertEquals(255, image.getRaster().getSample(1, 0, 0));
        assertEquals(0, image.getRaster().getSample(1, 1, 0));
        assertEquals(300, png(shown.get(2)).getWidth(), "figsize (3, 2) at 100 dpi");
        Message next = client.send(client.shell, "execute_request", KernelClient.executeContent("x = 1"));
        client.receive(client.shell, next);
        assertTrue(KernelClient.ofType(client.outputs(next), "display_data").isEmpty(), "shown figures were closed");
    }

    @Test
    void aProgressBarIsOneOutputRedrawnInPlace() {
        Message request = client.send(client.shell, "execute_request", KernelClient.executeContent(
                "import time\nfor i in progress(range(3), 'train'):\n    time.sleep(0.15)\nprint('done')"));
        client.receive(client.shell, request);
        List<Message> out = client.outputs(request);
        List<Message> bars = out.stream().filter(m -> m.type().endsWith("display_data")).toList();
        assertEquals("display_data", bars.get(0).type());
        assertTrue(bars.size() >= 2, "redrawn while the loop runs: " + bars.size());
        Object id = ((Map<?, ?>) bars.get(0).content().get("transient")).get("display_id");
        for (Message m : bars.subList(1, bars.size())) {
            assertEquals("update_display_data", m.type());
            assertEquals(id, ((Map<?, ?>) m.content().get("transient")).get("display_id"));
        }
        String last = ((Map<?, ?>) bars.get(bars.size() - 1).content().get("data")).get("text/plain").toString();
        assertTrue(last.startsWith("train [" + "#".repeat(30) + "] 3/3"), last);
        assertEquals("", KernelClient.streamText(out, "stderr"), "no carriage-return drawing on stderr");
        assertEquals("done\n", KernelClient.streamText(out, "stdout"));
    }

    @Test
    void completionUsesTheReplsCompleterAndCountsCodePoints() {
        client.execute("import numpy as np\nlearning_rate = 0.1");
        Map<String, Object> c = client.request(client.shell, "complete_request", Map.of("code", "np.random.ra", "cursor_pos", 12)).content();
        assertTrue(((List<?>) c.get("matches")).contains("np.random.randn"), c.toString());
        assertEquals(0L, c.get("cursor_start"));
        assertEquals(12L, c.get("cursor_end"));
        // a character outside the BMP is one code point but two Java chars
        String code = "s = '\uD835\uDD35'\nlearn";
        int points = code.codePointCount(0, code.length());
        Map<String, Object> d = client.request(client.shell, "complete_request", Map.of("code", code, "cursor_pos", points)).content();
        assertEquals(List.of("learning_rate"), d.get("matches"));
        assertEquals((long) points - 5, d.get("cursor_start"));
    }

    @Test
    void inspectShowsTheHelpOfTheNameAtTheCursor() {
        Map<String, Object> c = client.request(client.shell, "inspect_request",
                Map.of("code", "y = T.dot(", "cursor_pos", 10, "detail_level", 0)).content();
        assertEquals(true, c.get("found"));
        assertTrue(((Map<?, ?>) c.get("data")).get("text/plain").toString().startsWith("T.dot(l, r)"), c.toString());
        Map<String, Object> none = client.request(client.shell, "inspect_request",
                Map.of("code", "nothing_like_this", "cursor_pos", 5, "detail_level", 0)).content();
        assertEquals(false, none.get("found"));
    }

    @Test
    void isCompleteUsesTheReplsParser() {
        assertEquals(Map.of("status", "incomplete", "indent", "    "), isComplete("for i in range(3):"));
        assertEquals(Map.of("status", "incomplete", "indent", "    "), isComplete("def f():\n    return 1"),
                "a block waits for an empty line, as at the REPL");
        assertEquals(Map.of("status", "incomplete", "indent", ""), isComplete("x = (1,"));
        assertEquals(Map.of("status", "complete"), isComplete("x = 1"));
        assertEquals(Map.of("status", "invalid"), isComplete("x = = 1"));
    }

    @Test
    void aFailedCellAbortsTheCellsQueuedBehindIt() {
        Message failing = client.send(client.shell, "execute_request", KernelClient.executeContent(
                "import time\ntime.sleep(0.5)\nraise ValueError('stop')"));
        Message queued = client.send(client.shell, "execute_request", KernelClient.executeContent("ran = True"));
        assertEquals("ValueError", client.receive(client.shell, failing).content().get("ename"));
        assertEquals("aborted", client.receive(client.shell, queued).content().get("status"));
        assertEquals("NameError", client.execute("ran").get("ename"), "the aborted cell did not run");
    }

    @Test
    void messagesSignedWithAnotherKeyAreDropped() {
        Wire forger = new Wire(new Signer("not-the-key", "hmac-sha256"));
        client.send(client.shell, forger, "execute_request", KernelClient.executeContent("forged = 1"));
        assertTrue(client.silentFor(client.shell, 500), "no reply to a forged message");
        assertTrue(client.log().contains("bad signature"), client.log());
        assertEquals("error", client.execute("forged").get("status"), "the forged cell never ran");
    }

    @Test
    void theHeartbeatEchoes() {
        client.heartbeat.send("ping".getBytes());
        client.heartbeat.setReceiveTimeOut(10_000);
        assertEquals("ping", new String(client.heartbeat.recv(0)));
    }

    @Test
    void shutdownRepliesAndStopsTheKernel() throws Exception {
        Message request = client.send(client.control, "shutdown_request", Map.of("restart", false));
        Map<String, Object> reply = client.receive(client.control, request).content();
        assertEquals("ok", reply.get("status"));
        assertEquals(false, reply.get("restart"));
        assertTrue(client.kernel.awaitShutdown(Duration.ofSeconds(10)));
        assertFalse(KernelClient.ofType(client.outputs(request), "shutdown_reply").isEmpty(), "broadcast on IOPub too");
    }

    @Test
    void aKernelThatCannotStartItsSessionStillAnswersEveryRequest() {
        try (KernelClient broken = new KernelClient((o, e) -> {
            throw new IllegalStateException("no session here");
        })) {
            Map<String, Object> reply = broken.execute("1");
            assertEquals("error", reply.get("status"));
            assertEquals("InternalError", reply.get("ename"));
            assertTrue(reply.get("evalue").toString().contains("no session here"), reply.toString());
        }
    }

    private Map<String, Object> isComplete(String code) {
        return client.request(client.shell, "is_complete_request", Map.of("code", code)).content();
    }

    /** The text/plain echo of one expression. */
    private String resultText(String expr) {
        Message request = client.send(client.shell, "execute_request", KernelClient.executeContent(expr));
        Map<String, Object> reply = client.receive(client.shell, request).content();
        List<Message> results = KernelClient.ofType(client.outputs(request), "execute_result");
        assertEquals(1, results.size(), () -> "no result for " + expr + ": " + reply + client.log());
        return ((Map<?, ?>) results.get(0).content().get("data")).get("text/plain").toString();
    }

    private static BufferedImage png(Message displayData) throws Exception {
        String b64 = ((Map<?, ?>) displayData.content().get("data")).get("image/png").toString();
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(b64)));
        assertNotNull(img, "a decodable PNG");
        return img;
    }
}
