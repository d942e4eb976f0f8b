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
        stage.setScene(createScene(viewModel));
        stage.setTitle(Messages.get("app.title"));
        stage.setMinWidth(1000);
        stage.setMinHeight(700);
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.setOnCloseRequest(event -> viewModel.shutdown());
        stage.show();
    }

    /** The main window's scene; also used by tests. */
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
