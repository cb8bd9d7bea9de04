package org.dailypapers.account;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts {@link PageContext} into the model of every page. */
@ControllerAdvice
@ConditionalOnWebApplication
class PageContextAdvice {

    @ModelAttribute("security")
    PageContext page(HttpServletRequest request) {
        return PageContext.of(request);
    }
}
