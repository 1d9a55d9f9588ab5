package org.parley.server.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One operation of the SERVICE request (docs/protocol.md): {@code {"op": name, ...args}} from an authenticated local
 * user, answered with a JSON object. Each module registers its own operations with the SERVICE endpoint.
 */
public interface ServiceOp {
    /** The op name, e.g. "contacts.add". */
    String name();

    /**
     * Runs the operation for {@code user} (authenticated user name). Throws {@link ServiceError} for a refusal the
     * caller should see (400 bad argument, 403, 404, 409, 413); anything else becomes a 500.
     */
    ObjectNode handle(String user, JsonNode args);
}
