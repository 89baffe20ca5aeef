package dev.agcinfra.settings;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads one YAML document into {@link YamlNode}s that keep line and column. SnakeYAML composes the document (its
 * nodes carry their marks; aliases are resolved and merge keys {@code <<} applied while composing); this class only
 * turns the nodes into {@link YamlNode}s and reports what SnakeYAML accepts but a settings file must not hold:
 * duplicate keys (YAML forbids them; a constructed map would silently keep one), keys that are not text, a merge key
 * whose value is not a mapping, a value that contains itself, and a second document.
 */
final class YamlReader {

    /** How SnakeYAML's composer words an alias without anchor ({@code ComposerException}'s problem), name appended. */
    private static final String UNDEFINED_ALIAS = "found undefined alias ";

    private YamlReader() {
    }

    /** The document's root, or empty for an empty document; malformed YAML becomes a positioned problem. */
    static Optional<YamlNode> read(Reader source, Problems problems) {
        try {
            SettingsComposer composer = new SettingsComposer(source);
            if (!composer.checkNode()) {
                return Optional.empty();
            }
            Node root = composer.getNode();
            Optional<Mark> second = composer.nextDocument();
            if (second.isPresent()) {
                problems.atPosition(line(second.get()), column(second.get()), "a second YAML document starts here; the "
                        + "settings file holds exactly one: remove the '---' line between them and merge the two");
                return Optional.empty();
            }
            return Optional.of(new Tree(problems).node(root, ""));
        } catch (MergeOfNoMapping e) {
            problems.atPosition(line(e.value.getStartMark()), column(e.value.getStartMark()), "<<: the merge key << needs "
                    + "a mapping (usually an alias such as *defaults), not " + Tree.kindOf(e.value));
            return Optional.empty();
        } catch (MarkedYAMLException e) {
            Mark at = e.getProblemMark();
            String undefined = UNDEFINED_ALIAS;
            if (at != null && e.getProblem() != null && e.getProblem().startsWith(undefined)) {
                String alias = e.getProblem().substring(undefined.length());
                problems.atPosition(line(at), column(at), "the alias *" + alias + " names no anchor written before it; "
                        + "define &" + alias + " first");
            } else if (at != null) {
                problems.atPosition(line(at), column(at), "not valid YAML (" + why(e) + "); fix the syntax here");
            } else {
                problems.add(problems.file() + ": not valid YAML (" + why(e) + "); fix the syntax");
            }
            return Optional.empty();
        } catch (ReaderException e) {
            problems.add(problems.file() + ": not valid YAML (" + e.getMessage() + ": U+" + String.format("%04X",
                    e.getCodePoint()) + " at character " + (e.getPosition() + 1) + " of the file); remove it");
            return Optional.empty();
        } catch (YAMLException e) {
            if (hasCause(e, CharacterCodingException.class)) {
                problems.add(problems.file() + ": cannot be read (it is not UTF-8 text); save it as UTF-8");
            } else if (e.getCause() instanceof IOException io) {
                problems.add(problems.file() + ": cannot be read (" + oneLine(String.valueOf(io.getMessage()))
                        + "); check that it is a readable file");
            } else {
                problems.add(problems.file() + ": not valid YAML (" + oneLine(e.getMessage()) + "); fix the syntax");
            }
            return Optional.empty();
        }
    }

    /**
     * SnakeYAML's own words, on one line: the context with its position, as SnakeYAML prints it (e.g. "while parsing a
     * flow sequence (line 3, column 14)"), then the problem.
     */
    private static String why(MarkedYAMLException e) {
        StringBuilder b = new StringBuilder();
        if (e.getContext() != null) {
            b.append(e.getContext());
            Mark context = e.getContextMark();
            if (context != null) {
                b.append(" (line ").append(line(context)).append(", column ").append(column(context)).append(')');
            }
        }
        if (e.getProblem() != null) {
            b.append(b.length() == 0 ? "" : ": ").append(e.getProblem());
        }
        return b.length() == 0 ? "no details" : oneLine(b.toString());
    }

    private static int line(Mark mark) {
        return mark.getLine() + 1;
    }

    private static int column(Mark mark) {
        return mark.getColumn() + 1;
    }

    /**
     * SnakeYAML's composer with merge keys applied while composing, which reports a merge key whose value is not a
     * mapping at that value (SnakeYAML's own message points past the mapping), and tells where a second document's
     * content starts.
     */
    private static final class SettingsComposer extends Composer {

        SettingsComposer(Reader source) {
            this(source, options());
        }

        private SettingsComposer(Reader source, LoaderOptions options) {
            super(new ParserImpl(new StreamReader(source), options), new Resolver(), options);
        }

        private static LoaderOptions options() {
            LoaderOptions options = new LoaderOptions();
            options.setMergeOnCompose(true);
            options.setNestingDepthLimit(64);
            return options;
        }

        @Override
        protected MappingNode asMappingNode(Node node) {
            if (node instanceof MappingNode mapping) {
                return mapping;
            }
            throw new MergeOfNoMapping(node);
        }

