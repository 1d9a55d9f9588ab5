package org.parley.core.client;

import java.time.Instant;

/**
 * A search of the local conversation history; every criterion is optional (null) and they combine with AND.
 *
 * @param participant a peer or session URI (exact, case-insensitive) or a display-name/AOR fragment
 * @param from        inclusive lower bound of the time sent
 * @param to          exclusive upper bound
 * @param text        case-insensitive substring of the body
 * @param limit       at most this many, newest first
 */
public record HistoryQuery(String participant, Instant from, Instant to, String text, int limit) {
}
