package org.dailypapers.digest;

import java.util.List;

/**
 * What a subscriber has shown interest in, for the "for you" section. The community module implements it from
 * upvotes and collections; without an implementation the section is left out.
 */
public interface InterestSource {

    /** Papers the person with this email address upvoted or collected, most recent first. */
    List<LikedPaper> likedPapers(String email);
}
