package org.parley.core.model;

import java.util.List;

/** One page of directory results (exact matches first, then prefix, then substring; {@code page} from 0). */
public record DirectoryPage(String query, int page, int pageSize, int total, List<DirectoryEntry> entries) {
    public DirectoryPage {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }
}
