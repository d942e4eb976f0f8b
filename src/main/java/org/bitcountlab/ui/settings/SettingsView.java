package org.bitcountlab.ui.settings;

import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.bitcountlab.core.model.CellType;
import org.bitcountlab.core.training.Preset;
import org.bitcountlab.ui.common.FirstFrame;
import org.bitcountlab.ui.common.Messages;
import org.bitcountlab.ui.common.ViewScope;
import org.bitcountlab.ui.state.Presentation;

/** The settings panel: binds each field to the {@link SettingsViewModel} and shows why one is not acceptable. */
public final class SettingsView {

    @FXML private VBox settingsPane;
    @FXML private GridPane settingsGrid;
    @FXML private ComboBox<Preset> presetChoice;
    @FXML private TextField hiddenField;
    @FXML private TextField batchField;
    @FXML private TextField epochsField;
    @FXML private TextField learningRateField;
    @FXML private TextField decayField;
    @FXML private TextField trainSizeField;
    @FXML private TextField seedField;
    @FXML private Label settingsMessage;
    @FXML private CheckBox shuffleCheck;
    @FXML private CheckBox everyLengthCheck;
    @FXML private ComboBox<CellType> cellChoice;

    private final SettingsViewModel viewModel;
    private final Presentation presentation;
    private final ViewScope scope;

    public SettingsView(SettingsViewModel viewModel, Presentation presentation, ViewScope scope) {
        this.viewModel = viewModel;
        this.presentation = presentation;
        this.scope = scope;
    }

    @FXML
    private void initialize() {
        StringConverter<Preset> names = new StringConverter<>() {
            @Override
            public String toString(Preset preset) {
                return preset == null ? Messages.get("settings.preset.custom") : Messages.get("settings.preset." + preset.id());
            }

            @Override
            public Preset fromString(String text) {
                return null;
            }
        };
        presetChoice.getItems().setAll(Preset.values());
        presetChoice.setConverter(names);
        presetChoice.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(Preset item, boolean empty) {
                super.updateItem(item, empty);
                setText(names.toString(empty ? null : item));
            }
        });
        presetChoice.valueProperty().bindBidirectional(viewModel.presetProperty());
        // restyled a frame after a run starts, not in the frame that starts it, which has the most to
        // style already: restyling the whole grid in that frame lengthens the run's longest frame gap
        scope.follow(viewModel.lockedProperty(),
                (obs, old, locked) -> FirstFrame.then(() -> settingsGrid.setDisable(viewModel.lockedProperty().get())));
        bind(hiddenField, viewModel.hidden());
        bind(batchField, viewModel.batch());
        bind(epochsField, viewModel.epochs());
        bind(learningRateField, viewModel.learningRate());
        bind(decayField, viewModel.decay());
        bind(trainSizeField, viewModel.trainSize());
        bind(seedField, viewModel.seed());
        scope.follow(viewModel.messageProperty(), (obs, old, now) -> {
            settingsMessage.setText(now == null ? "" : now.text());
            settingsMessage.getStyleClass().remove("field-error");
            if (now != null && now.key().startsWith("validation.")) {
                settingsMessage.getStyleClass().add("field-error");
            }
        });
        shuffleCheck.selectedProperty().bindBidirectional(viewModel.shuffleProperty());
        everyLengthCheck.selectedProperty().bindBidirectional(viewModel.everyLengthProperty());
        everyLengthCheck.setTooltip(new Tooltip(Messages.get("settings.everyLength.tooltip")));
        cellChoice.getItems().setAll(CellType.values());
        cellChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(CellType type) {
                return type == null ? "" : Messages.get("settings.cell." + type.id());
            }

            @Override
            public CellType fromString(String text) {
                return null;
            }
        });
        cellChoice.valueProperty().bindBidirectional(viewModel.cellProperty());
        settingsPane.visibleProperty().bind(presentation.hides(Presentation.Part.SETTINGS).not());
        settingsPane.managedProperty().bind(settingsPane.visibleProperty());
    }

    private void bind(TextField field, NumberField model) {
        field.textProperty().bindBidirectional(model.textProperty());
        scope.follow(model.errorProperty(), (obs, old, now) -> {
            field.getStyleClass().remove("invalid");
            if (now != null) {
                field.getStyleClass().add("invalid");
            }
        });
    }
}
