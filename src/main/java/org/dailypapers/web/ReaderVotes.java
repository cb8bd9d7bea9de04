package org.dailypapers.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dailypapers.account.AccountPrincipal;
import org.dailypapers.account.PageContext;
import org.dailypapers.community.Upvotes;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.SourceRecord;
import org.dailypapers.paper.SourceRecords;
import org.dailypapers.summary.PaperSummaries;
import org.dailypapers.summary.PaperSummary;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Marks the cards the signed-in reader upvoted, so that every card's button shows its pressed state. Runs per
 * request on cards built from {@link CatalogReads}: the cache is shared by all readers and must hold no one's votes.
 * Attaches each card's summary and keywords on the way, as they are computed after the catalog reads were cached.
 */
@Component
class ReaderVotes {

    private final ObjectProvider<Upvotes> upvotes;
    private final ObjectProvider<PaperSummaries> summaries;
    private final ObjectProvider<SourceRecords> records;

    ReaderVotes(
            ObjectProvider<Upvotes> upvotes,
            ObjectProvider<PaperSummaries> summaries,
            ObjectProvider<SourceRecords> records) {
        this.upvotes = upvotes;
        this.summaries = summaries;
        this.records = records;
    }

    List<PaperCard> mark(List<PaperCard> cards) {
        return markVotes(withVenues(withSummaries(cards)));
    }

    /** The venue badges of papers merged with a record at another source, one query per list. */
    private List<PaperCard> withVenues(List<PaperCard> cards) {
        SourceRecords r = records.getIfAvailable();
        if (r == null || cards.isEmpty()) {
            return cards;
        }
        Map<ArxivId, List<SourceRecord>> found =
                r.recordsOf(cards.stream().map(c -> new ArxivId(c.id(), 0)).toList());
        if (found.isEmpty()) {
            return cards;
        }
        return cards.stream()
                .map(c -> {
                    List<SourceRecord> of = found.get(new ArxivId(c.id(), 0));
                    return of == null
                            ? c
                            : c.withVenues(
                                    of.stream().flatMap(x -> x.badge().stream()).toList());
                })
                .toList();
    }

    private List<PaperCard> withSummaries(List<PaperCard> cards) {
        PaperSummaries s = summaries.getIfAvailable();
        if (s == null || cards.isEmpty()) {
            return cards;
        }
        Map<ArxivId, PaperSummary> found =
                s.findAll(cards.stream().map(c -> new ArxivId(c.id(), 0)).toList());
        if (found.isEmpty()) {
            return cards;
        }
        return cards.stream()
                .map(c -> {
                    PaperSummary ai = found.get(new ArxivId(c.id(), 0));
                    return ai == null ? c : c.withAi(ai);
                })
                .toList();
    }

    private List<PaperCard> markVotes(List<PaperCard> cards) {
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
