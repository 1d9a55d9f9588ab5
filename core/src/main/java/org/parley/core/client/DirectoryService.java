package org.parley.core.client;

import java.util.concurrent.CompletableFuture;
import org.parley.core.model.DirectoryPage;

/** Search of all users and distribution groups by name, alias, e-mail or phone. */
public interface DirectoryService {
    CompletableFuture<DirectoryPage> search(String query, int page, int pageSize);
}
