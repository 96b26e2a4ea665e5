// The FlexSearch peer: its default (case- and accent-folding) encoder, forward
// tokenization so that every prefix of a word matches, every word required, and no limit,
// since the counts by region, sector and platform are over every match.
import { Index } from '/peers/lib/flexsearch.js';
import { start } from './peer.js';

start((texts) => {
  const index = new Index({ tokenize: 'forward' });
  texts.forEach((text, id) => index.add(id, text));
  const options = { limit: texts.length };
  return (query) => index.search(query, options);
}, 'FlexSearch 0.8.212');
