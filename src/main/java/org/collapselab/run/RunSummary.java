package org.collapselab.run;

import java.nio.file.Path;
import java.util.List;

/**
 * What a run did.
 *
 * @param runDir the run folder
 * @param cells cells in the grid
 * @param skipped cells already complete from an earlier attempt (resume)
 * @param failed ids and errors of the cells that failed
 * @param seconds wall time
 */
public record RunSummary(Path runDir, int cells, int skipped, List<String> failed,
                         double seconds) {
}
