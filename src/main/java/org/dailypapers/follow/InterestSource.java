package org.dailypapers.follow;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.dailypapers.paper.ArxivId;

/**
 * What a reader has shown interest in, for "For you" (the page, its feed and the digest's section). The community
 * module implements it from upvotes, collections and authorship claims; without an implementation the ranking has
 * only follows to go by.
 */
public interface InterestSource {

    /** Papers the person with this email address upvoted or collected, most recent first. */
    List<LikedPaper> likedPapers(String email);

    /** The author names under which the user with this handle has confirmed claims, for "claimed author" follows. */
    default List<String> claimedAuthorNames(String handle) {
        return List.of();
    }

    /** Which of these papers the user upvoted, so that the "For you" cards show their upvote buttons pressed. */
    default Set<ArxivId> upvotedAmong(long userId, Collection<ArxivId> ids) {
        return Set.of();
    }
}
