package org.parley.ui;

/** The app's colour themes; {@link ThemeSwitcher} maps them to AtlantaFX stylesheets. */
public enum Theme {
    LIGHT,
    DARK;

    /** The other theme, for the light/dark toggle. */
    public Theme toggled() {
        return this == LIGHT ? DARK : LIGHT;
    }
}
