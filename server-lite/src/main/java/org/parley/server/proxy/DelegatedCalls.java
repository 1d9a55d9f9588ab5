package org.parley.server.proxy;

import javax.sip.message.Request;

/**
 * What the proxy asks call delegation (docs/protocol.md, "Call delegation"): whether an INVITE placed on behalf of
 * a manager may go out, and who to tell when a delegate answered a manager's call.
 */
public interface DelegatedCalls {
    /** No delegation: every on-behalf-of INVITE is refused, nobody is told anything. */
    DelegatedCalls NONE = new DelegatedCalls() {
        @Override
        public String authorize(String originator, Request template) {
            return template.getHeader(SERVED_USER) == null ? null : "call delegation is not available";
        }

        @Override
        public void answeredBy(String manager, String callerAor, String delegate) {
        }
    };

    /** RFC 5502: names the manager an INVITE is placed for (from a delegate) . */
    String SERVED_USER = "P-Served-User";
    /** RFC 3455: on an INVITE ringing a delegate, names the manager the call was for. */
    String CALLED_PARTY = "P-Called-Party-ID";
    /** RFC 3325: the identity the delegate asks for (the manager). */
    String PREFERRED_IDENTITY = "P-Preferred-Identity";
    /** RFC 3325: the identity this server asserts (only ever set by the server). */
    String ASSERTED_IDENTITY = "P-Asserted-Identity";

    /**
     * Checks an initial INVITE of {@code originator} (authenticated user name). Without {@link #SERVED_USER} it is
     * left alone; with it the originator must be a current delegate of that manager: then the template is rewritten
     * (asserted identity) and null returned, else the reason for 403.
     */
    String authorize(String originator, Request template);

    /** A delegate (user name) answered a call from {@code callerAor} for {@code manager} (user name). */
    void answeredBy(String manager, String callerAor, String delegate);
}
