package org.parley.ui.welcome;

import atlantafx.base.theme.Styles;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.parley.ui.Theme;

/**
 * The welcome screen of either app: its name and icon, build version, sign-in state, and the light/dark toggle. Binds
 * only.
 */
public final class WelcomeView {
    private final BorderPane root = new BorderPane();

    public WelcomeView(WelcomeViewModel model) {
        Objects.requireNonNull(model, "model");
        root.setId("welcome");
        root.setTop(toolbar(model));
        root.setCenter(body(model));
        root.setBottom(statusBar(model));
    }

    public Parent root() {
        return root;
    }

    private static HBox toolbar(WelcomeViewModel model) {
        Button toggle = new Button();
        toggle.setId("themeToggle");
        toggle.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        FontIcon icon = new FontIcon();
        icon.iconCodeProperty().bind(Bindings.createObjectBinding(
                () -> model.getTheme() == Theme.DARK ? Feather.SUN : Feather.MOON, model.themeProperty()));
        toggle.setGraphic(icon);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(model.themeToggleTextBinding());
        toggle.setTooltip(tip);
        toggle.accessibleTextProperty().bind(model.themeToggleTextBinding());
        toggle.setOnAction(e -> model.toggleTheme());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(spacer, toggle);
        bar.setPadding(new Insets(8));
        return bar;
    }

    private static VBox body(WelcomeViewModel model) {
        FontIcon logo = new FontIcon(model.app().icon());
        logo.setId("appIcon");
        logo.getStyleClass().addAll(Styles.ACCENT, "app-logo");

        Label title = new Label();
        title.setId("appTitle");
        title.getStyleClass().add(Styles.TITLE_1);
        title.textProperty().bind(model.titleProperty());

        Label version = new Label();
        version.setId("appVersion");
        version.getStyleClass().add(Styles.TEXT_MUTED);
        version.textProperty().bind(model.versionTextProperty());

        Label hint = new Label();
        hint.setId("signInHint");
        hint.setWrapText(true);
        hint.textProperty().bind(model.signInHintProperty());

        VBox body = new VBox(12, logo, title, version, hint);
        body.setAlignment(Pos.CENTER);
        body.setPadding(new Insets(24));
        return body;
    }

    private static StatusBar statusBar(WelcomeViewModel model) {
        StatusBar status = new StatusBar();
        status.setId("statusBar");
        status.textProperty().bind(model.statusTextProperty());
        FontIcon offline = FontIcon.of(Feather.USER_X, 14);
        offline.setId("signedOutIcon");
        offline.visibleProperty().bind(model.signedInProperty().not());
        status.setGraphic(offline);
        return status;
    }
}
