package org.bitcountlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import org.bitcountlab.core.training.TrainingSettings;
import org.bitcountlab.ui.app.MainWindow;
import org.bitcountlab.ui.app.ViewModels;
import org.bitcountlab.ui.state.Lab;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The window reads numbers as it writes them, under English, German and Chinese locales. */
class LocaleTest extends MainWindowFixture {

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Test
    void germanNumbersAreReadAsGermanWritesThem(FxRobot robot) {
        Window window = window(robot, Locale.GERMANY);
        assertThat(window.field("#trainSizeField").getText()).isEqualTo("10.000");
        assertThat(window.accepts("#learningRateField", "0.01")).isFalse();
        assertThat(window.accepts("#learningRateField", "0,01")).isTrue();
        assertThat(window.accepts("#batchField", "1.000")).isTrue();
        assertThat(window.settings().batchSize()).isEqualTo(1000);
        assertThat(window.settings().learningRate()).isEqualTo(0.01);
        assertThat(window.accepts("#epochsField", "1,5")).isFalse();
        assertThat(window.accepts("#epochsField", "1.5")).isFalse();
        assertThat(window.train().isDisabled()).isTrue();
        assertThat(window.train().getText()).isEqualTo("Train"); // no German bundle: English, not the JVM's other language
        window.close(robot);
    }

    @Test
    void englishNumbersAreReadAsEnglishWritesThem(FxRobot robot) {
        Window window = window(robot, Locale.US);
        assertThat(window.field("#trainSizeField").getText()).isEqualTo("10,000");
        assertThat(window.accepts("#learningRateField", "0,01")).isFalse();
        assertThat(window.accepts("#learningRateField", "0.01")).isTrue();
        assertThat(window.accepts("#batchField", "1,000")).isTrue();
        assertThat(window.accepts("#epochsField", "1,5")).as("never 15").isFalse();
        assertThat(window.accepts("#epochsField", "15")).isTrue();
        assertThat(window.settings().epochs()).isEqualTo(15);
        window.close(robot);
    }

    @Test
    void chineseWindowsSpeakChineseAndReadNumbersAsWritten(FxRobot robot) {
        Window window = window(robot, Locale.SIMPLIFIED_CHINESE);
        assertThat(window.train().getText()).isEqualTo("训练");
        assertThat(window.field("#trainSizeField").getText()).isEqualTo("10,000");
        assertThat(window.accepts("#learningRateField", "0.001")).isTrue();
        assertThat(window.accepts("#epochsField", "1,5")).isFalse();
        window.close(robot);
    }

    /** A second window, built under {@code locale}. */
    private Window window(FxRobot robot, Locale locale) {
        Locale.setDefault(locale);
        Window window = new Window(robot);
        robot.interact(() -> {
            window.stage = new Stage();
            window.viewModels = new ViewModels(new Lab());
            new MainWindow(window.stage, window.viewModels);
            window.stage.show();
        });
        return window;
    }

    private static final class Window {
        private final FxRobot robot;
        private Stage stage;
        private ViewModels viewModels;

        Window(FxRobot robot) {
            this.robot = robot;
        }

        Parent root() {
            return stage.getScene().getRoot();
        }

        TextField field(String id) {
            return robot.from(root()).lookup(id).queryAs(TextField.class);
        }

        Button train() {
            return robot.from(root()).lookup("#trainButton").queryButton();
        }

        boolean accepts(String id, String text) {
            TextField field = field(id);
            robot.interact(() -> field.setText(text));
            return !field.getStyleClass().contains("invalid");
        }

        TrainingSettings settings() {
            return viewModels.settings().settingsProperty().get();
        }

        void close(FxRobot robot) {
            robot.interact(stage::close);
        }
    }
}
