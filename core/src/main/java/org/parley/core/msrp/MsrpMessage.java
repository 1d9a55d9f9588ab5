package org.parley.core.msrp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One MSRP request or response (RFC 4975 §7): start line, headers (To-Path and From-Path first), an optional body
 * and the end line {@code -------<transaction-id><flag>}, where the flag is {@code $} (message complete), {@code +}
 * (more chunks follow) or {@code #} (message aborted).
 */
public final class MsrpMessage {
    public static final char COMPLETE = '$';
    public static final char CONTINUED = '+';
    public static final char ABORTED = '#';

    private final String transactionId;
    private final String method;
    private final int status;
    private final String reason;
    private final Map<String, String> headers;
    private final byte[] body;
    private final char flag;

    private MsrpMessage(String transactionId, String method, int status, String reason, Map<String, String> headers,
                        byte[] body, char flag) {
        if (!validTransactionId(transactionId)) {
            throw new IllegalArgumentException("bad MSRP transaction id '" + transactionId + "'");
        }
        if (flag != COMPLETE && flag != CONTINUED && flag != ABORTED) {
            throw new IllegalArgumentException("bad MSRP continuation flag '" + flag + "'");
        }
        this.transactionId = transactionId;
        this.method = method;
        this.status = status;
        this.reason = reason;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        this.body = body;
        this.flag = flag;
    }

    /** A request; {@code body} null for none (a body needs a Content-Type header). */
    public static MsrpMessage request(String transactionId, String method, Map<String, String> headers, byte[] body,
                                      char flag) {
        if (method == null || !method.matches("[A-Z]+")) {
            throw new IllegalArgumentException("bad MSRP method '" + method + "'");
        }
        return new MsrpMessage(transactionId, method, 0, null, headers, body, flag);
    }

    public static MsrpMessage response(String transactionId, int status, String reason, Map<String, String> headers) {
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("bad MSRP status " + status);
        }
        return new MsrpMessage(transactionId, null, status, reason, headers, null, COMPLETE);
    }

    static boolean validTransactionId(String tid) {
        return tid != null && tid.length() >= 3 && tid.length() <= 32 && tid.matches("[A-Za-z0-9][A-Za-z0-9.\\-+%=]*");
    }

    public boolean isRequest() {
        return method != null;
    }

    public String transactionId() {
        return transactionId;
    }

    /** SEND, REPORT, ... or null for a response. */
    public String method() {
        return method;
    }

    /** The status of a response, 0 for a request. */
    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** A header by case-insensitive name, or null. */
    public String header(String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The body, or null when the message had none. */
    public byte[] body() {
        return body;
    }

    public char flag() {
        return flag;
    }

    /** The message as it goes on the wire. */
    public byte[] encode() {
        StringBuilder head = new StringBuilder(256);
        head.append("MSRP ").append(transactionId).append(' ');
        if (isRequest()) {
            head.append(method);
        } else {
            head.append(String.format(Locale.ROOT, "%03d", status));
            if (reason != null && !reason.isEmpty()) {
                head.append(' ').append(reason);
            }
        }
        head.append("\r\n");
        for (Map.Entry<String, String> e : headers.entrySet()) {
            String v = e.getValue();
            if (v.indexOf('\r') >= 0 || v.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("line break in MSRP header " + e.getKey());
            }
            head.append(e.getKey()).append(": ").append(v).append("\r\n");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + (body == null ? 0 : body.length) + 64);
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(body);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("-------" + transactionId + flag + "\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return "MSRP " + transactionId + " " + (isRequest() ? method : status + " " + reason) + " " + headers
                + (body == null ? "" : " +" + body.length + " bytes") + " " + flag;
    }
}
