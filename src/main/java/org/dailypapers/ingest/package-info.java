/**
 * Bringing papers in: file importers (Kaggle arXiv snapshot, arXiv daily listings, Hugging Face daily_papers
 * responses, the project's own export format), the bundled demo data set and the export that writes it; the arXiv
 * OAI-PMH harvester with its stored progress ({@code arxiv_harvest}), the arXiv API client ({@link
 * org.dailypapers.ingest.ArxivClient}), and the automatic curation that proposes harvested papers for the daily
 * feed (rules file, {@code curation_dismissal}, admin page {@code /admin/curation}). All arXiv traffic goes through
 * one polite gate. Writes papers only through the paper catalog's facade.
 */
@ApplicationModule(allowedDependencies = {"paper", "search", "shared", "summary"})
@NullMarked
package org.dailypapers.ingest;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
