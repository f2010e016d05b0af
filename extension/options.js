// Sourcelight's options: sites to run on without a click, palette, default grouping, and
// whether statements of wishes and plans ("the council plans to…") are shown.
//
// Design:
// - A site is stored as an origin match pattern ("https://host/*"). Its host permission is
//   requested at the moment the user adds it, inside the click (both browsers need a user
//   gesture, and Firefox loses it at the first await); the background registers the content
//   script on granted sites when the list or the permissions change. Removing a site gives the
//   permission back.
// - One site at a time, by its exact host, over http or https. A wildcard host ("https://*",
//   "*.example.com") is refused: the first asks for every site there is, the second for every
//   subdomain, which on a shared host are other people's sites. Other schemes (file:, ftp:,
//   the browser's own pages) are refused too. The page says why; the browser's own URL check is
//   off (`novalidate`), since it would refuse "example.com" and let "https://*" through.
// - Palettes come from the shared palette module, so the options cannot offer a name the
//   renderers do not know.

import { paletteNames } from './shared/palette.js';

const api = globalThis.browser ?? globalThis.chrome;
const $ = (id) => document.getElementById(id);
const DEFAULTS = { palette: 'light', grouping: 'person', sites: [], hideIntentions: false };
const WILDCARD = 'wildcards such as * would reach every site they match; add each site by its own address';
const NOT_AN_ADDRESS = 'type a site’s address, such as www.example-news.com';

function patternOf(address) {
  if (address.includes('*')) throw new Error(WILDCARD);
  let url;
  try {
    url = new URL(/^[a-z][\w+.-]*:(?!\d)/i.test(address) ? address : `https://${address}`); // "host:8080" has no scheme
  } catch {
    throw new Error(NOT_AN_ADDRESS);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('only http and https sites can be read');
  if (/%2a/i.test(url.hostname)) throw new Error(WILDCARD); // an escaped '*', which Chromium's parser keeps as such
  if (!/^([a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/i.test(url.hostname)) throw new Error(NOT_AN_ADDRESS);
  return `${url.protocol}//${url.hostname}/*`;
}

async function showSites() {
  const { sites } = await api.storage.local.get(DEFAULTS);
  const list = $('sites');
  list.replaceChildren(
    ...sites.map((site) => {
      const item = document.createElement('li');
      const name = document.createElement('span');
      name.textContent = site.replace(/\/\*$/, '');
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.textContent = 'Remove';
      remove.addEventListener('click', async () => {
        const { sites: now } = await api.storage.local.get(DEFAULTS);
        await api.storage.local.set({ sites: now.filter((s) => s !== site) });
        await api.permissions.remove({ origins: [site] });
        showSites();
      });
      item.append(name, remove);
      return item;
    }),
  );
}

function main() {
  const palette = $('palette');
  for (const name of paletteNames) {
    const option = document.createElement('option');
    option.value = name;
    option.textContent = name;
    palette.append(option);
  }
  api.storage.local.get(DEFAULTS).then((prefs) => {
    palette.value = prefs.palette;
    $('grouping').value = prefs.grouping;
    $('intentions').checked = !prefs.hideIntentions;
  });
  $('intentions').addEventListener('change', () => api.storage.local.set({ hideIntentions: !$('intentions').checked }));
  palette.addEventListener('change', () => api.storage.local.set({ palette: palette.value }));
  $('grouping').addEventListener('change', () => api.storage.local.set({ grouping: $('grouping').value }));

  $('add-site').addEventListener('submit', (event) => {
    event.preventDefault();
    let pattern;
    try {
      pattern = patternOf($('site').value.trim());
    } catch (error) {
      $('sites-status').textContent = `Not a site address: ${error.message}`;
      return;
    }
    // Requested first, before any await, while the click still counts as the user's.
    api.permissions.request({ origins: [pattern] }).then(
      async (granted) => {
        if (!granted) {
          $('sites-status').textContent = 'Access was not allowed; the site still runs only on click.';
          return;
        }
        const { sites } = await api.storage.local.get(DEFAULTS);
        if (!sites.includes(pattern)) await api.storage.local.set({ sites: [...sites, pattern] });
        $('site').value = '';
        $('sites-status').textContent = '';
        showSites();
      },
      (error) => ($('sites-status').textContent = `Access could not be asked for: ${error.message}`),
    );
  });
  showSites();
}

main();
