package org.dailypapers.community;

import java.util.List;
import org.dailypapers.shared.ReaderFeeds;
import org.springframework.stereotype.Component;

/** A reader's public collections in their OPML file; private ones have no feed a reader could poll. */
@Component
class CollectionFeeds implements ReaderFeeds {

    private final Collections collections;

    CollectionFeeds(Collections collections) {
        this.collections = collections;
    }

    @Override
    public List<Feed> feedsOf(Reader reader) {
        return collections.ownedBy(reader.id(), false).stream()
                .map(c -> new Feed(
                        "Your collections",
                        c.title(),
                        "/collections/" + c.id() + "/feed.atom",
                        "/collections/" + c.id()))
                .toList();
    }
}
