package org.parley.server.proxy;

import javax.sip.message.Response;

/** Which final response a forking proxy returns when no branch succeeded (RFC 3261 §16.7 step 6). */
final class ResponseRanking {
    private ResponseRanking() {
    }

    /** Lower is better: 6xx wins, then the lowest class; within 4xx a specific answer beats a timeout. */
    static int rank(int status) {
        if (status >= 600) {
            return 0;
        }
        int klass = status / 100;
        int within;
        switch (status) {
            case 401, 407, 415, 420, 484 -> within = 0;
            case 408, 480 -> within = 2;
            default -> within = 1;
        }
        return klass * 10 + within;
    }

    static boolean better(Response candidate, Response current) {
        return current == null || rank(candidate.getStatusCode()) < rank(current.getStatusCode());
    }
}
