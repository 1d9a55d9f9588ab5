package org.parley.client;

import org.kordamp.ikonli.feather.Feather;
import org.parley.ui.AppLaunchContract;

/** Starts the Communicator the way {@code ClientMain} does and checks its first window (see the contract). */
class ClientApplicationLaunchTest extends AppLaunchContract {
    ClientApplicationLaunchTest() {
        super(ClientApplication.class, "Parley Communicator", Feather.MESSAGE_CIRCLE);
    }
}
