package org.dailypapers.ingest;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.dailypapers.paper.ArxivId;
import org.dailypapers.paper.DailyPaper;
import org.dailypapers.paper.DailyQuery;
import org.dailypapers.paper.DailySort;
import org.dailypapers.paper.PaperCatalog;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The admin page of automatic curation: edit the rules file, see and remove what curation proposed recently. Only
 * for admins ({@link CurationAdminSecurity}). A rules text with a mistake is shown again with the mistake named
 * and the file left as it was, so nothing typed is lost.
 */
@Controller
@RequestMapping("/admin/curation")
class CurationAdminController {

    /** The proposals of the feed's last week are listed for review. */
    private static final int REVIEW_DAYS = 7;

    private static final int REVIEW_LIMIT = 500;

    private final Curation curation;
    private final PaperCatalog catalog;

    CurationAdminController(Curation curation, PaperCatalog catalog) {
        this.curation = curation;
        this.catalog = catalog;
    }

    @GetMapping
    String page(@RequestParam(name = "notice", required = false) @Nullable String notice, Model model, CsrfToken csrf) {
        String text = curation.text();
        String error = null;
        try {
            curation.check();
        } catch (IllegalArgumentException e) {
            // the file on disk has a mistake: show it, next to the rules still in force
            error = e.getMessage();
        }
        return render(model, csrf, text, curation.rules(), error, notice == null ? null : notices(notice));
    }

    @PostMapping("/rules")
    String save(@RequestParam("rules") String text, Model model, CsrfToken csrf, HttpServletResponse response) {
        try {
            curation.save(text);
        } catch (IllegalArgumentException e) {
            response.setStatus(422);
            return render(model, csrf, text, curation.rules(), e.getMessage(), null);
        }
        return "redirect:/admin/curation?notice=saved";
    }

    @PostMapping("/remove")
    String remove(@RequestParam("id") String id, Model model, CsrfToken csrf, HttpServletResponse response) {
        Optional<ArxivId> parsed = ArxivId.parse(id);
        if (parsed.isEmpty() || !curation.dismiss(parsed.get())) {
            response.setStatus(400);
            return render(
                    model,
                    csrf,
                    curation.text(),
                    curation.rules(),
                    "id: " + id + " is not on the feed as a proposal of curation",
                    null);
        }
        return "redirect:/admin/curation?notice=removed";
    }

    private String render(
            Model model,
            CsrfToken csrf,
            String text,
            CurationRules rules,
            @Nullable String error,
            @Nullable String notice) {
        model.addAttribute("file", curation.file().toAbsolutePath().toString());
        model.addAttribute("text", text);
        model.addAttribute("rules", rules.rules());
        model.addAttribute("maxAgeDays", rules.maxAgeDays());
        model.addAttribute("error", error);
        model.addAttribute("notice", notice);
        model.addAttribute("proposals", proposals());
        model.addAttribute("csrfParameter", csrf.getParameterName());
        model.addAttribute("csrfToken", csrf.getToken());
        return "ingest/curation";
    }

    private List<DailyPaper> proposals() {
        Optional<LocalDate> latest = catalog.latestDay();
        if (latest.isEmpty()) {
            return List.of();
        }
        DailyQuery week = new DailyQuery(
                latest.get().minusDays(REVIEW_DAYS - 1), latest.get(), DailySort.PUBLISHED_AT, null, null);
        return catalog.daily(week, 0, REVIEW_LIMIT).items().stream()
                .filter(dp -> Curation.isProposal(dp.entry()))
                .toList();
    }

    private static @Nullable String notices(String code) {
        return switch (code) {
            case "saved" -> "Rules saved. The next harvest uses them.";
            case "removed" -> "Removed from the feed; it will not be proposed again.";
            default -> null;
        };
    }
}
