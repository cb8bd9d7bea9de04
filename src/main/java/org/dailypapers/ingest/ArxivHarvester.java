package org.dailypapers.ingest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.paper.UpsertOutcome;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Harvests arXiv over OAI-PMH into the catalog, page by page. Each page's papers, its curation proposals and the
 * resumption token for the next page are committed in one transaction, so an interrupted harvest (crash, kill,
 * network loss, a malformed page) continues with the first page not committed: nothing skipped, nothing counted
 * twice. A page is parsed completely before anything of it is written.
 */
@Service
public class ArxivHarvester {

    private final ArxivProperties properties;
    private final PoliteHttp http;
    private final PaperCatalog catalog;
    private final HarvestProgressStore store;
    private final Curation curation;
    private final TransactionTemplate transactions;
    private final Clock clock;
    /** One harvest at a time per process: a scheduled run must not race a running one over the same token. */
    private final ReentrantLock running = new ReentrantLock();

    ArxivHarvester(
            ArxivProperties properties,
            PoliteHttp http,
            PaperCatalog catalog,
            HarvestProgressStore store,
            Curation curation,
            TransactionTemplate transactions,
            ObjectProvider<Clock> clock) {
        this.properties = properties;
        this.http = http;
        this.catalog = catalog;
        this.store = store;
        this.curation = curation;
        this.transactions = transactions;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Runs a harvest to its end; throws {@link ArxivException} (naming URL and page) when arXiv fails it. */
    public HarvestSummary harvest(HarvestRequest request, HarvestListener listener) {
        running.lock();
        try {
            return harvestLocked(request, listener);
        } finally {
            running.unlock();
        }
    }

    /** Whether the configured harvest (metadata format and set) has a run that stopped before its last page. */
    public boolean hasUnfinishedHarvest() {
        return store.latestIncomplete(
                        properties.metadataPrefix(), properties.set().trim())
                .isPresent();
    }

    /** Like {@link #harvest}, but returns empty at once when another harvest of this process is running. */
    public Optional<HarvestSummary> harvestUnlessRunning(HarvestRequest request, HarvestListener listener) {
        if (!running.tryLock()) {
            return Optional.empty();
        }
        try {
            return Optional.of(harvestLocked(request, listener));
        } finally {
            running.unlock();
        }
    }

    private HarvestSummary harvestLocked(HarvestRequest request, HarvestListener listener) {
        String prefix = request.metadataPrefix() != null ? request.metadataPrefix() : properties.metadataPrefix();
        String set =
                request.set() != null ? request.set().trim() : properties.set().trim();
        HarvestProgressStore.State state = plan(request, prefix, set);
        CurationRules rules = curation.rules();
        int resumedAt = state.pagesDone() + 1;
        listener.started(describe(state), resumedAt);

        int harvested = 0;
        int pages = 0;
        int proposed = 0;
        UpsertOutcome total = UpsertOutcome.NONE;
        List<String> problems = new ArrayList<>();
        List<OaiPmhParser.Harvested> forSearchRules = new ArrayList<>();
        boolean searchRules = rules.rules().stream().anyMatch(CurationRule::needsSearch);
        boolean restartedOnce = false;
        String token = state.resumptionToken();
        boolean more = true;
        while (more) {
            int pageNumber = state.pagesDone() + pages + 1;
            URI uri = token == null ? firstPage(state) : nextPage(token);
            OaiPmhParser.Page page;
            try {
                page = fetch(uri, pageNumber);
            } catch (ArxivException e) {
                // Tokens expire (arXiv keeps them for hours); starting the harvest over is safe because
                // writing the same records again changes nothing.
                if ("badResumptionToken".equals(e.code()) && token != null && !restartedOnce) {
                    restartedOnce = true;
                    listener.problem(e.getMessage() + "; starting this harvest over from its first page");
                    state = store.begin(prefix, set, state.from(), state.until(), clock.instant());
                    token = null;
                    pages = 0;
                    continue;
                }
                throw e;
            }
            String nextToken = page.resumptionToken();
            String key = state.key();
            PageWritten written = transactions.execute(status -> {
                Curation.Proposals p = curation.propose(rules, page.records());
                UpsertOutcome o = catalog.upsert(p.records());
                store.pageDone(key, nextToken, page.records().size(), page.completeListSize(), clock.instant());
                return new PageWritten(o, p.proposed());
            });
            if (written != null) {
                proposed += written.proposed();
                total = total.plus(written.outcome());
            }
            harvested += page.records().size();
            pages++;
            page.problems().forEach(listener::problem);
            problems.addAll(page.problems());
            if (searchRules) {
                forSearchRules.addAll(page.records());
            }
            long soFar = (long) state.recordsDone() + harvested;
            listener.page(
                    pageNumber,
                    page.records().size(),
                    soFar,
                    page.completeListSize() == null ? -1 : page.completeListSize());
            token = nextToken;
            more = nextToken != null;
        }
        proposed += curation.proposeBySearch(rules, forSearchRules);
        return new HarvestSummary(
                harvested,
                total.imported(),
                total.updated(),
                total.skipped() + problems.size(),
                pages,
                proposed,
                resumedAt,
                problems);
    }

    private record PageWritten(UpsertOutcome outcome, int proposed) {}

    /** The stored harvest to continue, or a new one. */
    private HarvestProgressStore.State plan(HarvestRequest request, String prefix, String set) {
        Instant now = clock.instant();
        if (request.from() == null && request.until() == null) {
            Optional<HarvestProgressStore.State> unfinished = store.latestIncomplete(prefix, set);
            if (unfinished.isPresent()) {
                return unfinished.get();
            }
        }
        LocalDate from = request.from();
        if (from == null) {
            // The newest day any finished harvest reached, so that a backfill of old days run in between does not
            // send the daily harvest back to them.
            from = store.completed(prefix, set).stream()
                    .map(s -> s.until() != null ? s.until() : LocalDate.ofInstant(s.startedAt(), ZoneOffset.UTC))
                    .max(LocalDate::compareTo)
                    .orElse(LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(1));
        }
        String key = HarvestProgressStore.key(prefix, set, from, request.until());
        Optional<HarvestProgressStore.State> existing = store.find(key);
        if (existing.isPresent() && !existing.get().complete()) {
            return existing.get();
        }
        return store.begin(prefix, set, from, request.until(), now);
    }

    private OaiPmhParser.Page fetch(URI uri, int pageNumber) {
        String source = uri + " (page " + pageNumber + ")";
        PoliteHttp.Response response;
        try {
            response = http.get(uri);
        } catch (ArxivException e) {
            String m = String.valueOf(e.getMessage());
            throw new ArxivException(
                    m.startsWith(uri.toString())
                            ? source + m.substring(uri.toString().length())
                            : source + ": " + m,
                    e.code(),
                    e);
        }
        if (response.status() != 200) {
            throw new ArxivException(source + ": HTTP " + response.status());
        }
        return OaiPmhParser.parse(source, response.body());
    }

    private URI firstPage(HarvestProgressStore.State s) {
        StringBuilder url = new StringBuilder(properties.oaiBaseUrl())
                .append("?verb=ListRecords&metadataPrefix=")
                .append(encode(s.metadataPrefix()));
        if (!s.set().isEmpty()) {
            url.append("&set=").append(encode(s.set()));
        }
        if (s.from() != null) {
            url.append("&from=").append(s.from());
        }
        if (s.until() != null) {
            url.append("&until=").append(s.until());
        }
        return URI.create(url.toString());
    }

    private URI nextPage(String token) {
        return URI.create(properties.oaiBaseUrl() + "?verb=ListRecords&resumptionToken=" + encode(token));
    }

    private static String describe(HarvestProgressStore.State s) {
        return "arXiv OAI-PMH " + s.metadataPrefix() + (s.set().isEmpty() ? " (all sets)" : " set " + s.set())
                + " from " + orOpen(s.from()) + " until " + orOpen(s.until());
    }

    private static String orOpen(@Nullable LocalDate day) {
        return day == null ? "now" : day.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
