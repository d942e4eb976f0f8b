package org.bitcountlab.ui;

import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/** The real main window on a fresh view model, headless, for each test; training stopped after it. */
@ExtendWith(ApplicationExtension.class)
abstract class MainWindowFixture {

    protected MainViewModel viewModel;
    protected Stage stage;

    /** Call from each test class's {@code @Start} method (TestFX looks only there, not in superclasses). */
    void open(Stage newStage) throws Exception {
        viewModel = new MainViewModel();
        stage = newStage;
        DesktopApp.configure(stage, viewModel);
        stage.show();
    }

    @AfterEach
    void stopTraining() {
        viewModel.shutdown();
    }
}
