package org.dailypapers.paper;

import java.time.Instant;

/**
 * A venue alert: the paper got a decision or a published record.
 *
 * @param paperId the arXiv id of the paper, or the record key of a record that stands alone
 * @param badge how it reads: "Published at NAACL 2025", "ICLR 2026 Poster"
 */
public record VenueEvent(String paperId, SourceId record, Decision decision, String badge, Instant detectedAt) {}
