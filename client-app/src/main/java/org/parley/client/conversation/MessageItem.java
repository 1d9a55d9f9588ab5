package org.parley.client.conversation;

import java.time.Instant;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.parley.core.model.InstantMessage.Delivery;

/**
 * A message in the conversation. A sent one changes as its answer arrives: PENDING, then DELIVERED, STORED ("will be
 * delivered when Bob signs in") or FAILED with {@link #errorProperty() the reason}; a failed one can be sent again.
 *
 * @param from         the sender's AOR
 * @param senderName   the sender's name as shown
 * @param outgoing     sent by the signed-in user
 * @param contentType  text/plain or text/html
 * @param text         the body
 * @param subject      the subject it carries, or null
 * @param highPriority sent as high priority
 */
public final class MessageItem implements ChatItem {
    private final String from;
    private final String senderName;
    private final boolean outgoing;
    private final String contentType;
    private final String text;
    private final String subject;
    private final boolean highPriority;
    private final Instant at;
    private final ObjectProperty<Delivery> delivery;
    private final StringProperty error = new SimpleStringProperty(this, "error");
    /** A sent multiparty message whose copy from the session already came back (so later copies are new). */
    boolean echoed;

    public MessageItem(String from, String senderName, boolean outgoing, String contentType, String text,
                       String subject, boolean highPriority, Instant at, Delivery delivery) {
        this.from = from;
        this.senderName = senderName;
        this.outgoing = outgoing;
        this.contentType = contentType == null ? "text/plain" : contentType;
        this.text = text == null ? "" : text;
        this.subject = subject == null || subject.isBlank() ? null : subject.trim();
        this.highPriority = highPriority;
        this.at = at;
        this.delivery = new SimpleObjectProperty<>(this, "delivery", delivery);
    }

    public String from() {
        return from;
    }

    public String senderName() {
        return senderName;
    }

    public boolean outgoing() {
        return outgoing;
    }

    public String contentType() {
        return contentType;
    }

    public boolean isHtml() {
        return contentType.toLowerCase(java.util.Locale.ROOT).startsWith("text/html");
    }

    public String text() {
        return text;
    }

    public String subject() {
        return subject;
    }

    public boolean highPriority() {
        return highPriority;
    }

    @Override
    public Instant at() {
        return at;
    }

    public Delivery delivery() {
        return delivery.get();
    }

    public ReadOnlyObjectProperty<Delivery> deliveryProperty() {
        return delivery;
    }

    void setDelivery(Delivery d) {
        delivery.set(d);
    }

    /** Why a sent message FAILED, for the red line under it; null otherwise. */
    public String error() {
        return error.get();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    void setError(String e) {
        error.set(e);
    }

    /** Received after the fact: sent while we were offline, or held while we were in Do Not Disturb. */
    public boolean late() {
        Delivery d = delivery.get();
        return d == Delivery.RECEIVED_OFFLINE || d == Delivery.MISSED;
    }
}
