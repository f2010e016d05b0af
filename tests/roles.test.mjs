// The roles of blocks (extension/content/roles.js) in Node, on small DOMs made with linkedom:
// each markup below is a shape seen on real pages, and the role the engine must be told.
// The browser tests check the same module on whole fixture pages (finder-*.test.mjs).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { roleOf } from '../extension/content/roles.js';

// The role of the element `#b` in `body`, whose text is that element's text.
function role(body, context = {}) {
  const { document } = parseHTML(`<!doctype html><html><body><article id="root">${body}</article></body></html>`);
  const el = document.getElementById('b');
  const root = document.getElementById('root');
  const headline = context.headline ? document.querySelector(context.headline) : null;
  return roleOf(el, el.textContent, { root, headline, author: context.author ?? '' });
}

test('the article’s headline, and other headings by what they say', () => {
  assert.equal(role('<h1 id="b">United States to Lift Ferry Sanctions</h1>', { headline: 'h1' }), 'headline');
  assert.equal(role('<h1 id="t">Title</h1><h2 id="b">Why the ferry matters to the islands</h2>', { headline: '#t' }), 'paragraph');
  assert.equal(role('<h2 id="b">Topics</h2>'), 'label');
  assert.equal(role('<h3 class="section-label" id="b">Harbour news</h3>'), 'label');
});

test('bylines and datelines from markup, schema.org and text', () => {
  assert.equal(role('<p class="meta" id="b">By Jane Doe · 5:57 PM ET · Follow @jdoe</p>'), 'byline');
  assert.equal(role('<div class="article-byline" id="b">Jane Doe, Oslo correspondent</div>'), 'byline');
  assert.equal(role('<p id="b"><a rel="author" href="/jane">Jane Doe</a></p>'), 'byline');
  assert.equal(role('<div id="b"><span itemprop="author">Jane Doe</span></div>'), 'byline');
  assert.equal(role('<address id="b">Jane Doe</address>'), 'byline');
  assert.equal(role('<p id="b">Jane Doe</p>', { author: 'Jane Doe' }), 'byline');
  assert.equal(role('<p id="b"><time datetime="2026-11-05">5 November 2026</time></p>'), 'dateline');
  assert.equal(role('<div class="published-date" id="b">Updated 5:57 PM ET</div>'), 'dateline');
  assert.equal(role('<div id="b"><span itemprop="datePublished">Thursday 5 November</span></div>'), 'dateline');
});

test('a sentence is not a byline or a dateline for starting like one', () => {
  assert.equal(role('<p id="b">By Thursday, officials said the ferry would run again.</p>'), 'paragraph');
  assert.equal(role('<p id="b">OSLO — After years of disputes, officials said on <time>Thursday</time> that the sanctions would end.</p>'), 'paragraph');
  assert.equal(role('<div class="author-note" id="b">“We have waited long enough for this,” said Lars Eide, who runs the ferry to Utsira and has done so for thirty years, in an interview on Friday.</div>'), 'paragraph');
});

test('captions, labels, list items, block quotes and standfirsts', () => {
  assert.equal(role('<figure><figcaption id="b">Foreign Minister Ingrid Halvorsen in Oslo</figcaption></figure>'), 'caption');
  assert.equal(role('<div class="image-caption" id="b">Ingrid Halvorsen in Oslo on Thursday</div>'), 'caption');
  assert.equal(role('<p id="b">Media caption</p>'), 'label');
  assert.equal(role('<div id="b">Image</div>'), 'label');
  assert.equal(role('<span class="kicker" id="b">Analysis</span>'), 'label');
  assert.equal(role('<ul><li id="b">the sanctions would end on the first of March;</li></ul>'), 'list_item');
  assert.equal(role('<blockquote id="b"><p>We have waited long enough.</p></blockquote>'), 'block_quote');
  assert.equal(role('<p class="standfirst" id="b">Oslo will lift the sanctions next month, the minister said.</p>'), 'standfirst');
  assert.equal(role('<p class="article-dek" id="b">The ferry will run again, the council said.</p>'), 'standfirst');
  assert.equal(role('<p id="b">The council voted on Tuesday.</p>'), 'paragraph');
});
