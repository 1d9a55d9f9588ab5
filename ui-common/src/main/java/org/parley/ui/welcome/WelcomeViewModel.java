package org.parley.ui.welcome;

import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.parley.ui.AppIdentity;
import org.parley.ui.Theme;

/**
 * State of the welcome screen shown before anyone signs in: which app it is ({@link AppIdentity}), which build, that
 * nobody is signed in, and the chosen colour theme. Plain JavaFX properties, no controls: tested without a toolkit.
 * Touch it on the JavaFX application thread only (the view binds to it).
 */
public final class WelcomeViewModel {
    static final String NOT_SIGNED_IN = "Not signed in";
    static final String SIGN_IN_LATER = "Signing in arrives with presence, Parley's next feature.";

    private final AppIdentity app;
    private final ReadOnlyStringWrapper title;
    private final ReadOnlyStringWrapper versionText;
    private final ReadOnlyBooleanWrapper signedIn = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(NOT_SIGNED_IN);
    private final ReadOnlyStringWrapper signInHint = new ReadOnlyStringWrapper(SIGN_IN_LATER);
    private final ObjectProperty<Theme> theme;
    private final StringBinding themeToggleText;

    public WelcomeViewModel(AppIdentity app, String version, Theme initialTheme) {
        this.app = Objects.requireNonNull(app, "app");
        this.title = new ReadOnlyStringWrapper(app.title());
        Objects.requireNonNull(version, "version");
        this.versionText = new ReadOnlyStringWrapper("Version " + version);
        this.theme = new SimpleObjectProperty<>(this, "theme", Objects.requireNonNull(initialTheme, "initialTheme"));
        this.themeToggleText = Bindings.createStringBinding(
                () -> getTheme() == Theme.DARK ? "Switch to light theme" : "Switch to dark theme", theme);
    }

    /** Flips between the light and the dark theme. */
    public void toggleTheme() {
        theme.set(getTheme().toggled());
    }

    /** The app this screen welcomes to; the view shows its icon. */
    public AppIdentity app() {
        return app;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty versionTextProperty() {
        return versionText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty signedInProperty() {
        return signedIn.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty signInHintProperty() {
        return signInHint.getReadOnlyProperty();
    }

    /** The current theme; the composition root applies it, the view shows the matching toggle icon. */
    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public Theme getTheme() {
        return theme.get();
    }

    /** Tooltip and accessible text of the theme toggle: what pressing it will do. */
    public StringBinding themeToggleTextBinding() {
        return themeToggleText;
    }
}
