/**
 * The JSON API under {@code /api}. Paper and daily-paper objects carry Hugging Face's field names and shapes so that
 * existing HF clients ({@code huggingface_hub}'s {@code list_daily_papers}, {@code paper_info}) read a self-hosted
 * instance unchanged. Owns no data; reads through the other modules' facades.
 */
@NullMarked
package org.dailypapers.api;

import org.jspecify.annotations.NullMarked;
