package org.bitcountlab.ui;

import java.io.IOException;
import java.net.URL;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The JavaFX application: one main window. */
public class DesktopApp extends Application {

    private MainViewModel viewModel;

    /** Opens the window and returns when it closes; the JVM then exits, whatever threads ND4J left. */
    public static void launchApp(String[] args) {
        Application.launch(DesktopApp.class, args);
        System.exit(0);
    }

    @Override
    public void start(Stage stage) throws IOException {
        viewModel = new MainViewModel();
        configure(stage, viewModel);
        stage.show();
        Platform.runLater(viewModel.session()::preloadNumerics);
        if (UiReport.requested()) {
            new UiReport(viewModel).start();
        }
    }

    /** Puts the main window in a stage: scene, title, size, and a close that stops training. */
    public static void configure(Stage stage, MainViewModel viewModel) throws IOException {
        stage.setScene(createScene(viewModel));
        stage.setTitle(Messages.get("app.title"));
        stage.getIcons().add(new javafx.scene.image.Image(
                DesktopApp.class.getResource("icon.png").toExternalForm()));
        stage.setMinWidth(1000);
        stage.setMinHeight(700);
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.setOnCloseRequest(event -> viewModel.shutdown());
    }

    /** The main window's scene. */
    public static Scene createScene(MainViewModel viewModel) throws IOException {
        URL fxml = DesktopApp.class.getResource("MainView.fxml");
        FXMLLoader loader = new FXMLLoader(fxml, Messages.bundle());
        loader.setControllerFactory(type -> new MainController(viewModel));
        Parent root = loader.load();
        Scene scene = new Scene(root);
        scene.getStylesheets().add(DesktopApp.class.getResource("main.css").toExternalForm());
        return scene;
    }

    @Override
    public void stop() {
        if (viewModel != null) {
            viewModel.shutdown();
        }
        Platform.exit();
    }
}
