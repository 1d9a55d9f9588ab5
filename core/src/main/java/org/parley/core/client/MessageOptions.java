package org.parley.core.client;

/**
 * What goes with an instant message besides its text: a subject (SIP Subject header) and the high-priority flag
 * (Priority: urgent), both shown to the receiver in the conversation and its alert.
 */
public record MessageOptions(String subject, boolean highPriority) {
    public static final MessageOptions NONE = new MessageOptions(null, false);
}
