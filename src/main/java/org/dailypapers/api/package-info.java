/**
 * The JSON API under {@code /api}. Paper and daily-paper objects carry Hugging Face's field names and shapes so that
 * existing HF clients ({@code huggingface_hub}'s {@code list_daily_papers}, {@code paper_info}) read a self-hosted
 * instance unchanged. Owns no data; reads through the other modules' facades.
 *
 * <p>The named interface {@code parameters} ({@link org.dailypapers.api.FeedWindow}, {@link
 * org.dailypapers.api.BadParameterException}, {@link org.dailypapers.api.ApiParameters}, {@link
 * org.dailypapers.api.ApiError}) is what the site's pages share with the API: the same day, week and month windows
 * and the one error body.
 */
@ApplicationModule(allowedDependencies = {"cite", "community", "paper", "search", "shared", "summary"})
@NullMarked
package org.dailypapers.api;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
