package org.parley.ui;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.kordamp.ikonli.feather.Feather;

class AppIdentityTest {

    @Test
    void titleAndIconAreRequired() {
        assertThatNullPointerException().isThrownBy(() -> new AppIdentity(null, Feather.ANCHOR));
        assertThatNullPointerException().isThrownBy(() -> new AppIdentity("Parley", null));
    }

    @Test
    void blankTitleIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new AppIdentity("  ", Feather.ANCHOR));
    }
}
