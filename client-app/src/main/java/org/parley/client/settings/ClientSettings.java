package org.parley.client.settings;

import org.parley.ui.Theme;

/**
 * The Communicator's local preferences (Options dialog and what the sign-in screen remembers). Kept in
 * {@code settings.json} in the client's root directory by {@link SettingsStore}; a missing field takes its default.
 *
 * @param server          last server host
 * @param port            last port (0: the transport's default)
 * @param transport       UDP, TCP or TLS (default TLS)
 * @param address         last sign-in address, {@code user@domain}
 * @param rememberMe      keep the credential (as digest hashes, decision 0006) for the next start
 * @param signInAtStart   sign in at start-up with the remembered credential
 * @param theme           light or dark
 * @param fontSize        base font size in points (10–20, default 13)
 * @param inactiveMinutes idle minutes before Inactive (default 5)
 * @param awayMinutes     idle minutes before Away (default 15)
 * @param sounds          play alert sounds
 * @param grouping        contact list grouping: GROUPS, AVAILABILITY, ACCESS_LEVEL or TAGGED
 * @param sortByPresence  sort each group by presence first (else by name)
 * @param downloads       where accepted files are saved (null: ~/Downloads)
 * @param captureDevice   the microphone calls use (null: the engine's default); see core {@code AudioDevices}
 * @param playbackDevice  where call audio plays (null: the engine's default)
 * @param ringerDevice    where the ring plays (null: the playback device)
 */
public record ClientSettings(String server, int port, String transport, String address, boolean rememberMe,
                             boolean signInAtStart, Theme theme, int fontSize, int inactiveMinutes, int awayMinutes,
                             boolean sounds, String grouping, boolean sortByPresence, String downloads,
                             String captureDevice, String playbackDevice, String ringerDevice) {

    public static final int MIN_FONT = 10;
    public static final int MAX_FONT = 20;

    public static ClientSettings defaults() {
        return new ClientSettings("127.0.0.1", 0, "TLS", "", false, false, Theme.LIGHT, 13, 5, 15, true, "GROUPS",
                false, null, null, null, null);
    }

    public ClientSettings {
        theme = theme == null ? Theme.LIGHT : theme;
        transport = transport == null || transport.isBlank() ? "TLS" : transport;
        grouping = grouping == null || grouping.isBlank() ? "GROUPS" : grouping;
        fontSize = fontSize == 0 ? 13 : Math.max(MIN_FONT, Math.min(MAX_FONT, fontSize));
        inactiveMinutes = inactiveMinutes <= 0 ? 5 : inactiveMinutes;
        awayMinutes = awayMinutes <= 0 ? 15 : Math.max(awayMinutes, inactiveMinutes);
        server = server == null ? "" : server;
        address = address == null ? "" : address;
        captureDevice = captureDevice == null || captureDevice.isBlank() ? null : captureDevice;
        playbackDevice = playbackDevice == null || playbackDevice.isBlank() ? null : playbackDevice;
        ringerDevice = ringerDevice == null || ringerDevice.isBlank() ? null : ringerDevice;
    }

    public ClientSettings withAccount(String server, int port, String transport, String address, boolean rememberMe,
                                      boolean signInAtStart) {
        return new ClientSettings(server, port, transport, address, rememberMe, signInAtStart, theme, fontSize,
                inactiveMinutes, awayMinutes, sounds, grouping, sortByPresence, downloads,
                captureDevice, playbackDevice, ringerDevice);
    }

    public ClientSettings withAppearance(Theme theme, int fontSize) {
        return new ClientSettings(server, port, transport, address, rememberMe, signInAtStart, theme, fontSize,
                inactiveMinutes, awayMinutes, sounds, grouping, sortByPresence, downloads,
                captureDevice, playbackDevice, ringerDevice);
    }

    public ClientSettings withIdle(int inactiveMinutes, int awayMinutes) {
        return new ClientSettings(server, port, transport, address, rememberMe, signInAtStart, theme, fontSize,
                inactiveMinutes, awayMinutes, sounds, grouping, sortByPresence, downloads,
                captureDevice, playbackDevice, ringerDevice);
    }

    public ClientSettings withSounds(boolean sounds) {
        return new ClientSettings(server, port, transport, address, rememberMe, signInAtStart, theme, fontSize,
                inactiveMinutes, awayMinutes, sounds, grouping, sortByPresence, downloads,
                captureDevice, playbackDevice, ringerDevice);
    }

    public ClientSettings withContactView(String grouping, boolean sortByPresence) {
        return new ClientSettings(server, port, transport, address, rememberMe, signInAtStart, theme, fontSize,
                inactiveMinutes, awayMinutes, sounds, grouping, sortByPresence, downloads,
                captureDevice, playbackDevice, ringerDevice);
    }

    public ClientSettings withDownloads(String downloads) {
        return new ClientSettings(server, port, transport, address, rememberMe, signInAtStart, theme, fontSize,
                inactiveMinutes, awayMinutes, sounds, grouping, sortByPresence, downloads,
                captureDevice, playbackDevice, ringerDevice);
    }

    /** The audio devices chosen in Options (each null: the engine's default). */
    public ClientSettings withDevices(String capture, String playback, String ringer) {
        return new ClientSettings(server, port, transport, address, rememberMe, signInAtStart, theme, fontSize,
                inactiveMinutes, awayMinutes, sounds, grouping, sortByPresence, downloads, capture, playback, ringer);
    }

    /** Whether any audio device was chosen (else the engine keeps its defaults). */
    public boolean hasDevices() {
        return captureDevice != null || playbackDevice != null || ringerDevice != null;
    }

    /** The devices to use: the chosen ones, and {@code current}'s where none was chosen. */
    public org.parley.core.client.AudioDevices devicesOver(org.parley.core.client.AudioDevices current) {
        return new org.parley.core.client.AudioDevices(captureDevice != null ? captureDevice : current.capture(),
                playbackDevice != null ? playbackDevice : current.playback(),
                ringerDevice != null ? ringerDevice : current.ringer());
    }
}
