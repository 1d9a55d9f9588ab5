package org.parley.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;

class BuildInfoTest {

    @Test
    void loadsTheVersionMavenStampedIntoTheResource() {
        // Surefire runs after resource filtering, so the placeholder must have been replaced by the project version.
        assertThat(BuildInfo.load().version()).matches("\\d+\\.\\d+\\.\\d+.*").doesNotContain("${");
    }

    @Test
    void versionIsRequired() {
        assertThatNullPointerException().isThrownBy(() -> new BuildInfo(null));
    }
}
