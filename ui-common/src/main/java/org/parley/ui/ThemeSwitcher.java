package org.parley.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.net.URL;
import java.util.Objects;
import javafx.application.Application;

/**
 * Applies a {@link Theme} to every window of the app (AtlantaFX Primer, as the user-agent stylesheet) and provides the
 * app's own stylesheet, which each scene adds on top.
 */
public final class ThemeSwitcher {
    private static final String APP_STYLESHEET = "parley.css";

    private final String lightStylesheet = new PrimerLight().getUserAgentStylesheet();
    private final String darkStylesheet = new PrimerDark().getUserAgentStylesheet();

    /** Call on the JavaFX application thread. */
    public void apply(Theme theme) {
        Application.setUserAgentStylesheet(stylesheetOf(theme));
    }

    /** URL of the app's stylesheet (theme-aware rules for what the theme leaves unstyled); add it to every scene. */
    public String appStylesheet() {
        URL url = ThemeSwitcher.class.getResource(APP_STYLESHEET);
        if (url == null) {
            throw new IllegalStateException("missing resource " + APP_STYLESHEET + " beside " + ThemeSwitcher.class);
        }
        return url.toExternalForm();
    }

    /** The stylesheet {@link #apply} installs for {@code theme}. */
    public String stylesheetOf(Theme theme) {
        return Objects.requireNonNull(theme, "theme") == Theme.DARK ? darkStylesheet : lightStylesheet;
    }
}
