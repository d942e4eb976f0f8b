package org.bitcountlab.ui.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lesson file is read as a stranger's: a bad one is refused with a sentence that says where and why. */
class LessonFileTest {

    private static final String CARD = """
            {"title": {"en": "Train it"}, "say": {"en": "Press Train."}, "ask": {"en": "What happens?"},
             "show": [%s]}""";
    private static final String LESSON = """
            {"format": "bitcount-lesson", "version": 1, "title": {"en": "A lesson", "zh": "一课"}, "minutes": 10,
             "cards": [%s]}""";

    private final LessonFile reader = new LessonFile(20);

    @TempDir
    Path folder;

    @Test
    void aGoodLessonIsReadWithItsLanguagesAndSteps() throws Exception {
        Lesson lesson = read(String.format(LESSON, String.format(CARD,
                "{\"do\": \"preset\", \"value\": \"fast\"}, {\"do\": \"train\"}, {\"do\": \"wait\", \"value\": \"run\"}")));
        assertThat(lesson.title().in(Locale.SIMPLIFIED_CHINESE)).isEqualTo("一课");
        assertThat(lesson.cards().get(0).say().in(Locale.SIMPLIFIED_CHINESE)).as("English stands in").isEqualTo("Press Train.");
        assertThat(lesson.cards().get(0).show()).extracting(LessonStep::action)
                .containsExactly(LessonStep.Action.PRESET, LessonStep.Action.TRAIN, LessonStep.Action.WAIT);
    }

    @Test
    void anUnknownActionIsRefusedByNameAndPlace() {
        assertRefused(String.format(LESSON, String.format(CARD, "{\"do\": \"dance\"}")),
                "card 1, step 1 asks for an unknown action \"dance\"; the actions are preset, set, tab");
    }

    @Test
    void aBadStepIsRefusedWithWhatWouldBeRight() {
        assertRefused(String.format(LESSON, String.format(CARD, "{\"do\": \"tab\", \"value\": \"nowhere\"}")),
                "card 1, step 1 (tab): unknown tab 'nowhere'; choose curve, runs, failures, inside, counter");
        assertRefused(String.format(LESSON, String.format(CARD, "{\"do\": \"bits\", \"value\": \"10102\"}")),
                "bits must be 1 to 30 digits 0 or 1");
        assertRefused(String.format(LESSON, String.format(CARD, "{\"do\": \"bits\", \"value\": \"" + "1".repeat(31) + "\"}")),
                "bits must be 1 to 30 digits 0 or 1");
        assertRefused(String.format(LESSON, String.format(CARD, "{\"do\": \"set\", \"value\": \"everyLength=yes\"}")),
                "everyLength is true or false, got 'yes'");
        assertRefused(String.format(LESSON, String.format(CARD, "{\"do\": \"set\", \"value\": \"hidden=many\"}")),
                "hidden needs a number");
        assertRefused(String.format(LESSON, String.format(CARD, "{\"do\": \"train\", \"value\": \"now\"}")),
                "train takes no value");
        assertRefused(String.format(LESSON, String.format(CARD, "{\"do\": \"silence\", \"value\": \"0\"}")),
                "silence takes unit numbers from 1");
    }

    @Test
    void aMissingKeyIsNamed() {
        assertRefused(String.format(LESSON, "{\"title\": {\"en\": \"A card\"}, \"show\": []}"), "card 1 lacks \"say\"");
        assertRefused("{\"format\": \"bitcount-lesson\", \"version\": 1, \"title\": {\"en\": \"x\"}, \"minutes\": 5}",
                "the file needs \"cards\"");
        assertRefused(String.format(LESSON, "{\"title\": {\"zh\": \"只有中文\"}, \"say\": {\"en\": \"x\"}}"),
                "\"title\" that is not {\"en\"");
        assertRefused(String.format(LESSON, String.format(CARD, "{\"do\": \"train\"}").replace("\"ask\"", "\"question\"")),
                "has an unknown key \"question\"");
    }

    @Test
    void tenMegabytesOfTextAreRefusedBeforeTheyAreRead() throws Exception {
        String huge = String.format(LESSON, "{\"title\": {\"en\": \"x\"}, \"say\": {\"en\": \"" + "a".repeat(10 << 20) + "\"}}");
        Path file = folder.resolve("huge" + LessonFile.EXTENSION);
        Files.writeString(file, huge);
        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(LessonFileException.class)
                .hasMessageContaining("it has 10,485,").hasMessageContaining("a lesson has at most 262,144");
        // and a long text within the size limit
        assertRefused(String.format(LESSON, "{\"title\": {\"en\": \"x\"}, \"say\": {\"en\": \"" + "a".repeat(5_000) + "\"}}"),
                "has a \"say\" of 5,000 characters; a text has at most 1,500");
    }

    @Test
    void notJsonAFolderAndAModelAreRefused() throws Exception {
        assertRefused("this is not json", "it is not valid JSON (line 1)");
        assertRefused("{\"format\": \"bitcount-lstm-lab-model\", \"version\": 1}", "is not a lesson");
        assertThatThrownBy(() -> reader.read(folder)).hasMessageContaining("it is not a regular file");
        assertThatThrownBy(() -> reader.read(folder.resolve("missing.lesson.json")))
                .hasMessageContaining("There is no lesson file at");
    }

    @Test
    void theBuiltInLessonsAreThreeInEnglishAndChinese() {
        LessonsViewModel lessons = new LessonsViewModel(null, null, null);
        assertThat(lessons.builtIn()).hasSize(3).allSatisfy(lesson -> {
            assertThat(lesson.minutes()).isBetween(10, 15);
            assertThat(lesson.cards()).allSatisfy(card -> {
                assertThat(card.say().byLanguage()).containsKeys("en", "zh");
                assertThat(card.title().byLanguage()).containsKeys("en", "zh");
                if (card.ask() != null) {
                    assertThat(card.ask().byLanguage()).containsKeys("en", "zh");
                }
            });
        });
    }

    private Lesson read(String json) throws LessonFileException {
        return reader.read(json.getBytes(StandardCharsets.UTF_8), "test.lesson.json");
    }

    private void assertRefused(String json, String why) {
        assertThatThrownBy(() -> read(json)).isInstanceOf(LessonFileException.class)
                .hasMessageStartingWith("test.lesson.json is not a lesson")
                .hasMessageContaining(why);
    }
}
