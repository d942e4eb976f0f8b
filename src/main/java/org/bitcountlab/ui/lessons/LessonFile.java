package org.bitcountlab.ui.lessons;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a lesson file: plain JSON (format described in docs/lessons.md) that a teacher may write,
 * and that may come from anyone. Like a model file, it is read as a stranger's: only a regular file
 * of a few hundred kilobytes at most, every key known, every text of bounded length, every step
 * checked before the lesson is offered, and a file that fails is refused with a sentence that
 * says where and why.
 */
public final class LessonFile {

    public static final String EXTENSION = ".lesson.json";
    public static final String FORMAT = "bitcount-lesson";
    public static final int VERSION = 1;
    /** Three built-in lessons take 20 KB; a teacher's may be ten times larger, and no more. */
    static final int MAX_BYTES = 256 * 1024;
    static final int MAX_CARDS = 60;
    static final int MAX_STEPS = 20;
    static final int MAX_TEXT = 1_500;
    private static final Set<String> LESSON_KEYS = Set.of("format", "version", "title", "minutes", "cards");
    private static final Set<String> CARD_KEYS = Set.of("title", "say", "ask", "show");
    private static final Set<String> STEP_KEYS = Set.of("do", "value");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int bits;

    /** @param bits the length of the strings the window's bit editor holds */
    public LessonFile(int bits) {
        this.bits = bits;
    }

