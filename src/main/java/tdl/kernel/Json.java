package tdl.kernel;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.ToNumberPolicy;
import com.google.gson.reflect.TypeToken;
import java.lang.reflect.Type;
import java.util.Map;

/**
 * The JSON of Jupyter messages and files, through Gson: objects read as maps with integers as Long
 * (an execution count stays 3, not 3.0); maps, lists, strings, numbers, booleans and null write
 * back as they are, nulls included and without HTML escapes.
 */
final class Json {
    private static final Gson GSON = new GsonBuilder()
            .setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE)
            .serializeNulls()
            .disableHtmlEscaping()
            .create();
    private static final Gson PRETTY = new GsonBuilder().serializeNulls().disableHtmlEscaping().setPrettyPrinting().create();
    private static final Type OBJECT = new TypeToken<Map<String, Object>>() {}.getType();

    private Json() {}

    /** A JSON object as a map; throws IllegalArgumentException when the text is no JSON object. */
    static Map<String, Object> parseObject(String text) {
        try {
            Map<String, Object> m = GSON.fromJson(text, OBJECT);
            if (m == null) throw new IllegalArgumentException("expected a JSON object, got nothing");
            return m;
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getMessage(), e);
        }
    }

    static String write(Object value) {
        return GSON.toJson(value);
    }

    /** Indented, for files people read (kernel.json). */
    static String writePretty(Object value) {
        return PRETTY.toJson(value);
    }
}
