package org.parley.attendant;

import org.kordamp.ikonli.feather.Feather;
import org.parley.ui.AppLaunchContract;

/** Starts the Attendant console the way {@code AttendantMain} does and checks its first window (see the contract). */
class AttendantApplicationLaunchTest extends AppLaunchContract {
    AttendantApplicationLaunchTest() {
        super(AttendantApplication.class, "Parley Attendant", Feather.HEADPHONES);
    }
}
