package org.bitcountlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.bitcountlab.ui.common.Shortcut;
import org.bitcountlab.ui.state.CurrentRun;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Everything reachable with Tab, in reading order; plain keys never steal a focused control. */
class KeyboardTest extends MainWindowFixture {

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Test
    void tabReachesTheHeaderAndTheControlsInReadingOrder(FxRobot robot) {
        robot.interact(() -> robot.lookup("#languageChoice").query().requestFocus());
        List<String> visited = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            visited.add(id(stage.getScene().getFocusOwner()));
            robot.type(KeyCode.TAB);
        }
        assertThat(visited).containsSubsequence("languageChoice", "openButton", "hideMenu", "presentationToggle",
                "trainButton", "stepButton", "resetButton", "evaluateAllButton", "presetChoice", "hiddenField",
                "batchField", "epochsField", "learningRateField", "decayField", "trainSizeField", "seedField",
                "shuffleCheck");
        assertThat(visited).doesNotContain("saveButton"); // nothing to save yet: disabled, so skipped
    }

    @Test
    void spaceOnAFocusedButtonPressesThatButtonAndNeverTrains(FxRobot robot) {
        robot.interact(() -> robot.lookup("#allOneButton").query().requestFocus());
        robot.type(KeyCode.SPACE);

        assertThat(lab.string().trueCountProperty().get()).isEqualTo(20);
        assertThat(lab.run().getState()).isEqualTo(CurrentRun.State.IDLE);
    }

    @Test
    void spaceOnAFocusedCheckboxTicksItAndNeverTrains(FxRobot robot) {
        boolean before = viewModels.settings().shuffleProperty().get();
        robot.interact(() -> robot.lookup("#shuffleCheck").query().requestFocus());
        robot.type(KeyCode.SPACE);

        assertThat(viewModels.settings().shuffleProperty().get()).isEqualTo(!before);
        assertThat(lab.run().getState()).isEqualTo(CurrentRun.State.IDLE);
    }

    @Test
    void digitsInATextFieldAreTypedNotFlippedIntoBits(FxRobot robot) {
        int bits = lab.string().valueProperty().get();
        TextField hidden = robot.lookup("#hiddenField").queryAs(TextField.class);
        robot.interact(() -> {
            hidden.setText("");
            hidden.requestFocus();
        });
        robot.type(KeyCode.DIGIT1, KeyCode.DIGIT6);

        assertThat(hidden.getText()).isEqualTo("16");
        assertThat(lab.string().valueProperty().get()).isEqualTo(bits);
    }

    @Test
    void enterInTheSweepFieldsStartsNothing(FxRobot robot) {
        robot.clickOn("Runs and sweeps");
        robot.clickOn("#sweepEpochsField");
        robot.type(KeyCode.ENTER);
        robot.clickOn("#sweepSizesField");
        robot.type(KeyCode.ENTER);

        assertThat(viewModels.runs().sweepingProperty().get()).isFalse();
        assertThat(lab.run().getState()).isEqualTo(CurrentRun.State.IDLE);
        assertThat(lab.history().runs()).isEmpty();
    }

    @Test
    void shortcutEnterTrainsAndPausesFromAnyFieldAndCtrlSpaceIsLeftToTheInputMethod(FxRobot robot) throws Exception {
        smallRun(robot, 100_000);
        robot.interact(() -> robot.lookup("#seedField").query().requestFocus());
        // the key an input method switches with: it must do nothing here
        robot.press(KeyCode.CONTROL).type(KeyCode.SPACE).release(KeyCode.CONTROL);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(lab.run().getState()).isEqualTo(CurrentRun.State.IDLE);

        robot.press(KeyCode.SHORTCUT).type(KeyCode.ENTER).release(KeyCode.SHORTCUT);
        waitFor(60, () -> lab.run().curve().size() >= 1);
        robot.press(KeyCode.SHORTCUT).type(KeyCode.ENTER).release(KeyCode.SHORTCUT);
        waitFor(5, () -> lab.run().getState() == CurrentRun.State.PAUSED);
        assertThat(robot.lookup("#seedField").queryAs(TextField.class).getText()).isEqualTo("1");
        assertThat(Shortcut.values()).extracting(Shortcut::keys)
                .noneMatch(keys -> keys instanceof javafx.scene.input.KeyCodeCombination code && code.getCode() == KeyCode.SPACE);
    }

    @Test
    void f1ListsTheKeysAsThisPlatformWritesThemAndAnyKeyClosesTheList(FxRobot robot) {
        robot.type(KeyCode.F1);
        List<String> shown = robot.lookup(".shortcuts-help .label").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        assertThat(shown).contains(Shortcut.TRAIN_OR_PAUSE.display(), "Train, pause or resume",
                Shortcut.STEP.display(), "F5", "Space", "1–9, 0");
        robot.type(KeyCode.A);
        assertThat(robot.lookup(".shortcuts-help").tryQuery()).isEmpty();

        // a ? typed into a field is a character, not a call for help
        robot.clickOn("#seedField").write("?");
        assertThat(robot.lookup(".shortcuts-help").tryQuery()).isEmpty();
        assertThat(robot.lookup("#trainButton").queryButton().getTooltip().getText())
                .contains(Shortcut.TRAIN_OR_PAUSE.display());
    }

    @Test
    void theBitsAndTheChartsSayWhatTheyShowToAScreenReader(FxRobot robot) {
        assertThat(robot.lookup("#bit0").query().getAccessibleText()).isEqualTo("Bit 1: 1");
        assertThat(robot.lookup("#bit1").query().getAccessibleText()).isEqualTo("Bit 2: 0");
        assertThat(robot.lookup("#errorChart").query().getAccessibleText()).startsWith("Learning curve");
        assertThat(robot.lookup("#stepView").query().getAccessibleText()).startsWith("Inside the LSTM");
        assertThat(robot.lookup("#softmaxChart").query().getAccessibleText()).startsWith("Softmax");
        Node hiddenField = robot.lookup("#hiddenField").query();
        Label hiddenLabel = robot.lookup(".label").match(n -> ((Label) n).getLabelFor() == hiddenField).queryAs(Label.class);
        assertThat(hiddenLabel.getText()).isEqualTo("Hidden size");
    }

    private static String id(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n.getId() != null) {
                return n.getId();
            }
        }
        return String.valueOf(node);
    }
}