        /** Where the content of the next document starts, when the stream holds another one. */
        Optional<Mark> nextDocument() {
            if (parser.checkEvent(Event.ID.StreamEnd)) {
                return Optional.empty();
            }
            parser.getEvent(); // the second document's start
            return Optional.of(parser.peekEvent().getStartMark());
        }
    }

    /** A merge key's value (or one of its list's items) that is not a mapping. */
    private static final class MergeOfNoMapping extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Node value;

        MergeOfNoMapping(Node value) {
            super(null, null, false, false);
            this.value = value;
        }
    }

    /** Turns composed nodes into {@link YamlNode}s; a node that several aliases share is turned (and checked) once. */
    private static final class Tree {

        private final Problems problems;
        private final Map<Node, YamlNode> done = new IdentityHashMap<>();
        private final Set<Node> open = Collections.newSetFromMap(new IdentityHashMap<>());

        Tree(Problems problems) {
            this.problems = problems;
        }

        YamlNode node(Node node, String path) {
            YamlNode known = done.get(node);
            if (known != null) {
                return known;
            }
            Mark at = node.getStartMark();
            if (!open.add(node)) {
                problems.atPosition(line(at), column(at), (path.isEmpty() ? "" : path + ": ") + "the alias *"
                        + node.getAnchor() + " is inside the value &" + node.getAnchor() + " written here, which it "
                        + "names; a value cannot contain itself: write the nested value out");
                return new YamlNode.Scalar("", YamlNode.Scalar.Type.NULL, line(at), column(at));
            }
            YamlNode converted;
            if (node instanceof MappingNode mapping) {
                converted = mapping(mapping, path);
            } else if (node instanceof SequenceNode sequence) {
                List<YamlNode> items = new ArrayList<>();
                for (Node item : sequence.getValue()) {
                    items.add(node(item, path + "[" + items.size() + "]"));
                }
                converted = new YamlNode.Sequence(items, line(at), column(at));
            } else {
                ScalarNode scalar = (ScalarNode) node;
                YamlNode.Scalar.Type type = type(scalar);
                converted = new YamlNode.Scalar(type == YamlNode.Scalar.Type.NULL ? "" : scalar.getValue(), type,
                        line(at), column(at));
            }
            open.remove(node);
            done.put(node, converted);
            return converted;
        }

        private YamlNode mapping(MappingNode mapping, String path) {
            Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                Mark keyAt = keyNode.getStartMark();
                if (!(keyNode instanceof ScalarNode key)) {
                    problems.atPosition(line(keyAt), column(keyAt), (path.isEmpty() ? "" : path + ": ") + "a key is "
                            + kindOf(keyNode) + "; keys are plain names: write name: value");
                    continue;
                }
                String name = key.getValue();
                String childPath = path.isEmpty() ? name : path + "." + name;
                YamlNode.Entry entry = new YamlNode.Entry(name, line(keyAt), column(keyAt),
                        node(tuple.getValueNode(), childPath));
                YamlNode.Entry earlier = entries.putIfAbsent(name, entry);
                if (earlier != null) {
                    problems.atKey(entry, childPath, "duplicate key (first written at line " + earlier.line()
                            + "); YAML keeps only one: merge the two entries into one");
                }
            }
            Mark at = mapping.getStartMark();
            return new YamlNode.Mapping(entries, line(at), column(at));
        }

        /** What a user calls a node's kind; for problems about nodes not turned into {@link YamlNode}s. */
        static String kindOf(Node node) {
            if (node instanceof MappingNode) {
                return "a mapping";
            }
            if (node instanceof SequenceNode) {
                return "a list";
            }
            return new YamlNode.Scalar("", type((ScalarNode) node), 0, 0).kind();
        }

        /**
         * How the scalar was resolved (YAML 1.1, as SnakeYAML resolves plain scalars: {@code yes}/{@code on} are
         * booleans, {@code ~} is null). An explicit tag counts only where the text fits it ({@code !!int x} is
         * text); sexagesimal numbers ({@code 12:30}) and every other tag are text.
         */
        private static YamlNode.Scalar.Type type(ScalarNode scalar) {
            Tag tag = scalar.getTag();
            String text = scalar.getValue();
            if (Tag.NULL.equals(tag)) {
                return YamlNode.Scalar.Type.NULL;
            }
            if (Tag.BOOL.equals(tag) && Resolver.BOOL.matcher(text).matches()) {
                return switch (text.toLowerCase(Locale.ROOT)) {
                    case "true", "yes", "on" -> YamlNode.Scalar.Type.TRUE;
                    default -> YamlNode.Scalar.Type.FALSE;
                };
            }
            if (text.contains(":")) {
                return YamlNode.Scalar.Type.STRING;
            }
            if (Tag.INT.equals(tag) && Resolver.INT.matcher(text).matches()) {
                return YamlNode.Scalar.Type.INTEGER;
            }
            if (Tag.FLOAT.equals(tag) && (Resolver.FLOAT.matcher(text).matches() || Resolver.INT.matcher(text).matches())) {
                return YamlNode.Scalar.Type.FLOAT;
            }
            return YamlNode.Scalar.Type.STRING;
        }
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
