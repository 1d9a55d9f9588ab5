package org.parley.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Properties;

/**
 * What the build stamped into the desktop apps: the suite's version (from {@code build-info.properties}, filtered by
 * Maven). Every module takes its version from the parent POM, so the one stamped into ui-common is the apps' version.
 */
public record BuildInfo(String version) {
    static final String RESOURCE = "build-info.properties";
    static final String UNKNOWN_VERSION = "development build";

    public BuildInfo {
        Objects.requireNonNull(version, "version");
    }

    /** Reads the stamped version; a build that was not filtered (an IDE run) reports a development build. */
    public static BuildInfo load() {
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return new BuildInfo(UNKNOWN_VERSION);
            }
            Properties p = new Properties();
            p.load(in);
            String version = p.getProperty("version", "").trim();
            return new BuildInfo(version.isEmpty() || version.startsWith("${") ? UNKNOWN_VERSION : version);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
