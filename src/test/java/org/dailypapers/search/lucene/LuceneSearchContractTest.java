package org.dailypapers.search.lucene;

import org.dailypapers.search.SearchContractTest;

/** The search contract on the embedded Lucene index (the default backend). */
class LuceneSearchContractTest extends SearchContractTest {

    @Override
    protected String backendName() {
        return "lucene";
    }
}
