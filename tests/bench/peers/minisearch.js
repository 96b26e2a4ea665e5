// The MiniSearch peer: prefix and fuzzy matching (edit distance up to a fifth of each
// word), every word required, MiniSearch's own BM25 order.
import MiniSearch from '/peers/lib/minisearch.js';
import { start } from './peer.js';

start((texts) => {
  const index = new MiniSearch({ fields: ['text'], idField: 'id' });
  index.addAll(texts.map((text, id) => ({ id, text })));
  const options = { prefix: true, fuzzy: 0.2, combineWith: 'AND' };
  return (query) => index.search(query, options).map((hit) => hit.id);
}, 'MiniSearch 7.2.0');
