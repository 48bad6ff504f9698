package io.github.marketplace1c.admin;

import io.github.marketplace1c.journal.Journal;
import java.util.List;

/**
 * The flows the admin API may start on demand (POST /api/flows/{flow}/run) and lists in /api/health. The
 * application's flow runner implements it; the admin API needs no more of the application than this.
 */
public interface Flows {

    List<String> flowNames();

    List<Journal.RunSummary> run(List<String> flows, String trigger);
}
