package org.dailypapers.shared;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/** The body of every JSON API error, whichever module answers: {@code error} says what is wrong and names the parameter at fault. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, @Nullable String parameter) {}
