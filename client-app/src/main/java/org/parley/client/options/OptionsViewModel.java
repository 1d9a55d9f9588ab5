package org.parley.client.options;

import java.nio.file.Path;
import java.util.Objects;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.parley.client.settings.Appearance;
import org.parley.client.settings.ClientSettings;
import org.parley.client.settings.SettingsStore;
import org.parley.core.error.ParleyException;
import org.parley.ui.Theme;

/**
 * State of the Options dialog: the fields the user edits, their validation, and Apply/OK/Cancel. Theme and font size
 * are previewed live through {@link Appearance} as they change; Cancel puts back what was saved. Saving keeps every
 * setting this dialog does not show (the sign-in screen's account fields, the contact-list view) as the store has them.
 * Call on the JavaFX application thread.
 */
public final class OptionsViewModel {
    public static final int MIN_MINUTES = 1;
    public static final int MAX_MINUTES = 240;

    private final SettingsStore store;
    private final Appearance appearance;
    private final boolean signedIn;
    private final DevicesViewModel devices;

    private final IntegerProperty inactiveMinutes = new SimpleIntegerProperty(this, "inactiveMinutes");
    private final IntegerProperty awayMinutes = new SimpleIntegerProperty(this, "awayMinutes");
    private final BooleanProperty sounds = new SimpleBooleanProperty(this, "sounds");
    private final BooleanProperty signInAtStart = new SimpleBooleanProperty(this, "signInAtStart");
    private final ReadOnlyBooleanWrapper signInAtStartPossible = new ReadOnlyBooleanWrapper(this, "signInAtStartPossible");
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme");
    private final IntegerProperty fontSize = new SimpleIntegerProperty(this, "fontSize");
    private final StringProperty downloads = new SimpleStringProperty(this, "downloads");
    private final ReadOnlyStringWrapper downloadsShown = new ReadOnlyStringWrapper(this, "downloadsShown");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");

    private ClientSettings saved;

    /**
     * @param signedIn whether an account is signed in now (the idle note then says the change waits for the next
     *                 sign-in)
     */
    public OptionsViewModel(SettingsStore store, Appearance appearance, boolean signedIn) {
        this(store, appearance, signedIn, new DevicesViewModel(null));
    }

    /** @param devices the audio-device choices (saved and applied with the rest) */
    public OptionsViewModel(SettingsStore store, Appearance appearance, boolean signedIn, DevicesViewModel devices) {
        this.devices = Objects.requireNonNull(devices, "devices");
        this.store = Objects.requireNonNull(store, "store");
        this.appearance = Objects.requireNonNull(appearance, "appearance");
        this.signedIn = signedIn;
        reload();
        Observable[] fields = {inactiveMinutes, awayMinutes, sounds, signInAtStart, theme, fontSize, downloads};
        for (Observable o : fields) {
            o.addListener(x -> recheck());
        }
        for (Observable o : devices.fields()) {
            o.addListener(x -> recheck());
        }
        theme.addListener((obs, old, now) -> {
            if (now != null) {
                appearance.themeProperty().set(now);
            }
        });
        fontSize.addListener((obs, old, now) -> {
            if (fontSizeValid(now.intValue())) {
                appearance.fontSizeProperty().set(now.intValue());
            }
        });
        downloads.addListener((obs, old, now) -> downloadsShown.set(shown(now)));
        downloadsShown.set(shown(downloads.get()));
        recheck();
    }

    /** Loads the fields from the store (what is saved now), e.g. each time the dialog opens. */
    public void reload() {
        saved = store.load();
        inactiveMinutes.set(saved.inactiveMinutes());
        awayMinutes.set(saved.awayMinutes());
        sounds.set(saved.sounds());
        signInAtStartPossible.set(saved.rememberMe());
        signInAtStart.set(saved.signInAtStart() && saved.rememberMe());
        theme.set(saved.theme());
        fontSize.set(saved.fontSize());
        downloads.set(saved.downloads());
        devices.reload(saved);
        recheck();
    }

    public IntegerProperty inactiveMinutesProperty() {
        return inactiveMinutes;
    }

    public IntegerProperty awayMinutesProperty() {
        return awayMinutes;
    }

    public BooleanProperty soundsProperty() {
        return sounds;
    }

