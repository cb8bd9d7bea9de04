/**
 * The {@code dailypapers} command line (picocli): starts Spring in the mode a command needs (web for
 * {@code serve}, none otherwise) and calls the modules' facades. Owns no data.
 */
@ApplicationModule(
        allowedDependencies = {
            "account",
            "cite",
            "digest",
            "follow",
            "ingest",
            "paper",
            "search",
            "search :: evaluation",
            "shared",
            "summary"
        })
@NullMarked
package org.dailypapers.cli;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
