package org.parley.client.settings;

import java.util.Objects;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Parent;
import javafx.scene.Scene;
import org.parley.ui.Theme;
import org.parley.ui.ThemeSwitcher;

/**
 * Theme and font size of every Communicator window, live: the Options dialog sets the properties, and each window's
 * scene is {@link #attach attached} once so it follows them. Call on the JavaFX application thread.
 */
public final class Appearance {
    private static final String CLIENT_CSS = "/org/parley/client/client.css";

    private final ThemeSwitcher themes;
    private final ObjectProperty<Theme> theme;
    private final IntegerProperty fontSize;

    public Appearance(ThemeSwitcher themes, Theme theme, int fontSize) {
        this.themes = Objects.requireNonNull(themes, "themes");
        this.theme = new SimpleObjectProperty<>(this, "theme", theme);
        this.fontSize = new SimpleIntegerProperty(this, "fontSize", fontSize);
        themes.apply(theme);
        this.theme.addListener((obs, old, now) -> themes.apply(now));
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public IntegerProperty fontSizeProperty() {
        return fontSize;
    }

    /** Adds the app stylesheets to {@code scene} and keeps its root at the chosen font size. */
    public void attach(Scene scene) {
        scene.getStylesheets().addAll(themes.appStylesheet(),
                Objects.requireNonNull(Appearance.class.getResource(CLIENT_CSS), CLIENT_CSS).toExternalForm());
        applyFont(scene.getRoot());
        scene.rootProperty().addListener((obs, old, now) -> applyFont(now));
        fontSize.addListener((obs, old, now) -> applyFont(scene.getRoot()));
    }

    private void applyFont(Parent root) {
        if (root != null) {
            root.setStyle("-fx-font-size: " + fontSize.get() + "px;");
        }
    }
}
