package org.dailypapers.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/** The body of every API error: {@code error} says what is wrong and names the parameter at fault. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@NamedInterface("parameters")
public record ApiError(String error, @Nullable String parameter) {}
