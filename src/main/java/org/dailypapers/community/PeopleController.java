package org.dailypapers.community;

import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.dailypapers.account.Account;
import org.dailypapers.account.AccountPrincipal;
import org.dailypapers.account.AccountService;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.Paper;
import org.dailypapers.paper.PaperCatalog;
import org.dailypapers.shared.DailyPapersProperties;
import org.dailypapers.shared.SafeText;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** Author pages, authorship claims, organisations and collections (pages and the collections' Atom feeds). */
@Controller
@ConditionalOnWebApplication
class PeopleController {

    private final AccountService accounts;
    private final Authorship authorship;
    private final Organizations organizations;
    private final Collections collections;
    private final Submissions submissions;
    private final PaperCatalog catalog;
    private final DailyPapersProperties properties;

    PeopleController(
            AccountService accounts,
            Authorship authorship,
            Organizations organizations,
            Collections collections,
            Submissions submissions,
            PaperCatalog catalog,
            DailyPapersProperties properties) {
        this.accounts = accounts;
        this.authorship = authorship;
        this.organizations = organizations;
        this.collections = collections;
        this.submissions = submissions;
        this.catalog = catalog;
        this.properties = properties;
    }

    @GetMapping("/users/{handle}")
    String user(@AuthenticationPrincipal @Nullable AccountPrincipal viewer, @PathVariable String handle, Model model) {
        Account account = accounts.findByHandle(handle)
                .orElseThrow(() -> new CommunityException(
                        CommunityException.Kind.NOT_FOUND, null, "There is no user named '" + handle + "'."));
        boolean self = viewer != null && viewer.id() == account.id();
        List<AuthorshipClaim> claims = authorship.claimsOf(account.id()).stream()
                .filter(c -> self || c.status() == AuthorshipClaim.Status.CONFIRMED)
                .toList();
        model.addAttribute("account", account);
        model.addAttribute("claims", claims);
        model.addAttribute(
                "claimed",
                papersOf(claims.stream()
                        .filter(c -> c.status() == AuthorshipClaim.Status.CONFIRMED)
                        .map(AuthorshipClaim::paperId)
                        .toList()));
        model.addAttribute("submitted", catalog.findAll(submissions.submittedBy(account.id(), 50)));
        model.addAttribute("organizations", organizations.of(account.id()));
        model.addAttribute("collections", collections.ownedBy(account.id(), self));
        return "community/user";
    }

    private List<Paper> papersOf(List<ArxivId> ids) {
        return catalog.findAll(ids);
    }

    @GetMapping({"/papers/{id}/claim", "/papers/" + ArxivId.OLD_STYLE_PATH + "/claim"})
    String claimForm(@PathVariable Map<String, String> path, Model model) {
        Paper paper = paper(PaperPaths.paperId(path, "id"));
        model.addAttribute("paper", paper);
        model.addAttribute("claims", authorship.confirmedAuthors(paper.id()));
        return "community/claim";
    }

    @PostMapping({"/papers/{id}/claim", "/papers/" + ArxivId.OLD_STYLE_PATH + "/claim"})
    String claim(
            @AuthenticationPrincipal AccountPrincipal user,
            @PathVariable Map<String, String> path,
            @RequestParam(defaultValue = "") String author) {
        authorship.claim(user, CommunityApiController.parse(PaperPaths.paperId(path, "id")), author);
        return "redirect:/users/" + user.handle();
    }

    @GetMapping("/admin/claims")
    String claims(Model model) {
        model.addAttribute("claims", authorship.pending());
        return "community/claims";
    }

    @PostMapping({"/admin/claims/{userId}/{paperId}", "/admin/claims/{userId}/" + ArxivId.OLD_STYLE_PATH})
    String decide(
            @AuthenticationPrincipal AccountPrincipal admin,
            @PathVariable long userId,
            @PathVariable Map<String, String> path,
            @RequestParam boolean confirm) {
        authorship.decide(admin, userId, CommunityApiController.parse(PaperPaths.paperId(path, "paperId")), confirm);
        return "redirect:/admin/claims";
    }

    @GetMapping("/orgs")
    String organizations(Model model) {
        model.addAttribute("organizations", organizations.all());
        model.addAttribute("error", "");
        return "community/orgs";
    }

    @PostMapping("/orgs")
    String createOrganization(
            @AuthenticationPrincipal AccountPrincipal user,
            @RequestParam(defaultValue = "") String slug,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String description) {
        Organization org = organizations.create(user, slug, name, description);
        return "redirect:/orgs/" + org.slug();
    }

    @GetMapping("/orgs/{slug}")
    String organization(
            @AuthenticationPrincipal @Nullable AccountPrincipal viewer, @PathVariable String slug, Model model) {
        Organization org = org(slug);
        List<OrganizationMember> members = organizations.members(org);
        model.addAttribute("org", org);
        model.addAttribute("members", members);
        model.addAttribute("papers", organizations.papers(org, 200));
        model.addAttribute(
                "member",
                viewer != null && (viewer.admin() || members.stream().anyMatch(m -> m.userId() == viewer.id())));
        model.addAttribute(
                "orgAdmin",
                viewer != null
                        && (viewer.admin() || members.stream().anyMatch(m -> m.userId() == viewer.id() && m.admin())));
        return "community/org";
    }

    @PostMapping("/orgs/{slug}/members")
    String addMember(
            @AuthenticationPrincipal AccountPrincipal user,
            @PathVariable String slug,
            @RequestParam(defaultValue = "") String handle) {
        organizations.addMember(user, org(slug), handle);
        return "redirect:/orgs/" + slug;
    }

    @PostMapping("/orgs/{slug}/papers")
    String linkPaper(
            @AuthenticationPrincipal AccountPrincipal user,
            @PathVariable String slug,
            @RequestParam(defaultValue = "") String paperId) {
        organizations.linkPaper(user, org(slug), CommunityApiController.parse(paperId));
        return "redirect:/orgs/" + slug;
    }

    @PostMapping({"/orgs/{slug}/papers/{paperId}/remove", "/orgs/{slug}/papers/" + ArxivId.OLD_STYLE_PATH + "/remove"})
    String unlinkPaper(
            @AuthenticationPrincipal AccountPrincipal user,
            @PathVariable String slug,
            @PathVariable Map<String, String> path) {
        organizations.unlinkPaper(user, org(slug), CommunityApiController.parse(PaperPaths.paperId(path, "paperId")));
        return "redirect:/orgs/" + slug;
    }

    @GetMapping("/collections")
    String collections(@AuthenticationPrincipal @Nullable AccountPrincipal viewer, Model model) {
        model.addAttribute("mine", viewer == null ? List.of() : collections.ownedBy(viewer.id(), true));
        model.addAttribute("recent", collections.recentPublic(50));
        return "community/collections";
    }

    @PostMapping("/collections")
    String createCollection(
            @AuthenticationPrincipal AccountPrincipal user,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String description,
            @RequestParam(defaultValue = "false") boolean isPublic,
            @RequestParam(required = false) @Nullable String paperId) {
        PaperCollection c = collections.create(user, title, description, isPublic);
        if (paperId != null && !paperId.isBlank()) {
            collections.add(user, c.id(), CommunityApiController.parse(paperId));
        }
        return "redirect:/collections/" + c.id();
    }

    @GetMapping("/collections/{id}")
    String collection(@AuthenticationPrincipal @Nullable AccountPrincipal viewer, @PathVariable long id, Model model) {
        PaperCollection c = collection(id, viewer);
        model.addAttribute("collection", c);
        model.addAttribute("items", collections.items(c));
        model.addAttribute("owner", viewer != null && viewer.id() == c.ownerId());
        return "community/collection";
    }

    @PostMapping("/collections/{id}/items")
    String addItem(
            @AuthenticationPrincipal AccountPrincipal user,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String paperId) {
        collections.add(user, id, CommunityApiController.parse(paperId));
        return "redirect:/collections/" + id;
    }

    @PostMapping({
        "/collections/{id}/items/{paperId}/remove",
        "/collections/{id}/items/" + ArxivId.OLD_STYLE_PATH + "/remove"
    })
    String removeItem(
            @AuthenticationPrincipal AccountPrincipal user,
            @PathVariable long id,
            @PathVariable Map<String, String> path) {
        collections.remove(user, id, CommunityApiController.parse(PaperPaths.paperId(path, "paperId")));
        return "redirect:/collections/" + id;
    }

    @PostMapping("/collections/{id}/settings")
    String updateCollection(
            @AuthenticationPrincipal AccountPrincipal user,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String description,
            @RequestParam(defaultValue = "false") boolean isPublic) {
        collections.update(user, id, title, description, isPublic);
        return "redirect:/collections/" + id;
    }

    @PostMapping("/collections/{id}/delete")
    String deleteCollection(@AuthenticationPrincipal AccountPrincipal user, @PathVariable long id) {
        collections.delete(user, id);
        return "redirect:/collections";
    }

    /** Public collections only: a feed reader has no session, and a private feed must not leak by its URL. */
    @GetMapping(value = "/collections/{id}/feed.atom")
    ResponseEntity<String> collectionFeed(@PathVariable long id) throws FeedException {
        PaperCollection c = collection(id, null);
        String base = properties.baseUrl().replaceAll("/+$", "");
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setTitle(SafeText.clean(c.title() + " · collection by " + c.ownerHandle()));
        feed.setDescription(SafeText.clean(c.description()));
        feed.setUri(base + "/collections/" + c.id());
        feed.setLink(base + "/collections/" + c.id());
        SyndLinkImpl self = new SyndLinkImpl();
        self.setRel("self");
        self.setHref(base + "/collections/" + c.id() + "/feed.atom");
        SyndLinkImpl alternate = new SyndLinkImpl();
        alternate.setRel("alternate");
        alternate.setType("text/html");
        alternate.setHref(base + "/collections/" + c.id());
        feed.setLinks(List.of(alternate, self));
        feed.setPublishedDate(Date.from(c.updatedAt()));
        SyndPersonImpl owner = new SyndPersonImpl();
        owner.setName(SafeText.clean(c.ownerHandle()));
        feed.setAuthors(List.of(owner));
        List<SyndEntry> entries = new ArrayList<>();
        for (Collections.Item item : collections.items(c)) {
            Paper p = item.paper();
            SyndEntry e = new SyndEntryImpl();
            e.setTitle(SafeText.clean(p.title()));
            e.setLink(base + "/papers/" + p.id().id());
            e.setUri(base + "/papers/" + p.id().id());
            e.setPublishedDate(Date.from(item.addedAt()));
            e.setUpdatedDate(Date.from(item.addedAt()));
            SyndContentImpl summary = new SyndContentImpl();
            summary.setType("text");
            summary.setValue(SafeText.clean(p.abstractText()));
            e.setDescription(summary);
            List<com.rometools.rome.feed.synd.SyndPerson> authors = new ArrayList<>();
            for (String name : p.authors()) {
                SyndPersonImpl a = new SyndPersonImpl();
                a.setName(SafeText.clean(name));
                authors.add(a);
            }
            if (authors.isEmpty()) {
                authors.add(owner);
            }
            e.setAuthors(authors);
            entries.add(e);
        }
        feed.setEntries(entries);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .body(new SyndFeedOutput().outputString(feed));
    }

    private PaperCollection collection(long id, @Nullable AccountPrincipal viewer) {
        return collections
                .find(id, viewer)
                .orElseThrow(() -> new CommunityException(
                        CommunityException.Kind.NOT_FOUND, null, "Collection " + id + " does not exist."));
    }

    private Organization org(String slug) {
        return organizations
                .find(slug)
                .orElseThrow(() -> new CommunityException(
                        CommunityException.Kind.NOT_FOUND, null, "There is no organisation '" + slug + "'."));
    }

    private Paper paper(String id) {
        ArxivId paperId = CommunityApiController.parse(id);
        return catalog.find(paperId).orElseThrow(() -> new UnknownPaperException(paperId.id()));
    }

    @ExceptionHandler(CommunityException.class)
    ModelAndView failed(CommunityException e, HttpServletRequest request) {
        return CommunityController.message(request, HttpStatus.valueOf(e.kind().status()), e.getMessage());
    }

    @ExceptionHandler(UnknownPaperException.class)
    ModelAndView unknownPaper(UnknownPaperException e, HttpServletRequest request) {
        return CommunityController.message(request, HttpStatus.NOT_FOUND, e.getMessage());
    }
}
