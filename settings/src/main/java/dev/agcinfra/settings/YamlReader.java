package dev.agcinfra.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /**
     * The most a settings file may hold, in bytes and in characters: ample for every region with every key and all its
     * tags (such a file has some 100 KB), and far below what would make reading it slow.
     */
    static final int MAX_SIZE = 1024 * 1024;
    /** The most aliases ({@code *name}) of lists and mappings a file may use: SnakeYAML's guard against alias bombs. */
    static final int MAX_ALIASES = 50;
    /** The deepest a value may be nested: a settings file needs four levels. */
    static final int MAX_DEPTH = 64;

    /** SnakeYAML's words (2.x) when a limit of {@link LoaderOptions} is crossed; these have no position. */
    private static final String TOO_LONG = "The incoming YAML document exceeds the limit";
    private static final String TOO_MANY_ALIASES = "Number of aliases for non-scalar nodes exceeds";
    private static final String TOO_DEEP = "Nesting Depth exceeded";

    private YamlReader() {
    }

    /**
     * Reads the settings file {@code file}, which must exist: only a regular file, and one no larger than
     * {@value #MAX_SIZE} bytes, is opened at all (a named pipe or a device could block or never end); every problem
     * goes to {@code problems}.
     */
    static Optional<YamlNode> readFile(Path file, Problems problems) {
        if (!Files.isRegularFile(file)) {
            problems.add(problems.file() + ": is " + FileKind.of(file) + ", not a regular file; a settings file is a YAML "
                    + "file: point " + SettingsLoader.CONFIG_ENV + " at one, or save the settings to a file first");
            return Optional.empty();
        }
        try {
            long size = Files.size(file);
            if (size > MAX_SIZE) {
                problems.add(problems.file() + ": the file has " + size + " bytes (" + mebibytes(size) + "), more than the "
                        + MAX_SIZE + " bytes (1 MiB) a settings file may hold; check that this is the settings file "
                        + "(" + SettingsLoader.CONFIG_ENV + " may name another file)");
                return Optional.empty();
            }
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return read(reader, problems);
            }
        } catch (IOException e) {
            problems.add(problems.file() + ": cannot be read (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + oneLine(e.getMessage()))
                    + "); check that it exists, is readable and is UTF-8 text");
            return Optional.empty();
        }
    }

    private static String mebibytes(long size) {
        return String.format(Locale.ROOT, "%.1f MiB", size / (1024.0 * 1024.0));
    }

    /**
     * Reads settings given as text (a document about to be written): as {@link #readFile}, text longer than
     * {@value #MAX_SIZE} characters is refused before it is parsed (SnakeYAML's own limit does not count comments).
     */
    static Optional<YamlNode> read(String text, Problems problems) {
        if (text.length() > MAX_SIZE) {
            problems.add(problems.file() + ": longer than the " + MAX_SIZE + " characters (1 MiB) a settings file may "
                    + "hold; check that this is the settings file");
            return Optional.empty();
        }
        return read(new StringReader(text), problems);
    }

    /** The document's root, or empty for an empty document; malformed YAML becomes a positioned problem. */
    private static Optional<YamlNode> read(Reader source, Problems problems) {
        SettingsComposer composer = null;
        try {
            composer = new SettingsComposer(source);
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
            String message = String.valueOf(e.getMessage());
            if (message.startsWith(TOO_LONG)) {
                problems.add(problems.file() + ": longer than the " + MAX_SIZE + " characters (1 MiB) a settings file may "
                        + "hold; check that this is the settings file");
            } else if (message.startsWith(TOO_MANY_ALIASES)) {
                limitCrossed(composer, problems, "more than " + MAX_ALIASES + " aliases (*name) of lists and mappings by "
                        + "here, which is how a small file can expand into an enormous one; write some values out instead "
                        + "of naming them again");
            } else if (message.startsWith(TOO_DEEP)) {
                limitCrossed(composer, problems, "values nested more than " + MAX_DEPTH + " levels deep here; a settings "
                        + "file needs four (regions, a region, tags, a tag): remove the extra brackets or indentation");
            } else if (hasCause(e, CharacterCodingException.class)) {
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

    /** A limit of the reader crossed: at the position it was crossed when the parser still knows it. */
    private static void limitCrossed(SettingsComposer composer, Problems problems, String message) {
        Optional<Mark> at = composer == null ? Optional.empty() : composer.position();
        if (at.isPresent()) {
            problems.atPosition(line(at.get()), column(at.get()), message);
        } else {
            problems.add(problems.file() + ": " + message);
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
            options.setNestingDepthLimit(MAX_DEPTH);
            options.setMaxAliasesForCollections(MAX_ALIASES);
            options.setCodePointLimit(MAX_SIZE);
            return options;
        }

        /** Where the parser is, when it can still say so. */
        Optional<Mark> position() {
            try {
                Event next = parser.peekEvent();
                return next == null ? Optional.empty() : Optional.ofNullable(next.getStartMark());
            } catch (RuntimeException broken) {
                return Optional.empty();
            }
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
            boolean keysLeftOut = false;
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                Mark keyAt = keyNode.getStartMark();
                if (!(keyNode instanceof ScalarNode key)) {
                    problems.atPosition(line(keyAt), column(keyAt), (path.isEmpty() ? "" : path + ": ") + "a key is "
                            + kindOf(keyNode) + " (" + shown(keyNode) + "); keys are plain names: write each as its own "
                            + "key, e.g. name: value");
                    keysLeftOut = true;
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
            return new YamlNode.Mapping(entries, line(at), column(at), keysLeftOut);
        }

        /** A short form of a key that is not a plain name, as written: {@code [us-east-1, eu-west-1]}, {@code {a: b}}. */
        private static String shown(Node node) {
            String text = shown(node, 0);
            return text.length() > 60 ? text.substring(0, 57) + "..." : text;
        }

        private static String shown(Node node, int depth) {
            if (depth > 2) {
                return "...";
            }
            if (node instanceof SequenceNode sequence) {
                return "[" + String.join(", ", sequence.getValue().stream().limit(10).map(n -> shown(n, depth + 1))
                        .toList()) + "]";
            }
            if (node instanceof MappingNode mapping) {
                return "{" + String.join(", ", mapping.getValue().stream().limit(10)
                        .map(t -> shown(t.getKeyNode(), depth + 1) + ": " + shown(t.getValueNode(), depth + 1))
                        .toList()) + "}";
            }
            return ((ScalarNode) node).getValue();
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
