package org.dailypapers.community;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dailypapers.account.AccountService;
import org.dailypapers.follow.InterestSource;
import org.dailypapers.follow.LikedPaper;
import org.dailypapers.paper.ArxivId;
import org.springframework.stereotype.Component;

/**
 * What a digest subscriber liked here: their upvotes first (the stronger signal), then the papers of their
 * collections, private ones included since the mail goes to the owner alone. Addresses without an account have
 * no likes, so their digest has no "for you" section.
 */
@Component
class CommunityInterests implements InterestSource {

    /** Enough to find neighbours for; older likes say less about today's interests. */
    private static final int MAX_LIKES = 50;

    private final AccountService accounts;
    private final Upvotes upvotes;
    private final Collections collections;
    private final Authorship authorship;

    CommunityInterests(AccountService accounts, Upvotes upvotes, Collections collections, Authorship authorship) {
        this.accounts = accounts;
        this.upvotes = upvotes;
        this.collections = collections;
        this.authorship = authorship;
    }

    @Override
    public java.util.Set<ArxivId> upvotedAmong(long userId, java.util.Collection<ArxivId> ids) {
        return upvotes.upvotedAmong(userId, ids);
    }

    @Override
    public List<String> claimedAuthorNames(String handle) {
        return accounts.findByHandle(handle)
                .map(a -> authorship.claimsOf(a.id()).stream()
                        .filter(c -> c.status() == AuthorshipClaim.Status.CONFIRMED)
                        .map(AuthorshipClaim::authorName)
                        .distinct()
                        .toList())
                .orElse(List.of());
    }

    @Override
    public List<LikedPaper> likedPapers(String email) {
        var account = accounts.findByEmail(email);
        if (account.isEmpty()) {
            return List.of();
        }
        long userId = account.get().id();
        Map<ArxivId, LikedPaper> liked = new LinkedHashMap<>();
        for (ArxivId id : upvotes.upvotedBy(userId, MAX_LIKES)) {
            liked.putIfAbsent(id, new LikedPaper(id, LikedPaper.How.UPVOTED));
        }
        for (PaperCollection collection : collections.ownedBy(userId, true)) {
            for (Collections.Item item : collections.items(collection)) {
                if (liked.size() >= MAX_LIKES) {
                    break;
                }
                liked.putIfAbsent(item.paper().id(), new LikedPaper(item.paper().id(), LikedPaper.How.COLLECTED));
            }
        }
        return new ArrayList<>(liked.values());
    }
}
