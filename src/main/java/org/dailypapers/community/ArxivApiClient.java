package org.dailypapers.community;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.Paper;
import org.dailypapers.shared.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * A minimal client of the arXiv API ({@code /query?id_list=}, Atom) for submissions. arXiv asks for no more than one
 * request every three seconds, so requests queue behind one another here; answers are cached (papers for an hour,
 * unknown ids for ten minutes) because a popular paper gets submitted by many people at once.
 */
@Component
class ArxivApiClient implements ArxivLookup {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String ARXIV = "http://arxiv.org/schemas/atom";
    private static final Duration FOUND_TTL = Duration.ofHours(1);
    private static final Duration MISSING_TTL = Duration.ofMinutes(10);
    private static final int CACHE_SIZE = 1000;

    private final String baseUrl;
    private final Duration minInterval;
    private final HttpClient http;
    private final ReentrantLock turn = new ReentrantLock(true);
    private long nextRequestNanos = System.nanoTime();
    private final Map<String, Cached> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    private record Cached(Optional<Paper> paper, Instant expires) {}

    ArxivApiClient(
            @Value("${dailypapers.arxiv.api-base-url:https://export.arxiv.org/api}") String baseUrl,
            @Value("${dailypapers.community.arxiv-min-interval:3s}") Duration minInterval) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.minInterval = minInterval;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @Override
    public Optional<Paper> find(ArxivId id) {
        String key = id.versioned();
        synchronized (cache) {
            Cached c = cache.get(key);
            if (c != null && c.expires().isAfter(Instant.now())) {
                return c.paper();
            }
        }
        Optional<Paper> paper = fetch(id);
        synchronized (cache) {
            cache.put(key, new Cached(paper, Instant.now().plus(paper.isPresent() ? FOUND_TTL : MISSING_TTL)));
        }
        return paper;
    }

    private Optional<Paper> fetch(ArxivId id) {
        URI uri = URI.create(baseUrl + "/query?id_list=" + URLEncoder.encode(id.versioned(), StandardCharsets.UTF_8)
                + "&max_results=1");
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("User-Agent", "dailypapers (self-hosted; paper submission)")
                .GET()
                .build();
        HttpResponse<InputStream> response;
        try {
            waitForTurn();
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new ArxivUnavailableException("arXiv cannot be reached (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ArxivUnavailableException("interrupted while asking arXiv", e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() == 400) {
                // arXiv answers 400 for ids it considers malformed: for the user that is an unknown paper
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new ArxivUnavailableException("arXiv answered HTTP " + response.statusCode() + " for " + uri);
            }
            return parse(body, id);
        } catch (IOException e) {
            throw new ArxivUnavailableException("reading arXiv's answer failed (" + e.getMessage() + ")", e);
        }
    }

    /**
     * One request at a time, {@code minInterval} apart. The wait is computed from the last request, not fixed: it is
     * zero whenever the previous request is long enough ago.
     */
    private void waitForTurn() throws InterruptedException {
        turn.lockInterruptibly();
        try {
            long wait = nextRequestNanos - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.TimeUnit.NANOSECONDS.sleep(wait);
            }
            nextRequestNanos = System.nanoTime() + minInterval.toNanos();
        } finally {
            turn.unlock();
        }
    }

    static Optional<Paper> parse(InputStream body, ArxivId wanted) {
        Document doc;
        try {
            doc = secureBuilder().parse(body);
        } catch (SAXException | IOException e) {
            throw new ArxivUnavailableException("arXiv's answer is not well-formed XML: " + e.getMessage(), e);
        }
        NodeList entries = doc.getElementsByTagNameNS(ATOM, "entry");
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            String idText = text(entry, ATOM, "id");
            Optional<ArxivId> id = ArxivId.parse(idText);
            // arXiv reports errors as an entry whose id is https://arxiv.org/api/errors#...
            if (id.isEmpty() || !id.get().id().equals(wanted.id())) {
                continue;
            }
            return Optional.of(toPaper(entry, id.get()));
        }
        return Optional.empty();
    }

    private static Paper toPaper(Element entry, ArxivId id) {
        List<String> authors = new ArrayList<>();
        NodeList authorNodes = entry.getElementsByTagNameNS(ATOM, "author");
        for (int i = 0; i < authorNodes.getLength(); i++) {
            String name = text((Element) authorNodes.item(i), ATOM, "name");
            if (name != null && !name.isBlank()) {
                authors.add(collapse(name));
            }
        }
        List<String> categories = new ArrayList<>();
        NodeList primary = entry.getElementsByTagNameNS(ARXIV, "primary_category");
        if (primary.getLength() > 0) {
            categories.add(((Element) primary.item(0)).getAttribute("term"));
        }
        NodeList cats = entry.getElementsByTagNameNS(ATOM, "category");
        for (int i = 0; i < cats.getLength(); i++) {
            String term = ((Element) cats.item(i)).getAttribute("term");
            if (!term.isBlank() && !categories.contains(term)) {
                categories.add(term);
            }
        }
        String title = collapse(orEmpty(text(entry, ATOM, "title")));
        String summary = collapse(orEmpty(text(entry, ATOM, "summary")));
        Instant published = Timestamps.parseNullable(text(entry, ATOM, "published"));
        Instant updated = Timestamps.parseNullable(text(entry, ATOM, "updated"));
        return new Paper(
                id,
                id.version(),
                title,
                summary,
                authors,
                categories,
                published,
                updated,
                blankToNull(text(entry, ARXIV, "comment")),
                blankToNull(text(entry, ARXIV, "journal_ref")),
                blankToNull(text(entry, ARXIV, "doi")),
                null,
                List.of(),
                0,
                null);
    }

    /** No DTDs, no external entities, no XInclude: the answer comes over the network. */
    static DocumentBuilder secureBuilder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a security feature", e);
        }
    }

    private static @Nullable String text(Element parent, String ns, String local) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName())) {
                return e.getTextContent();
            }
        }
        return null;
    }

    private static String collapse(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : collapse(s);
    }
}
