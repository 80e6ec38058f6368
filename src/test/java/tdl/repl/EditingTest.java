package tdl.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jline.reader.EOFError;
import org.jline.reader.Parser.ParseContext;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;
import tdl.session.Session;
import tdl.session.SessionOptions;

/** Continuation decisions, completion candidates and highlighting, without a terminal. */
class EditingTest {
    private final Session session = new Session(SessionOptions.defaults().withSeed(1L));
    private final NameCompleter completer = new NameCompleter(() -> session);

    @Test
    void theParserDecidesWhatIsIncomplete() {
        assertTrue(EntryParser.needsMore("x = (1,"));
        assertTrue(EntryParser.needsMore("y = [1,\n 2"));
        assertTrue(EntryParser.needsMore("z = 1 + \\"));
        assertTrue(EntryParser.needsMore("def f():"));
        assertTrue(EntryParser.needsMore("def f():\n    return 1"), "a block waits for an empty line");
        assertTrue(EntryParser.needsMore("s = '''doc"));
        assertFalse(EntryParser.needsMore("def f():\n    return 1\n"));
        assertFalse(EntryParser.needsMore("x = 1"));
        assertFalse(EntryParser.needsMore("x = = 1"), "a real error runs at once so it is reported");
        assertFalse(EntryParser.needsMore("if x:\n"), "a header then an empty line is an IndentationError");
        assertFalse(EntryParser.needsMore(":graph (x"), "meta commands are single lines");
        org.junit.jupiter.api.Assertions.assertThrows(EOFError.class,
                () -> new EntryParser().parse("f(1,", 4, ParseContext.ACCEPT_LINE));
        // a recalled block with the cursor at its start runs on Enter instead of splitting at the cursor
        new EntryParser().parse("def f():\n    return 1", 0, ParseContext.ACCEPT_LINE);
        assertEquals("T.nn", new EntryParser().parse("y = T.nn", 8, ParseContext.COMPLETE).word());
    }

    @Test
    void completesKeywordsAndNamesInScope() {
        session.exec("learning_rate = 0.1", "<stdin>");
        assertTrue(completer.candidates("whi", 3).contains("while"));
        assertTrue(completer.candidates("learn", 5).contains("learning_rate"));
        assertTrue(completer.candidates("sha", 3).contains("shared"));
    }

    @Test
    void completesModuleMembers() {
        session.exec("import theano.tensor as T\nimport numpy as np", "<stdin>");
        List<String> t = completer.candidates("T.", 2);
        assertTrue(t.containsAll(List.of("T.dot", "T.matrix", "T.nnet", "T.sum")), t.toString());
        List<String> nnet = completer.candidates("y = T.nnet.", 11);
        assertTrue(nnet.containsAll(List.of("T.nnet.sigmoid", "T.nnet.softmax")), nnet.toString());
        assertTrue(nnet.stream().allMatch(c -> c.startsWith("T.nnet.")), nnet.toString());
        assertTrue(completer.candidates("np.random.ra", 12).contains("np.random.randn"));
    }

    @Test
    void completesAttributesAndMethodsOfTheValueBeforeTheDot() {
        session.exec("import numpy as np\nw = shared(np.zeros(3), name='w')\na = np.ones(2)", "<stdin>");
        List<String> w = completer.candidates("w.", 2);
        assertTrue(w.containsAll(List.of("w.get_value", "w.set_value", "w.name")), w.toString());
        assertTrue(completer.candidates("a.sh", 4).contains("a.shape"));
        assertEquals(List.of(), completer.candidates("nothing_here.", 13));
    }

    @Test
    void completesMetaCommands() {
        assertEquals(List.of(":vars"), completer.candidates(":v", 2));
    }

    @Test
    void highlightsKeywordsStringsNumbersAndComments() {
        String line = "for i in range(10): s = 'x#y'  # note";
        AttributedString h = SyntaxHighlighter.highlight(line);
        assertEquals(line, h.toString());
        assertEquals(SyntaxHighlighter.KEYWORD, h.styleAt(line.indexOf("for")));
        assertEquals(SyntaxHighlighter.KEYWORD, h.styleAt(line.indexOf(" in ") + 1));
        assertEquals(SyntaxHighlighter.NUMBER, h.styleAt(line.indexOf("10")));
        assertEquals(SyntaxHighlighter.STRING, h.styleAt(line.indexOf("x#y")));
        assertEquals(SyntaxHighlighter.COMMENT, h.styleAt(line.indexOf("# note") + 2));
        assertEquals(AttributedStyle.DEFAULT, h.styleAt(line.indexOf("range")));
        assertEquals(AttributedStyle.DEFAULT, h.styleAt(line.indexOf("i ")), "a name ending in a keyword's letters is no keyword");
    }
}
