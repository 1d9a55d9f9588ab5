package org.parley.core.client;

import java.time.Instant;
import java.util.List;
import org.parley.core.model.InstantMessage;

/** Local conversation history (SQLite in the client's data dir), searchable. */
public interface HistoryService {
    /** Messages with a peer or session, oldest first, at most {@code limit} of the newest. */
    List<InstantMessage> conversation(String peerOrSession, int limit);

    /** Messages whose text contains the query (case-insensitive), newest first. */
    List<InstantMessage> search(String query, int limit);

    /**
     * Messages matching every criterion set in the query, newest first. The participant matches a message's peer
     * (conversation), from or to, exactly or as a substring, ignoring case; {@code limit <= 0} means no limit.
     */
    List<InstantMessage> find(HistoryQuery query);

    /** The call log: calls that ended on this client, newest first, at most {@code limit}. */
    List<CallRecord> calls(int limit);

    /**
     * One ended call.
     *
     * @param outcome ANSWERED (talked), MISSED (incoming, never answered here), DECLINED, UNANSWERED (outgoing, not
     *                answered), FORWARDED (redirected or transferred away), FAILED
     */
    record CallRecord(String callId, String peer, String peerName, org.parley.core.client.TelephonyService.Direction direction,
                      Outcome outcome, Instant started, Instant connected, Instant ended, String detail) {
        public enum Outcome {
            ANSWERED, MISSED, DECLINED, UNANSWERED, FORWARDED, FAILED
        }
    }

    /** One line per conversation (peer or session), the most recent first, at most {@code limit}. */
    List<ConversationSummary> conversations(int limit);

    /**
     * A conversation at a glance.
     *
     * @param peer     the other party's AOR (1:1) or the session URI, lower case
     * @param lastAt   when its newest message was sent
     * @param lastText the newest message's text as plain text (HTML reduced to its text)
     * @param count    how many messages it holds
     */
    record ConversationSummary(String peer, Instant lastAt, String lastText, int count) {
    }
}
