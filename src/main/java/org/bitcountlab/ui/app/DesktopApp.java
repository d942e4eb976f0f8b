package org.bitcountlab.ui.app;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

import org.bitcountlab.ui.common.FirstFrame;
import org.bitcountlab.ui.state.Lab;
import org.bitcountlab.ui.tasks.BackgroundPriority;

/** The JavaFX application: one main window. */
public class DesktopApp extends Application {

    private Lab lab;

    /** Opens the window and returns when it closes; the JVM then exits, whatever threads ND4J left. */
    public static void launchApp(String[] args) {
        UiReport.mark("main");
        BackgroundPriority.forTheCommonPool();
        Thread compilers = new Thread(BackgroundPriority::forTheCompilers, "compiler-priority");
        compilers.setDaemon(true);
        compilers.start(); // in the background: loading the native access takes longer than the rest
        Application.launch(DesktopApp.class, args);
        System.exit(0);
    }

    @Override
    public void start(Stage stage) {
        UiReport.mark("toolkit");
        UiReport.prepare();
        lab = new Lab();
        ViewModels viewModels = new ViewModels(lab);
        UiReport.mark("viewModels");
        new MainWindow(stage, viewModels);
        UiReport.mark("views");
        stage.show();
        UiReport.mark("shown");
        FirstFrame.then(() -> {
            lab.loadPretrained();
            lab.preloadNumerics();
        });
        if (UiReport.requested()) {
            new UiReport(viewModels, stage).start();
        }
    }

    @Override
    public void stop() {
        if (lab != null) {
            lab.shutdown();
        }
        Platform.exit();
    }
}
