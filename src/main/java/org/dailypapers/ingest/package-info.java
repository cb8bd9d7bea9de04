/**
 * Bringing papers in: file importers (Kaggle arXiv snapshot, arXiv daily listings, Hugging Face daily_papers
 * responses, the project's own export format), the bundled demo data set, and the export that writes it. Later also
 * the OAI-PMH harvester and the arXiv API client. Writes only through the paper catalog's facade.
 */
@NullMarked
package org.dailypapers.ingest;

import org.jspecify.annotations.NullMarked;