    public BooleanProperty signInAtStartProperty() {
        return signInAtStart;
    }

    /** Signing in at start-up needs the credential remembered ("Remember me" on the sign-in screen). */
    public ReadOnlyBooleanProperty signInAtStartPossibleProperty() {
        return signInAtStartPossible.getReadOnlyProperty();
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public IntegerProperty fontSizeProperty() {
        return fontSize;
    }

    /** The downloads folder, or null for the default ({@code ~/Downloads}). */
    public StringProperty downloadsProperty() {
        return downloads;
    }

    /** The downloads folder as shown to the user (the default spelled out). */
    public ReadOnlyStringProperty downloadsShownProperty() {
        return downloadsShown.getReadOnlyProperty();
    }

    /** What is wrong with the fields, or null. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** Something differs from what is saved (Apply is then useful). */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** The audio-device choices. */
    public DevicesViewModel devices() {
        return devices;
    }

    /** The line under the idle fields: when a change takes effect. */
    public String idleNote() {
        return signedIn ? "Changes to the idle times take effect the next time you sign in."
                : "The idle times take effect when you sign in.";
    }

    /** Where the folder chooser starts. */
    public Path downloadsFolder() {
        return Path.of(downloadsShown.get());
    }

    public void useDefaultDownloads() {
        downloads.set(null);
    }

    /** Saves the fields when they are valid; returns whether it did. A storage failure is shown as the error. */
    public boolean apply() {
        recheck();
        if (!valid.get()) {
            return false;
        }
        ClientSettings now = store.load();
        ClientSettings next = now
                .withAccount(now.server(), now.port(), now.transport(), now.address(), now.rememberMe(),
                        signInAtStart.get() && now.rememberMe())
                .withIdle(inactiveMinutes.get(), awayMinutes.get())
                .withSounds(sounds.get())
                .withAppearance(theme.get(), fontSize.get())
                .withDownloads(downloads.get());
        next = devices.into(next);
        String refused = devices.use();
        if (refused != null) {
            error.set(refused);
            return false;
        }
        try {
            store.save(next);
        } catch (ParleyException e) {
            error.set(e.getMessage());
            return false;
        }
        devices.saved();
        saved = next;
        recheck();
        return true;
    }

    /** Drops the unsaved changes and puts the saved theme and font size back. */
    public void cancel() {
        appearance.themeProperty().set(saved.theme());
        appearance.fontSizeProperty().set(saved.fontSize());
        reload();
    }

    private void recheck() {
        String problem = problem();
        error.set(problem);
        valid.set(problem == null);
        dirty.set(inactiveMinutes.get() != saved.inactiveMinutes() || awayMinutes.get() != saved.awayMinutes()
                || sounds.get() != saved.sounds() || signInAtStart.get() != (saved.signInAtStart() && saved.rememberMe())
                || theme.get() != saved.theme() || fontSize.get() != saved.fontSize()
                || !Objects.equals(downloads.get(), saved.downloads()) || devices.dirty());
    }

    private String problem() {
        if (outOfRange(inactiveMinutes.get())) {
            return "Inactive after must be " + MIN_MINUTES + " to " + MAX_MINUTES + " minutes.";
        }
        if (outOfRange(awayMinutes.get())) {
            return "Away after must be " + MIN_MINUTES + " to " + MAX_MINUTES + " minutes.";
        }
        if (awayMinutes.get() < inactiveMinutes.get()) {
            return "Away after must be at least Inactive after (" + inactiveMinutes.get() + " minutes).";
        }
        if (!fontSizeValid(fontSize.get())) {
            return "Font size must be " + ClientSettings.MIN_FONT + " to " + ClientSettings.MAX_FONT + ".";
        }
        if (theme.get() == null) {
            return "Choose a theme.";
        }
        return null;
    }

    private static boolean outOfRange(int minutes) {
        return minutes < MIN_MINUTES || minutes > MAX_MINUTES;
    }

    private static boolean fontSizeValid(int size) {
        return size >= ClientSettings.MIN_FONT && size <= ClientSettings.MAX_FONT;
    }

    private static String shown(String folder) {
        return folder != null && !folder.isBlank() ? folder
                : Path.of(System.getProperty("user.home"), "Downloads").toString();
    }
}
