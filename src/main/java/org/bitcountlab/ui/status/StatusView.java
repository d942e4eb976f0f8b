package org.bitcountlab.ui.status;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;

import org.bitcountlab.ui.common.ViewScope;

/** The status bar at the bottom of the window. */
public final class StatusView {

    @FXML private Label statusLabel;
    @FXML private ProgressIndicator busyIndicator;

    private final StatusViewModel viewModel;
    private final ViewScope scope;

    public StatusView(StatusViewModel viewModel, ViewScope scope) {
        this.viewModel = viewModel;
        this.scope = scope;
    }

    @FXML
    private void initialize() {
        scope.follow(viewModel.messageProperty(), (obs, old, now) -> statusLabel.setText(now.text()));
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        busyIndicator.managedProperty().bind(viewModel.busyProperty());
    }
}
