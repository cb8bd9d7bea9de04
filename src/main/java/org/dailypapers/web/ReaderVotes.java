package org.dailypapers.web;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.dailypapers.account.AccountPrincipal;
import org.dailypapers.account.PageContext;
import org.dailypapers.community.Upvotes;
import org.dailypapers.paper.ArxivId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Marks the cards the signed-in reader upvoted, so that every card's button shows its pressed state. Runs per
 * request on cards built from {@link CatalogReads}: the cache is shared by all readers and must hold no one's votes.
 */
@Component
class ReaderVotes {

    private final ObjectProvider<Upvotes> upvotes;

    ReaderVotes(ObjectProvider<Upvotes> upvotes) {
        this.upvotes = upvotes;
    }

    List<PaperCard> mark(List<PaperCard> cards) {
        AccountPrincipal reader = PageContext.currentUser();
        // an instance without the community module has no votes to show; signed-out readers have none either
        Upvotes votes = upvotes.getIfAvailable();
        if (reader == null || votes == null || cards.isEmpty()) {
            return cards;
        }
        Set<String> upvoted =
                votes
                        .upvotedAmong(
                                reader.id(),
                                cards.stream().map(c -> new ArxivId(c.id(), 0)).toList())
                        .stream()
                        .map(ArxivId::id)
                        .collect(Collectors.toSet());
        return cards.stream()
                .map(c -> upvoted.contains(c.id()) ? c.upvotedByReader() : c)
                .toList();
    }

    PaperCard mark(PaperCard card) {
        return mark(List.of(card)).getFirst();
    }
}
