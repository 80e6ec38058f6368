package tdl.repl;

import java.util.List;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import tdl.session.NameCompletion;
import tdl.session.Session;

/**
 * Tab completion: meta commands after ':', else the session's {@link NameCompletion} of the dotted
 * name before the cursor (keywords, names in scope, module members, attributes).
 */
final class NameCompleter implements Completer {
    private final Supplier<Session> session;

    NameCompleter(Supplier<Session> session) {
        this.session = session;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        for (String c : candidates(line.line(), line.cursor())) {
            int dot = c.lastIndexOf('.');
            String display = dot >= 0 ? c.substring(dot + 1) : c;
            candidates.add(new Candidate(c, display, null, null, null, null, true));
        }
    }

    /** Every completion of the word that ends at {@code cursor}, as the full replacement text. */
    List<String> candidates(String line, int cursor) {
        String before = line.substring(0, cursor);
        if (before.startsWith(":") && !before.contains(" ")) {
            return MetaCommands.NAMES.stream().filter(n -> n.startsWith(before)).toList();
        }
        return NameCompletion.candidates(session.get().interpreter(), line, cursor);
    }
}
