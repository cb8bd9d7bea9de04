/**
 * Citation and interchange formats for researchers' tools and agents: BibTeX (arXiv's conventions) and RIS for one
 * paper or many, stable citation keys, Highwire Press {@code citation_*} meta tags and COinS for Zotero's page
 * translators, reflowed abstracts, and the Markdown view of a paper. Pure functions over the paper module's records
 * behind the {@link org.dailypapers.cite.Citations} facade; the web, api, community and cli modules serve them. Owns
 * no data.
 */
@NullMarked
package org.dailypapers.cite;

import org.jspecify.annotations.NullMarked;
