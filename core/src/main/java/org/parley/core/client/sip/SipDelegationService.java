package org.parley.core.client.sip;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.core.client.CallOptions;
import org.parley.core.client.DelegationService;
import org.parley.core.client.TelephonyService.Call;
import org.parley.core.contacts.DelegationCodec;
import org.parley.core.contacts.ServiceCodec;
import org.parley.core.sip.SipMessages;
import org.parley.core.sip.UserAgent;

/**
 * {@link DelegationService} over SIP (docs/protocol.md, "Call delegation"): the settings through SERVICE
 * {@code delegation.*}; calls on behalf of a manager as INVITEs with {@code P-Served-User} (and
 * {@code P-Preferred-Identity} when the manager is to appear as the caller), which the server authorizes; the
 * server's answered-by MESSAGE to the manager's endpoints fires the {@link AnsweredByListener}s, its
 * delegation-changed MESSAGE to a delegate's endpoints the {@link ManagersListener}s.
 */
final class SipDelegationService implements DelegationService {
    static final String ANSWERED_BY_TYPE = "application/vnd.parley.answered-by+json";
    static final String DELEGATION_CHANGED_TYPE = "application/vnd.parley.delegation-changed+json";

    private final Engine engine;
    private final ServiceClient service;
    private final SipTelephonyService telephony;
    private final Listeners<AnsweredByListener> listeners;
    private final Listeners<ManagersListener> managersListeners;
    private final UserAgent ua;
    private final String domain;

    SipDelegationService(Engine engine, ServiceClient service, SipTelephonyService telephony,
                         Listeners<AnsweredByListener> listeners, Listeners<ManagersListener> managersListeners,
                         UserAgent ua, String domain) {
        this.engine = engine;
        this.service = service;
        this.telephony = telephony;
        this.listeners = listeners;
        this.managersListeners = managersListeners;
        this.ua = ua;
        this.domain = domain;
    }

    @Override
    public CompletableFuture<Settings> settings() {
        return engine.call(() -> service.call(ServiceCodec.request(DelegationCodec.GET)).thenApply(DelegationCodec::fromJson));
    }

    @Override
    public CompletableFuture<Void> setSettings(Settings settings) {
        if (settings == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("delegation settings are required"));
        }
        return engine.call(() -> service.call(DelegationCodec.setRequest(settings)).thenApply(o -> null));
    }

    @Override
    public CompletableFuture<List<String>> managers() {
        return engine.call(() -> service.call(ServiceCodec.request(DelegationCodec.MANAGERS)).thenApply(DelegationCodec::managers));
    }

    @Override
    public Call callOnBehalfOf(String manager, String target, boolean asManager, CallOptions options) {
        String managerAor = Uris.normalize(manager, domain);
        return telephony.call(target, options, call -> {
            call.onBehalfOf = managerAor;
            call.headers.put("P-Served-User", "<" + managerAor + ">;sescase=orig");
            if (asManager) {
                call.headers.put("P-Preferred-Identity", "<" + managerAor + ">");
            }
        });
    }

    @Override
    public void addAnsweredByListener(AnsweredByListener listener) {
        listeners.add(listener);
    }

    @Override
    public void addManagersListener(ManagersListener listener) {
        managersListeners.add(listener);
    }

    /**
     * Takes the server's answered-by and delegation-changed MESSAGEs (200) and tells the listeners; false for any
     * other MESSAGE.
     */
    boolean claimMessage(UserAgent.Incoming in) {
        Request m = in.request();
        String type = SipMessages.mediaType(m);
        if (DELEGATION_CHANGED_TYPE.equalsIgnoreCase(type)) {
            ua.reply(in, Response.OK);
            try {
                var body = ServiceCodec.parseObject(SipMessages.text(m));
                String manager = body.path("manager").asText(null);
                boolean delegate = body.path("delegate").asBoolean(false);
                if (manager != null) {
                    managersListeners.fire(l -> l.onManagersChanged(manager, delegate));
                }
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(SipDelegationService.class)
                        .debug("bad delegation-changed notice: {}", e.toString());
            }
            return true;
        }
        if (!ANSWERED_BY_TYPE.equalsIgnoreCase(type)) {
            return false;
        }
        ua.reply(in, Response.OK);
        try {
            var body = ServiceCodec.parseObject(SipMessages.text(m));
            String caller = body.path("caller").asText(null);
            String delegate = body.path("delegate").asText(null);
            if (caller != null && delegate != null) {
                listeners.fire(l -> l.onAnsweredBy(caller, delegate));
            }
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(SipDelegationService.class).debug("bad answered-by notice: {}", e.toString());
        }
        return true;
    }

    /** The manager (AOR) an incoming INVITE is for: a delegate's ring (P-Called-Party-ID) or a call placed for one. */
    static String onBehalfOf(Request invite) {
        String v = CallSession.header(invite, "P-Called-Party-ID");
        if (v == null) {
            v = CallSession.header(invite, "P-Served-User");
        }
        return v == null ? null : uriOf(v);
    }

    /** The URI of a name-addr or addr-spec value. */
    static String uriOf(String value) {
        int lt = value.indexOf('<');
        int gt = value.indexOf('>', lt + 1);
        if (lt >= 0 && gt > lt) {
            return value.substring(lt + 1, gt).trim();
        }
        int semi = value.indexOf(';');
        return (semi < 0 ? value : value.substring(0, semi)).trim();
    }

    /** The display name of a name-addr value ({@code "X" <sip:..>}), or null. */
    static String displayName(String value) {
        int lt = value.indexOf('<');
        if (lt <= 0) {
            return null;
        }
        String n = value.substring(0, lt).trim();
        if (n.startsWith("\"") && n.endsWith("\"") && n.length() >= 2) {
            n = n.substring(1, n.length() - 1);
        }
        return n.isBlank() ? null : n;
    }
}
