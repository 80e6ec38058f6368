package tdl.repl;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import tdl.session.NameCompletion;

/**
 * Colours keywords, strings, numbers and comments as the user types. A small scanner rather than
 * the parser: the line is usually incomplete, and colouring must never fail.
 */
final class SyntaxHighlighter implements Highlighter {
    static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.MAGENTA);
    static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT).italic();
    static final AttributedStyle META = AttributedStyle.BOLD.foreground(AttributedStyle.YELLOW);

    private static final Set<String> KEYWORDS = Set.copyOf(NameCompletion.KEYWORDS);
    // order matters: strings and comments first so a '#' or digit inside them is not a token of its own
    private static final Pattern TOKEN = Pattern.compile(
            "(?<str>[rRbBfF]{0,2}(?:'''[\\s\\S]*?(?:'''|$)|\"\"\"[\\s\\S]*?(?:\"\"\"|$)"
                    + "|'(?:[^'\\\\\\n]|\\\\.)*'?|\"(?:[^\"\\\\\\n]|\\\\.)*\"?))"
                    + "|(?<comment>#[^\\n]*)"
                    + "|(?<num>(?<![\\w.])(?:\\d[\\d_]*\\.?\\d*(?:[eE][+-]?\\d+)?|\\.\\d+(?:[eE][+-]?\\d+)?)[jJ]?)"
                    + "|(?<word>[A-Za-z_]\\w*)");

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        return highlight(buffer);
    }

    static AttributedString highlight(String buffer) {
        AttributedStringBuilder sb = new AttributedStringBuilder();
        if (buffer.stripLeading().startsWith(":")) {
            int sp = buffer.indexOf(' ');
            int end = sp < 0 ? buffer.length() : sp;
            sb.styled(META, buffer.substring(0, end));
            sb.append(buffer.substring(end));
            return sb.toAttributedString();
        }
        Matcher m = TOKEN.matcher(buffer);
        int last = 0;
        while (m.find()) {
            sb.append(buffer, last, m.start());
            AttributedStyle style = null;
            if (m.group("str") != null) style = STRING;
            else if (m.group("comment") != null) style = COMMENT;
            else if (m.group("num") != null) style = NUMBER;
            else if (KEYWORDS.contains(m.group("word"))) style = KEYWORD;
            if (style != null) sb.styled(style, m.group());
            else sb.append(m.group());
            last = m.end();
        }
        sb.append(buffer.substring(last));
        return sb.toAttributedString();
    }

    @Override
    public void setErrorPattern(Pattern errorPattern) {}

    @Override
    public void setErrorIndex(int errorIndex) {}
}
