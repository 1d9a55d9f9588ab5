package org.parley.client.options;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.parley.client.settings.ClientSettings;
import org.parley.core.client.AudioDevices;
import org.parley.core.client.TelephonyService;

/**
 * The audio-device part of the Options dialog: microphone (capture), speaker (playback) and ringer choices from what
 * the signed-in client offers, starting from the devices it uses now. Saving keeps them in the settings (applied to the
 * client at the next sign-in) and gives them to the signed-in client at once. Before sign-in there is no client: the
 * saved choices are shown and kept. Call on the JavaFX application thread.
 */
public final class DevicesViewModel {
    private final TelephonyService telephony;
    private final StringProperty capture = new SimpleStringProperty(this, "capture");
    private final StringProperty playback = new SimpleStringProperty(this, "playback");
    private final StringProperty ringer = new SimpleStringProperty(this, "ringer");
    private final ObservableList<String> captureChoices = FXCollections.observableArrayList();
    private final ObservableList<String> playbackChoices = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available");
    private String savedCapture;
    private String savedPlayback;
    private String savedRinger;

    /** @param telephonyOrNull the signed-in client's telephony, or null before sign-in */
    public DevicesViewModel(TelephonyService telephonyOrNull) {
        this.telephony = telephonyOrNull;
        available.set(telephonyOrNull != null);
    }

    /** Fills the choices and the fields: the client's current devices, else what the settings say. */
    public void reload(ClientSettings settings) {
        AudioDevices now = null;
        AudioDevices.Available offered = null;
        if (telephony != null) {
            try {
                now = telephony.devices();
                offered = telephony.availableDevices();
            } catch (RuntimeException e) {
                now = null; // the engine cannot tell: keep the saved choices
            }
        }
        savedCapture = now != null ? now.capture() : settings.captureDevice();
        savedPlayback = now != null ? now.playback() : settings.playbackDevice();
        savedRinger = now != null ? now.ringer() : settings.ringerDevice();
        List<String> cap = new ArrayList<>(offered == null ? List.of() : offered.capture());
        List<String> play = new ArrayList<>(offered == null ? List.of() : offered.playback());
        addIfMissing(cap, savedCapture);
        addIfMissing(play, savedPlayback);
        addIfMissing(play, savedRinger);
        captureChoices.setAll(cap);
        playbackChoices.setAll(play);
        capture.set(savedCapture);
        playback.set(savedPlayback);
        ringer.set(savedRinger);
    }

    /** The settings with these devices in them when the user changed them (else as they are). */
    public ClientSettings into(ClientSettings settings) {
        return dirty() ? settings.withDevices(capture.get(), playback.get(), ringer.get()) : settings;
    }

    /**
     * Gives changed devices to the signed-in client (the next call uses them).
     *
     * @return why the client refused them (e.g. a WAV file it cannot read), or null
     */
    public String use() {
        if (!dirty() || telephony == null) {
            return null;
        }
        try {
            telephony.useDevices(new AudioDevices(capture.get(), playback.get(), ringer.get()));
            return null;
        } catch (RuntimeException e) {
            return "Cannot use these audio devices: " + e.getMessage();
        }
    }

    /** The chosen devices were saved: they are what "unchanged" means from now on. */
    public void saved() {
        savedCapture = capture.get();
        savedPlayback = playback.get();
        savedRinger = ringer.get();
    }

    public boolean dirty() {
        return !Objects.equals(capture.get(), savedCapture) || !Objects.equals(playback.get(), savedPlayback)
                || !Objects.equals(ringer.get(), savedRinger);
    }

    /** The fields, for the dialog to listen to. */
    public Observable[] fields() {
        return new Observable[] {capture, playback, ringer};
    }

    /** A device id in words: "silence" is "No microphone (silence)", "file:x.wav" is "File x.wav", and so on. */
    public static String describe(String device) {
        if (device == null || device.isBlank()) {
            return "Default";
        }
        if (device.equals("silence")) {
            return "No microphone (silence)";
        }
        if (device.equals("none")) {
            return "None";
        }
        if (device.startsWith("tone:")) {
            return "Test tone " + device.substring(5) + " Hz";
        }
        if (device.startsWith("file:")) {
            return "File " + java.nio.file.Path.of(device.substring(5)).getFileName();
        }
        return device;
    }

    private static void addIfMissing(List<String> list, String device) {
        if (device != null && !list.contains(device)) {
            list.add(device);
        }
    }

    public StringProperty captureProperty() {
        return capture;
    }

    public StringProperty playbackProperty() {
        return playback;
    }

    public StringProperty ringerProperty() {
        return ringer;
    }

    public ObservableList<String> captureChoices() {
        return captureChoices;
    }

    /** Playback and ringer choices (the same devices). */
    public ObservableList<String> playbackChoices() {
        return playbackChoices;
    }

    /** Whether a signed-in client offers devices (else only the saved choices are shown). */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }
}
