#!/usr/bin/env python3
# Usage: es-compare.py CORPUS.jsonl.gz ES_URL OUR_URL N [index]
"""Side by side over HTTP, one request at a time, interleaved: our /api/search?mode=bm25 (page of 20, facets,
snippets, exact total) against Elasticsearch 9.2 doing the same work (multi_match title^2 + abstract, a category
terms aggregation, highlights, track_total_hits) on the same papers. Same client (urllib, keep-alive off)."""
import gzip, json, random, sys, time, urllib.request, urllib.parse, http.client

corpus, es, ours, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
index = 'cmp'

def es_req(method, path, body=None, ctype='application/json'):
    u = urllib.parse.urlparse(es)
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=120)
    c.request(method, path, body=body, headers={'Content-Type': ctype})
    r = c.getresponse(); data = r.read(); c.close()
    return r.status, data

papers = [json.loads(l) for l in gzip.open(corpus, 'rt', encoding='utf-8') if l.strip()]
if len(sys.argv) > 5 and sys.argv[5] == 'index':
    es_req('DELETE', '/' + index)
    mapping = {'settings': {'number_of_shards': 1, 'number_of_replicas': 0, 'refresh_interval': '-1'},
               'mappings': {'properties': {'title': {'type': 'text'}, 'abstract': {'type': 'text'},
                                           'categories': {'type': 'keyword'}}}}
    print(es_req('PUT', '/' + index, json.dumps(mapping))[0])
    t0 = time.time()
    for i in range(0, len(papers), 2000):
        lines = []
        for p in papers[i:i + 2000]:
            lines.append(json.dumps({'index': {'_index': index, '_id': p['id']}}))
            lines.append(json.dumps({'title': p['title'], 'abstract': p.get('summary') or '',
                                     'categories': p.get('categories') or []}))
        s, d = es_req('POST', '/_bulk', '\n'.join(lines) + '\n', 'application/x-ndjson')
        assert s == 200 and not json.loads(d)['errors'], d[:300]
    es_req('POST', '/' + index + '/_refresh'); es_req('POST', '/' + index + '/_forcemerge?max_num_segments=1')
    es_req('PUT', '/' + index + '/_settings', json.dumps({'index': {'refresh_interval': '1s'}}))
    print('es bulk: %d docs in %.1f s (%.0f docs/s incl. refresh and force-merge)' % (len(papers), time.time() - t0, len(papers) / (time.time() - t0)))

random.seed(7)
titles = random.sample([p['title'] for p in papers], n + 100)
warm, timed = titles[:100], titles[100:]

def ours_q(t):
    u = urllib.parse.urlparse(ours)
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=120)
    c.request('GET', '/api/search?mode=bm25&q=' + urllib.parse.quote(t))
    r = c.getresponse(); r.read(); c.close(); return r.status

def es_q(t):
    body = {'size': 20, 'track_total_hits': True,
            'query': {'multi_match': {'query': t, 'fields': ['title^2', 'abstract']}},
            'aggs': {'category': {'terms': {'field': 'categories', 'size': 30}}},
            'highlight': {'fields': {'title': {'number_of_fragments': 0},
                                     'abstract': {'fragment_size': 150, 'number_of_fragments': 2}}}}
    return es_req('POST', '/' + index + '/_search', json.dumps(body))[0]

for t in warm:
    ours_q(t); es_q(t)
lat = {'ours': [], 'es': []}; errors = {'ours': 0, 'es': 0}
for t in timed:
    for name, f in (('ours', ours_q), ('es', es_q)):
        t0 = time.perf_counter(); s = f(t); lat[name].append((time.perf_counter() - t0) * 1000)
        if s != 200: errors[name] += 1
def pct(a, p):
    a = sorted(a); return a[min(len(a) - 1, max(0, int(round(p / 100 * len(a))) - 1))]
for name in ('ours', 'es'):
    print('%-4s /api/search bm25 full: p50=%.2f ms p99=%.2f ms max=%.2f ms errors=%d (%d title queries, interleaved)' % (
        name, pct(lat[name], 50), pct(lat[name], 99), max(lat[name]), errors[name], len(timed)))
print('ratio ours/es p50=%.2f' % (pct(lat['ours'], 50) / pct(lat['es'], 50)))
