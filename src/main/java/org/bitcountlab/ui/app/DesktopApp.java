package org.bitcountlab.ui.app;

import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

import org.bitcountlab.ui.common.FailureLog;
import org.bitcountlab.ui.common.FirstFrame;
import org.bitcountlab.ui.common.Message;
import org.bitcountlab.ui.state.Lab;
import org.bitcountlab.ui.tasks.BackgroundPriority;

/** The JavaFX application: one main window. */
public class DesktopApp extends Application {

    private static final String XML_INPUT_FACTORY = "javax.xml.stream.XMLInputFactory";

    private Lab lab;

    /**
     * JavaFX's logger, quiet while JavaFX starts. JavaFX warns at every start that it runs from
     * the class path ("Unsupported JavaFX configuration"), which is how the jar and the installers
     * run it; that one record, the first the JVM's logging formats (its time zone, its formatter),
     * took 60-70 ms before the toolkit started. Held here, as the logging keeps its loggers weakly;
     * in a class of its own, so that the logging starts when {@code launchApp} first asks for it.
     */
    private static final class JavaFxLogger {
        static final Logger LOGGER = Logger.getLogger("javafx");
    }

    /**
     * Opens the window and returns when it closes; the JVM then exits, whatever threads ND4J left.
     * {@code model}, a file the system asked the app to open, is opened once the window is up.
     */
    public static void launchApp(Optional<Path> model) {
        UiReport.mark("main");
        model.ifPresent(SystemOpenRequests::request);
        SystemOpenRequests.listenToTheSystem();
        BackgroundPriority.forTheCommonPool();
        JavaFxLogger.LOGGER.setLevel(Level.SEVERE); // until start(): see JavaFxLogger
        // FXML's parser, named: FXMLLoader asks for one at every load, and unnamed, the JDK first
        // looks for another in each of the 65 jars on the class path, which costs the first load
        // about a tenth of a second
        if (System.getProperty(XML_INPUT_FACTORY) == null) {
            System.setProperty(XML_INPUT_FACTORY, "com.sun.xml.internal.stream.XMLInputFactoryImpl");
        }
        Application.launch(DesktopApp.class);
        System.exit(0);
    }

    @Override
    public void start(Stage stage) {
        JavaFxLogger.LOGGER.setLevel(null); // JavaFX's warnings from here on are the app's business
        UiReport.mark("toolkit");
        lab = new Lab();
        UiReport.prepare(lab.tasks());
        // the executor's first thread also lowers the JIT compilers' priority (BackgroundPriority)
        lab.tasks().submit(new Message("task.failureLog"), job -> {
            FailureLog.writeTo(FailureLog.folder());
            return null;
        }, done -> { }, error -> lab.status().showFailure(new Message("task.failureLog"), error));
        Thread.setDefaultUncaughtExceptionHandler(this::uncaught);
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
        SystemOpenRequests.openOnceShown(lab.models(), viewModels.header()::open);
        if (UiReport.requested()) {
            new UiReport(viewModels, stage).start();
        }
        if (LayoutReport.requested()) {
            new LayoutReport(viewModels, stage).start();
        }
    }

    /** An exception nobody caught: into the failure log, and the window says so. */
    private void uncaught(Thread thread, Throwable error) {
        FailureLog.recordUncaught(thread, error);
        Runnable tell = () -> lab.status().showFailure(new Message("task.uncaught"), error);
        if (Platform.isFxApplicationThread()) {
            tell.run();
        } else {
            Platform.runLater(tell);
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
