package org.dailypapers.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.dailypapers.api.BadParameterException;
import org.dailypapers.api.FeedWindow;
import org.dailypapers.paper.DailyPage;
import org.dailypapers.paper.DailyQuery;
import org.dailypapers.paper.DailySort;
import org.dailypapers.paper.Source;
import org.dailypapers.paper.Venues;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The daily feed by day, week and month, trending, and the category and organisation pages. */
@Controller
class DailyController {

    static final int PAGE_SIZE = 50;

    /** Before arXiv: a window from here covers the whole catalog. */
    static final LocalDate BEGINNING = LocalDate.of(1991, 1, 1);

    private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z-]*(\\.[A-Za-z-]{2,})?");
    private static final DateTimeFormatter DAY_HEADING =
            DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH_HEADING = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

    private final CatalogReads reads;
    private final ReaderVotes votes;

    DailyController(CatalogReads reads, ReaderVotes votes) {
        this.reads = reads;
        this.votes = votes;
    }

    /**
     * Where a list page stands: the URL of the page itself and the filters that come along with every link.
     *
     * @param source papers found at this source ({@code source=}), or null for all
     * @param venue papers with a record at this venue ({@code venue=}), or null for all
     */
    private record Filters(
            String path,
            DailySort sort,
            @Nullable String category,
            int page,
            @Nullable Source source,
            @Nullable String venue) {

        Filters(String path, DailySort sort, @Nullable String category, int page) {
            this(path, sort, category, page, null, null);
        }

        String with(DailySort newSort, @Nullable String newCategory, int newPage) {
            StringBuilder q = new StringBuilder();
            if (newSort != defaultSortOf(path)) {
                q.append("&sort=").append(sortName(newSort));
            }
            if (newCategory != null) {
                q.append("&category=").append(Paths.param(newCategory));
            }
            q.append(sourceAndVenue(source, venue));
            if (newPage > 1) {
                q.append("&page=").append(newPage);
            }
            return q.isEmpty() ? path : path + "?" + q.substring(1);
        }

        /** The same filters on another path (the previous day keeps the category, source, venue and order). */
        String on(String otherPath) {
            return new Filters(otherPath, sort, category, 1, source, venue).with(sort, category, 1);
        }

        DailyQuery query(LocalDate from, LocalDate to, DailySort order, @Nullable String organization) {
            return new DailyQuery(from, to, order, category, organization, null, source, venue);
        }

        /** A feed of the same category, source and venue. */
        String feed(String feedPath) {
            StringBuilder q = new StringBuilder();
            if (category != null) {
                q.append("&category=").append(Paths.param(category));
            }
            q.append(sourceAndVenue(source, venue));
            return q.isEmpty() ? feedPath : feedPath + "?" + q.substring(1);
        }

        /** " in cs.CL", " from the ACL Anthology", " at iclr": what the empty message adds to "No papers on ...". */
        String described() {
            return (category == null ? "" : " in " + category)
                    + (source == null ? "" : " from " + source.label())
                    + (venue == null ? "" : " at " + venue);
        }
    }

    /** The filters of a sorted list page (latest, day, week, month), read from its parameters. */
    private static Filters filters(
            String path,
            @Nullable String sort,
            @Nullable String category,
            @Nullable String page,
            @Nullable String source,
            @Nullable String venue) {
        return new Filters(
                path,
                parseSort(sort, path),
                parseCategory(category),
                parsePage(page),
                parseSource(source),
                parseVenue(venue));
    }

    private static String sourceAndVenue(@Nullable Source source, @Nullable String venue) {
        StringBuilder q = new StringBuilder();
        if (source != null) {
            q.append("&source=").append(source.slug());
        }
        if (venue != null) {
            q.append("&venue=").append(Paths.param(venue));
        }
        return q.toString();
    }

    @GetMapping("/")
    String latest(
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String page,
            @RequestParam(required = false) @Nullable String source,
            @RequestParam(required = false) @Nullable String venue,
            Model model) {
        Optional<LocalDate> latest = reads.latestDay();
        Filters filters = filters("/", sort, category, page, source, venue);
        if (latest.isEmpty()) {
            ListingView empty = new ListingView(
                    PageMeta.of("Daily Papers", "daily").withFeed("/feeds/daily.atom", "Daily Papers"),
                    "Daily Papers",
                    null,
                    null,
                    null,
                    List.of(),
                    List.of(),
                    "/",
                    sortName(filters.sort()),
                    filters.category(),
                    List.of(),
                    0,
                    null,
                    null,
                    "The catalog is empty. Import papers with ./dailypapers import FILE, or start the server without"
                            + " --no-demo to load the demo data set.",
                    List.of(),
                    true,
                    filters.source(),
                    filters.venue(),
                    List.of());
            model.addAttribute("view", empty);
            return "listing";
        }
        return day(latest.get(), filters, model);
    }

    @GetMapping("/daily/{date}")
    String daily(
            @PathVariable String date,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String page,
            @RequestParam(required = false) @Nullable String source,
            @RequestParam(required = false) @Nullable String venue,
            Model model) {
        LocalDate day = window(date, "a day such as 2025-02-13", () -> FeedWindow.day(date))
                .from();
        String path = Paths.day(day);
        return day(day, filters(path, sort, category, page, source, venue), model);
    }

    private String day(LocalDate day, Filters f, Model model) {
        DailyPage result = reads.daily(f.query(day, day, f.sort(), null), (f.page() - 1) * PAGE_SIZE, PAGE_SIZE);
        Link previous = reads.dayBefore(day)
                .map(d -> new Link("← " + SHORT_DAY.format(d), f.on(Paths.day(d)), false))
                .orElse(null);
        Link next = reads.dayAfter(day)
                .map(d -> new Link(SHORT_DAY.format(d) + " →", f.on(Paths.day(d)), false))
                .orElse(null);
        String week = isoWeek(day);
        List<Link> periods = List.of(
                new Link("Day", f.on(Paths.day(day)), true),
                Link.to("Week", f.on("/week/" + week)),
                Link.to("Month", f.on("/month/" + YearMonth.from(day))));
        String title = "Daily Papers, " + DAY_HEADING.format(day);
        PageMeta meta = PageMeta.of(title, "daily")
                .withDescription("Papers submitted to Daily Papers on " + DAY_HEADING.format(day) + ".")
                .withFeed(f.feed("/feeds/daily.atom"), "Daily Papers (latest day)");
        model.addAttribute(
                "view",
                listing(
                        meta,
                        DAY_HEADING.format(day),
                        null,
                        previous,
                        next,
                        periods,
                        f,
                        result,
                        Paths.day(day),
                        "No papers on " + DAY_HEADING.format(day) + f.described() + "."));
        return "listing";
    }

    @GetMapping("/week/{week}")
    String week(
            @PathVariable String week,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String page,
            @RequestParam(required = false) @Nullable String source,
            @RequestParam(required = false) @Nullable String venue,
            Model model) {
        FeedWindow w = window(week, "an ISO week such as 2025-W07", () -> FeedWindow.week(week));
        String path = "/week/" + isoWeek(w.from());
        Filters f = filters(path, sort, category, page, source, venue);
        DailyPage result =
                reads.daily(f.query(w.from(), w.to(), f.sort(), null), (f.page() - 1) * PAGE_SIZE, PAGE_SIZE);
        LocalDate firstDay = reads.dayAfter(w.from().minusDays(1))
                .filter(d -> !d.isAfter(w.to()))
                .orElse(w.from());
        List<Link> periods = List.of(
                Link.to("Day", f.on(Paths.day(firstDay))),
                new Link("Week", f.on(path), true),
                Link.to("Month", f.on("/month/" + YearMonth.from(w.from()))));
        String heading = "Week " + w.from().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + ", " + SHORT_DAY.format(w.from())
                + " – " + SHORT_DAY.format(w.to()) + ", " + w.to().getYear();
        PageMeta meta = PageMeta.of("Daily Papers, " + heading, "daily")
                .withFeed(f.feed("/feeds/daily.atom"), "Daily Papers (latest day)");
        model.addAttribute(
                "view",
                listing(
                        meta,
                        heading,
                        null,
                        new Link(
                                "← Previous week",
                                f.on("/week/" + isoWeek(w.from().minusWeeks(1))),
                                false),
                        nextIfNotFuture(
                                w.to(),
                                "Next week →",
                                f.on("/week/" + isoWeek(w.from().plusWeeks(1)))),
                        periods,
                        f,
                        result,
                        path,
                        "No papers in this week" + f.described() + "."));
        return "listing";
    }

    @GetMapping("/month/{month}")
    String month(
            @PathVariable String month,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String page,
            @RequestParam(required = false) @Nullable String source,
            @RequestParam(required = false) @Nullable String venue,
            Model model) {
        FeedWindow w = window(month, "a month such as 2025-02", () -> FeedWindow.month(month));
        YearMonth ym = YearMonth.from(w.from());
        String path = "/month/" + ym;
        Filters f = filters(path, sort, category, page, source, venue);
        DailyPage result =
                reads.daily(f.query(w.from(), w.to(), f.sort(), null), (f.page() - 1) * PAGE_SIZE, PAGE_SIZE);
        LocalDate firstDay = reads.dayAfter(w.from().minusDays(1))
                .filter(d -> !d.isAfter(w.to()))
                .orElse(w.from());
        List<Link> periods = List.of(
                Link.to("Day", f.on(Paths.day(firstDay))),
                Link.to("Week", f.on("/week/" + isoWeek(firstDay))),
                new Link("Month", f.on(path), true));
        String heading = MONTH_HEADING.format(ym);
        PageMeta meta = PageMeta.of("Daily Papers, " + heading, "daily")
                .withFeed(f.feed("/feeds/daily.atom"), "Daily Papers (latest day)");
        model.addAttribute(
                "view",
                listing(
                        meta,
                        heading,
                        null,
                        new Link(
                                "← " + MONTH_HEADING.format(ym.minusMonths(1)),
                                f.on("/month/" + ym.minusMonths(1)),
                                false),
                        nextIfNotFuture(
                                w.to(),
                                MONTH_HEADING.format(ym.plusMonths(1)) + " →",
                                f.on("/month/" + ym.plusMonths(1))),
                        periods,
                        f,
                        result,
                        path,
                        "No papers in " + heading + f.described() + "."));
        return "listing";
    }

    /** Trending: the last seven days of the feed, votes decayed by age, as on Hugging Face. */
    @GetMapping("/trending")
    String trending(
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String page,
            @RequestParam(required = false) @Nullable String source,
            @RequestParam(required = false) @Nullable String venue,
            Model model) {
        Filters f = new Filters(
                "/trending",
                DailySort.TRENDING,
                parseCategory(category),
                parsePage(page),
                parseSource(source),
                parseVenue(venue));
        LocalDate latest = reads.latestDay().orElse(LocalDate.now(java.time.ZoneOffset.UTC));
        DailyPage result = reads.daily(
                f.query(latest.minusDays(TRENDING_DAYS - 1), latest, DailySort.TRENDING, null),
                (f.page() - 1) * PAGE_SIZE,
                PAGE_SIZE);
        PageMeta meta = PageMeta.of("Trending papers", "trending")
                .withDescription("The most upvoted recent papers, newer ones weighted up.")
                .withFeed(f.feed("/feeds/trending.atom"), "Trending papers");
        model.addAttribute(
                "view",
                new ListingView(
                        meta,
                        "Trending papers",
                        "Upvotes of the last " + TRENDING_DAYS + " days of the feed (to " + SHORT_DAY.format(latest)
                                + ", " + latest.getYear() + "), newer papers weighted up.",
                        null,
                        null,
                        List.of(),
                        List.of(),
                        "/trending",
                        sortName(DailySort.TRENDING),
                        f.category(),
                        votes.mark(result.items().stream().map(Cards::of).toList()),
                        result.total(),
                        pageLink(f, f.page() - 1, result.total()),
                        pageLink(f, f.page() + 1, result.total()),
                        "Nothing is trending" + f.described() + ".",
                        exports(f, "/trending"),
                        true,
                        f.source(),
                        f.venue(),
                        reads.venues()));
        return "listing";
    }

    static final int TRENDING_DAYS = 7;

    @GetMapping("/categories/{category}")
    String category(
            @PathVariable String category,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable String page,
            Model model) {
        String cat = parseCategory(category);
        if (cat == null) {
            throw new WebErrors.BadRequest("Give an arXiv category such as cs.CL in the address: /categories/cs.CL");
        }
        String path = Paths.category(cat);
        Filters f = new Filters(path, parseSort(sort, path), null, parsePage(page));
        LocalDate latest = reads.latestDay().orElse(LocalDate.now(java.time.ZoneOffset.UTC));
        DailyPage result = reads.daily(
                new DailyQuery(BEGINNING, latest, f.sort(), cat, null), (f.page() - 1) * PAGE_SIZE, PAGE_SIZE);
        PageMeta meta = PageMeta.of(cat + " papers", "")
                .withDescription("Daily Papers in the arXiv category " + cat + ".")
                .withFeed(Paths.categoryFeed(cat), "Daily Papers in " + cat)
                .withFollow("category", cat);
        model.addAttribute(
                "view",
                listing(
                        meta,
                        "Category " + cat,
                        "Every paper of the daily feed in " + cat + " or, for an archive such as cs, any of its"
                                + " categories.",
                        null,
                        null,
                        List.of(),
                        f,
                        result,
                        path,
                        "No papers of the daily feed are in " + cat + "."));
        return "listing";
    }

    @GetMapping("/organizations/{name}")
    String organization(
            @PathVariable String name,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String page,
            Model model) {
        String org = name.strip();
        String path = Paths.organization(org);
        Filters f = new Filters(path, parseSort(sort, path), parseCategory(category), parsePage(page));
        LocalDate latest = reads.latestDay().orElse(LocalDate.now(java.time.ZoneOffset.UTC));
        DailyPage result = reads.daily(
                new DailyQuery(BEGINNING, latest, f.sort(), f.category(), org), (f.page() - 1) * PAGE_SIZE, PAGE_SIZE);
        String label = result.items().stream()
                .map(dp -> dp.entry().organization())
                .filter(o -> o != null && o.fullname() != null && !o.fullname().isBlank())
                .map(o -> o.fullname())
                .findFirst()
                .orElse(org);
        PageMeta meta = PageMeta.of(label, "")
                .withDescription("Daily Papers of " + label + ".")
                .withFeed(Paths.organizationFeed(org), "Daily Papers of " + label)
                .withFollow("organization", org);
        model.addAttribute(
                "view",
                listing(
                        meta,
                        label,
                        "Papers submitted to the daily feed for this organisation.",
                        null,
                        null,
                        List.of(),
                        f,
                        result,
                        path,
                        "No papers of the daily feed belong to the organisation '" + org + "'."));
        return "listing";
    }

    private ListingView listing(
            PageMeta meta,
            String heading,
            @Nullable String intro,
            @Nullable Link previous,
            @Nullable Link next,
            List<Link> periods,
            Filters f,
            DailyPage result,
            String exportPath,
            String emptyMessage) {
        List<Link> sorts = new ArrayList<>();
        for (DailySort s : List.of(DailySort.UPVOTES, DailySort.TRENDING, DailySort.PUBLISHED_AT)) {
            sorts.add(new Link(sortLabel(s), f.with(s, f.category(), 1), s == f.sort()));
        }
        return new ListingView(
                meta,
                heading,
                intro,
                previous,
                next,
                periods,
                sorts,
                f.path(),
                sortName(f.sort()),
                f.category(),
                votes.mark(result.items().stream().map(Cards::of).toList()),
                result.total(),
                pageLink(f, f.page() - 1, result.total()),
                pageLink(f, f.page() + 1, result.total()),
                emptyMessage,
                exports(f, exportPath),
                offersSources(f.path()),
                f.source(),
                f.venue(),
                offersSources(f.path()) ? reads.venues() : List.of());
    }

    /**
     * The daily feed's pages (latest, day, week, month, trending) filter by source and venue, as
     * {@code /api/daily_papers} does; category and organisation pages keep to their one filter.
     */
    static boolean offersSources(String path) {
        return !path.startsWith("/categories/") && !path.startsWith("/organizations/");
    }

    /** The list as files: the page's path with {@code .bib} or {@code .ris}, the same order and category. */
    private static List<Link> exports(Filters f, String path) {
        return List.of(Link.to("BibTeX", f.on(path + ".bib")), Link.to("RIS", f.on(path + ".ris")));
    }

    private static @Nullable Link pageLink(Filters f, int page, long total) {
        if (page < 1 || (long) (page - 1) * PAGE_SIZE >= total) {
            return null;
        }
        return new Link(
                page < f.page() ? "← Previous page" : "Next page →", f.with(f.sort(), f.category(), page), false);
    }

    private static @Nullable Link nextIfNotFuture(LocalDate end, String label, String href) {
        return end.isBefore(LocalDate.now(java.time.ZoneOffset.UTC)) ? new Link(label, href, false) : null;
    }

    static String isoWeek(LocalDate day) {
        return String.format(
                Locale.ROOT,
                "%d-W%02d",
                day.get(IsoFields.WEEK_BASED_YEAR),
                day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** Day pages rank by upvotes as Hugging Face does; whole-catalog pages show the newest first. */
    static DailySort defaultSortOf(String path) {
        return path.startsWith("/categories/") || path.startsWith("/organizations/")
                ? DailySort.PUBLISHED_AT
                : DailySort.UPVOTES;
    }

    static String sortName(DailySort s) {
        return switch (s) {
            case UPVOTES -> "upvotes";
            case TRENDING -> "trending";
            case PUBLISHED_AT -> "newest";
        };
    }

    private static String sortLabel(DailySort s) {
        return switch (s) {
            case UPVOTES -> "Most upvoted";
            case TRENDING -> "Trending";
            case PUBLISHED_AT -> "Newest";
        };
    }

    static DailySort parseSort(@Nullable String sort, String path) {
        if (sort == null || sort.isBlank()) {
            return defaultSortOf(path);
        }
        if (sort.strip().equalsIgnoreCase("newest")) {
            return DailySort.PUBLISHED_AT;
        }
        return DailySort.fromApiName(sort.strip())
                .orElseThrow(() -> new WebErrors.BadRequest(
                        "The order '" + sort + "' is unknown; use sort=upvotes, sort=trending or sort=newest."));
    }

    static @Nullable String parseCategory(@Nullable String category) {
        if (category == null || category.isBlank()) {
            return null;
        }
        String c = category.strip();
        if (!CATEGORY.matcher(c).matches()) {
            throw new WebErrors.BadRequest(
                    "'" + category + "' is not an arXiv category; use one such as cs.CL, or an archive such as cs.");
        }
        return c;
    }

    /** {@code source=} of the site's pages, any case; blank means all. */
    static @Nullable Source parseSource(@Nullable String source) {
        if (source == null || source.isBlank()) {
            return null;
        }
        return Source.parse(source)
                .orElseThrow(
                        () -> new WebErrors.BadRequest("source: '" + source + "' is not one of " + Source.names()));
    }

    /** {@code venue=} of the site's pages ({@link Venues}), any case; blank means all. */
    static @Nullable String parseVenue(@Nullable String venue) {
        if (venue == null || venue.isBlank()) {
            return null;
        }
        return Venues.parse(venue)
                .orElseThrow(() -> new WebErrors.BadRequest("venue: '" + venue + "' is not " + Venues.EXPECTED));
    }

    static int parsePage(@Nullable String page) {
        if (page == null || page.isBlank()) {
            return 1;
        }
        try {
            int p = Integer.parseInt(page.strip());
            if (p >= 1 && p <= 10_000) {
                return p;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new WebErrors.BadRequest("The page number '" + page + "' does not work; pages count from 1.");
    }

    private static FeedWindow window(String text, String example, java.util.function.Supplier<FeedWindow> parse) {
        try {
            return parse.get();
        } catch (BadParameterException e) {
            throw new WebErrors.BadRequest("'" + text + "' is not "
                    + example.replaceFirst("^an? ", "a valid ").replaceFirst(" such as .*", "") + "; give " + example
                    + ".");
        }
    }
}
