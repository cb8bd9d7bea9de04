package org.dailypapers.community;

import org.dailypapers.paper.ArxivId;

/**
 * A user's vote on a paper after a change.
 *
 * @param changed false when the request changed nothing (a second upvote, or removing a vote that was not there)
 */
public record UpvoteState(ArxivId paperId, boolean upvoted, int upvotes, boolean changed) {}