    public Lesson read(Path file) throws LessonFileException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new LessonFileException("There is no lesson file at " + file);
        } catch (IOException e) {
            throw new LessonFileException("Could not read " + file + ": " + e.getMessage());
        }
        if (!attributes.isRegularFile()) {
            throw new LessonFileException(file.getFileName() + " is not a lesson file: it is not a regular file");
        }
        if (attributes.size() > MAX_BYTES) {
            throw new LessonFileException(String.format("%s is not a lesson file: it has %,d bytes, and a lesson has at"
                    + " most %,d", file.getFileName(), attributes.size(), MAX_BYTES));
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return read(in.readNBytes(MAX_BYTES + 1), file.getFileName().toString());
        } catch (IOException e) {
            throw new LessonFileException("Could not read " + file + ": " + e.getMessage());
        }
    }

    /** @param name the file's name, for the messages */
    public Lesson read(byte[] content, String name) throws LessonFileException {
        if (content.length > MAX_BYTES) {
            throw new LessonFileException(String.format("%s is not a lesson file: it has more than %,d bytes", name,
                    MAX_BYTES));
        }
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JsonProcessingException e) {
            throw new LessonFileException(name + " is not a lesson file: it is not valid JSON (line "
                    + e.getLocation().getLineNr() + ")");
        } catch (IOException e) {
            throw new LessonFileException(name + " could not be read: " + e.getMessage());
        }
        return new Reader(name).lesson(root);
    }

    /** Reads one file's tree, naming the file and the place of a problem in every message. */
    private final class Reader {
        private final String name;

        Reader(String name) {
            this.name = name;
        }

        Lesson lesson(JsonNode root) throws LessonFileException {
            if (root == null || !root.isObject()) {
                throw refuse("the file", "is not a JSON object");
            }
            keys(root, LESSON_KEYS, "the file");
            if (!FORMAT.equals(text(root, "format", "the file"))) {
                throw refuse("the file", "is not a lesson: its \"format\" is not \"" + FORMAT + "\"");
            }
            if (!root.path("version").isInt() || root.get("version").asInt() != VERSION) {
                throw refuse("the file", "has a \"version\" this app does not read (it reads " + VERSION + ")");
            }
            LessonText title = languages(root, "title", "the file");
            JsonNode minutes = root.get("minutes");
            if (minutes == null || !minutes.isInt() || minutes.asInt() < 1 || minutes.asInt() > 240) {
                throw refuse("the file", "needs \"minutes\", a whole number from 1 to 240");
            }
            JsonNode cards = root.get("cards");
            if (cards == null || !cards.isArray() || cards.isEmpty()) {
                throw refuse("the file", "needs \"cards\", a list of at least one card");
            }
            if (cards.size() > MAX_CARDS) {
                throw refuse("the file", "has " + cards.size() + " cards; a lesson has at most " + MAX_CARDS);
            }
            List<LessonCard> read = new ArrayList<>();
            for (int i = 0; i < cards.size(); i++) {
                read.add(card(cards.get(i), "card " + (i + 1)));
            }
            return new Lesson(title, minutes.asInt(), read);
        }

        private LessonCard card(JsonNode card, String where) throws LessonFileException {
            if (!card.isObject()) {
                throw refuse(where, "is not a JSON object");
            }
            keys(card, CARD_KEYS, where);
            LessonText title = languages(card, "title", where);
            LessonText say = languages(card, "say", where);
            LessonText ask = card.has("ask") ? languages(card, "ask", where) : null;
            List<LessonStep> steps = new ArrayList<>();
            JsonNode show = card.get("show");
            if (show != null) {
                if (!show.isArray() || show.size() > MAX_STEPS) {
                    throw refuse(where, "has a \"show\" that is not a list of at most " + MAX_STEPS + " steps");
                }
                for (int i = 0; i < show.size(); i++) {
                    steps.add(step(show.get(i), where + ", step " + (i + 1)));
                }
            }
            return new LessonCard(title, say, ask, steps);
        }

        private LessonStep step(JsonNode step, String where) throws LessonFileException {
            if (!step.isObject()) {
                throw refuse(where, "is not a JSON object");
            }
            keys(step, STEP_KEYS, where);
            String id = text(step, "do", where);
            LessonStep.Action action = LessonStep.Action.fromId(id);
            if (action == null) {
                throw refuse(where, "asks for an unknown action \"" + id + "\"; the actions are "
                        + LessonStep.Action.ids());
            }
            String value = step.has("value") ? text(step, "value", where) : "";
            LessonStep read = new LessonStep(action, value);
            String problem = read.problem(bits);
            if (problem != null) {
                throw refuse(where, "(" + id + "): " + problem);
            }
            return read;
        }

        /** A text in several languages: {"en": "...", "zh": "..."}, English required. */
        private LessonText languages(JsonNode node, String key, String where) throws LessonFileException {
            JsonNode texts = node.get(key);
            if (texts == null) {
                throw refuse(where, "lacks \"" + key + "\"");
            }
            if (!texts.isObject() || !texts.has("en")) {
                throw refuse(where, "has a \"" + key + "\" that is not {\"en\": \"...\"} with other languages beside it");
            }
            Map<String, String> byLanguage = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = texts.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (!entry.getKey().matches("[a-z]{2}") || !entry.getValue().isTextual()) {
                    throw refuse(where, "has a \"" + key + "\" whose \"" + entry.getKey()
                            + "\" is not a two-letter language with a text");
                }
                String text = entry.getValue().asText();
                if (text.length() > MAX_TEXT) {
                    throw refuse(where, String.format("has a \"%s\" of %,d characters; a text has at most %,d", key,
                            text.length(), MAX_TEXT));
                }
                byLanguage.put(entry.getKey(), text);
            }
            return new LessonText(byLanguage);
        }

        private String text(JsonNode node, String key, String where) throws LessonFileException {
            JsonNode value = node.get(key);
            if (value == null) {
                throw refuse(where, "lacks \"" + key + "\"");
            }
            if (!value.isTextual() || value.asText().length() > MAX_TEXT) {
                throw refuse(where, "has a \"" + key + "\" that is not a short text");
            }
            return value.asText();
        }

        private void keys(JsonNode node, Set<String> known, String where) throws LessonFileException {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String key = names.next();
                if (!known.contains(key)) {
                    throw refuse(where, "has an unknown key \"" + key + "\"; the keys are " + String.join(", ",
                            known.stream().sorted().toList()));
                }
            }
        }

        private LessonFileException refuse(String where, String why) {
            return new LessonFileException(name + " is not a lesson this app can show: " + where + " " + why + ".");
        }
    }
}
