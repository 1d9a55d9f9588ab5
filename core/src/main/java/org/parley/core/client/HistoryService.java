package org.parley.core.client;

import java.util.List;
import org.parley.core.model.InstantMessage;

/** Local conversation history (SQLite in the client's data dir), searchable. */
public interface HistoryService {
    /** Messages with a peer or session, oldest first, at most {@code limit} of the newest. */
    List<InstantMessage> conversation(String peerOrSession, int limit);

    /** Messages whose text contains the query (case-insensitive), newest first. */
    List<InstantMessage> search(String query, int limit);
}
