package org.dailypapers.community;

import java.util.Map;
import org.dailypapers.paper.ArxivId;

/**
 * Paper ids in request paths. New-style ids (2401.01234) are one path segment; old-style ids (math.GT/0309136)
 * carry a slash and so take two ({@link ArxivId#OLD_STYLE_PATH}), which every route that names a paper must accept
 * as well. Web routes list both patterns on one handler and read the path variables as a map; API routes have one
 * method per pattern, so that the OpenAPI document names each parameter.
 */
final class PaperPaths {

    private PaperPaths() {}

    /** The paper id a route matched: the variable {@code name}, or the old-style archive and number. */
    static String paperId(Map<String, String> path, String name) {
        String archive = path.get("archive");
        if (archive != null) {
            return archive + "/" + path.getOrDefault("number", "");
        }
        return path.getOrDefault(name, "");
    }
}
