package org.dailypapers.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/** The body of every API error: {@code error} says what is wrong and names the parameter at fault. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, @Nullable String parameter) {}
