package org.dailypapers.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /docs}: how programs read this instance (JSON API, OpenAPI description, Atom feeds). */
@Controller
class DocsController {

    @GetMapping("/docs")
    String docs(Model model) {
        model.addAttribute("page", PageMeta.of("API and feeds", "docs").withFeed("/feeds/daily.atom", "Daily Papers"));
        return "docs";
    }
}
