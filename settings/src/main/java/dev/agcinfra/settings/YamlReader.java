package dev.agcinfra.settings;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one YAML document into {@link YamlNode}s that keep line and column, with Jackson's streaming YAML parser.
 * Duplicate keys are reported (YAML forbids them; Jackson's tree model would silently keep the last one).
 */
final class YamlReader {

    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
            .build();

    /** Anchored values ({@code &name}), so that aliases ({@code *name}) and merge keys ({@code <<}) can use them. */
    private final Map<String, YamlNode> anchors = new HashMap<>();

    private YamlReader() {
    }

    /** The document's root, or empty for an empty document; malformed YAML becomes a positioned problem. */
    static Optional<YamlNode> read(Reader source, Problems problems) {
        try (JsonParser parser = FACTORY.createParser(source)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return Optional.empty();
            }
            YamlNode root = new YamlReader().readValue(parser, "", problems);
            JsonToken extra = parser.nextToken();
            if (extra != null) {
                JsonLocation at = parser.currentTokenLocation();
                problems.atPosition(at.getLineNr(), at.getColumnNr(), "a second YAML document starts here; the "
                        + "settings file holds exactly one: remove the '---' line between them and merge the two");
                return Optional.empty();
            }
            return Optional.of(root);
        } catch (JsonProcessingException e) {
            if (hasCause(e, CharacterCodingException.class)) {
                problems.add(problems.file() + ": cannot be read (it is not UTF-8 text); save it as UTF-8");
                return Optional.empty();
            }
            String original = e.getOriginalMessage();
            int[] mark = problemMark(original);
            JsonLocation at = e.getLocation();
            if (mark == null && at != null && at.getLineNr() > 0) {
                mark = new int[] {at.getLineNr(), at.getColumnNr()};
            }
            String why = parserMessage(original);
            if (mark != null) {
                problems.atPosition(mark[0], mark[1], "not valid YAML (" + why + "); fix the syntax here");
            } else {
                problems.add(problems.file() + ": not valid YAML (" + why + "); fix the syntax");
            }
            return Optional.empty();
        } catch (IOException e) {
            problems.add(problems.file() + ": cannot be read (" + oneLine(String.valueOf(e.getMessage()))
                    + "); check that it is a readable file");
            return Optional.empty();
        }
    }

    private YamlNode readValue(JsonParser parser, String path, Problems problems) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        if (parser instanceof YAMLParser yaml) {
            if (yaml.isCurrentAlias()) {
                YamlNode anchored = anchors.get(parser.getText());
                if (anchored == null) {
                    problems.atPosition(line, column, (path.isEmpty() ? "" : path + ": ") + "the alias *" + parser.getText()
                            + " names no anchor written before it; define &" + parser.getText() + " first");
                    return new YamlNode.Scalar("", YamlNode.Scalar.Type.NULL, line, column);
                }
                return anchored;
            }
            String anchor = yaml.getCurrentAnchor();
            if (anchor != null) {
                YamlNode value = readToken(parser, path, problems, line, column);
                anchors.put(anchor, value);
                return value;
            }
        }
        return readToken(parser, path, problems, line, column);
    }

    private YamlNode readToken(JsonParser parser, String path, Problems problems, int line, int column)
            throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT: {
                Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
                List<YamlNode> merged = new ArrayList<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    JsonLocation keyAt = parser.currentTokenLocation();
                    String key = parser.currentName();
                    parser.nextToken();
                    String childPath = path.isEmpty() ? key : path + "." + key;
                    YamlNode value = readValue(parser, childPath, problems);
                    if (MERGE_KEY.equals(key)) {
                        merged.add(value);
                        continue;
                    }
                    YamlNode.Entry entry = new YamlNode.Entry(key, keyAt.getLineNr(), keyAt.getColumnNr(), value);
                    YamlNode.Entry earlier = entries.putIfAbsent(key, entry);
                    if (earlier != null) {
                        problems.atKey(entry, childPath, "duplicate key (first written at line " + earlier.line()
                                + "); YAML keeps only one: merge the two entries into one");
                    }
                }
                merge(merged, entries, path, problems);
                return new YamlNode.Mapping(entries, line, column);
            }
            case START_ARRAY: {
                List<YamlNode> items = new ArrayList<>();
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(parser, path + "[" + index++ + "]", problems));
                }
                return new YamlNode.Sequence(items, line, column);
            }
            case VALUE_STRING:
                return new YamlNode.Scalar(parser.getText(), YamlNode.Scalar.Type.STRING, line, column);
            case VALUE_NUMBER_INT:
                return new YamlNode.Scalar(parser.getText(), YamlNode.Scalar.Type.INTEGER, line, column);
            case VALUE_NUMBER_FLOAT:
                return new YamlNode.Scalar(parser.getText(), YamlNode.Scalar.Type.FLOAT, line, column);
            case VALUE_TRUE:
                return new YamlNode.Scalar(parser.getText(), YamlNode.Scalar.Type.TRUE, line, column);
            case VALUE_FALSE:
                return new YamlNode.Scalar(parser.getText(), YamlNode.Scalar.Type.FALSE, line, column);
            case VALUE_NULL:
                return new YamlNode.Scalar("", YamlNode.Scalar.Type.NULL, line, column);
            default:
                // Binary or embedded values (e.g. !!binary): treat as text.
                return new YamlNode.Scalar(parser.getText(), YamlNode.Scalar.Type.STRING, line, column);
        }
    }

    private static final String MERGE_KEY = "<<";

    /** YAML merge keys: {@code <<: *defaults} (or a list of them) adds the keys the mapping does not set itself. */
    private static void merge(List<YamlNode> sources, Map<String, YamlNode.Entry> entries, String path,
                              Problems problems) {
        for (YamlNode source : sources) {
            List<YamlNode> mappings = source instanceof YamlNode.Sequence seq ? seq.items() : List.of(source);
            for (YamlNode m : mappings) {
                if (m instanceof YamlNode.Mapping mapping) {
                    mapping.entries().forEach(entries::putIfAbsent);
                } else {
                    problems.at(m, (path.isEmpty() ? "" : path + ".") + MERGE_KEY, "the merge key << needs a mapping "
                            + "(usually an alias such as *defaults), not " + m.kind());
                }
            }
        }
    }

    private static final Pattern MARK = Pattern.compile("in '[^']*', line (\\d+), column (\\d+):?");

    /**
     * SnakeYAML's messages span lines: an optional context ("while parsing a flow sequence", with its position),
     * the problem, and source snippets with carets. Keep the context (with its position) and the problem, on one line.
     */
    static String parserMessage(String message) {
        if (message == null || message.isBlank()) {
            return "no details";
        }
        List<String> texts = new ArrayList<>();
        List<String> marks = new ArrayList<>();
        for (String raw : message.split("\\R")) {
            if (raw.isBlank() || raw.startsWith("    ")) {
                continue; // a source snippet or its caret
            }
            String t = raw.strip();
            Matcher m = MARK.matcher(t);
            if (m.matches()) {
                if (marks.size() < texts.size()) {
                    marks.add("line " + m.group(1) + ", column " + m.group(2));
                }
                continue;
            }
            while (marks.size() < texts.size()) {
                marks.add(null);
            }
            texts.add(t);
        }
        if (texts.isEmpty()) {
            return oneLine(message);
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < texts.size(); i++) {
            if (i > 0) {
                b.append(": ");
            }
            b.append(texts.get(i));
            if (i < texts.size() - 1 && i < marks.size() && marks.get(i) != null) {
                b.append(" (").append(marks.get(i)).append(')');
            }
        }
        return oneLine(b.toString());
    }

    /** The position SnakeYAML names last in its message: where the problem is (the first may be the context). */
    private static int[] problemMark(String message) {
        if (message == null) {
            return null;
        }
        int[] last = null;
        Matcher m = MARK.matcher(message);
        while (m.find()) {
            last = new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
        }
        return last;
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    /** The first line of substance of a message, at most 200 characters. */
    static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "no details";
        }
        for (String l : message.split("\\R")) {
            String t = l.strip();
            if (!t.isEmpty()) {
                return t.length() > 200 ? t.substring(0, 197) + "..." : t;
            }
        }
        return message.strip();
    }
}
