package org.dailypapers.follow;

import java.time.Instant;
import org.dailypapers.paper.Paper;

/**
 * A venue decision or a published record of a paper a reader cares about, for the "Published" section of digests.
 *
 * @param badge "Published at NAACL 2025", "ICLR 2026 Poster"
 * @param url the record at its source
 */
public record VenueUpdate(Paper paper, String badge, String url, Instant detectedAt) {}
