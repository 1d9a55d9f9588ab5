package org.parley.core.cli;

import org.parley.core.client.sip.SipUcClient;

/** {@code parley cli}'s entry point and composition root: the SIP client engine behind the JSON-lines shell. */
public final class CliMain {
    private CliMain() {
    }

    public static void main(String[] args) {
        int status = CliRunner.run(args, SipUcClient::create, System.in, System.out, System.err);
        System.exit(status);
    }
}
