// Sourcelight's options: sites to run on without a click, palette, default grouping, and
// whether statements of wishes and plans ("the council plans to…") are shown.
//
// Design:
// - A site is stored as an origin match pattern ("https://host/*"). Its host permission is
//   requested at the moment the user adds it, inside the click (both browsers need a user
//   gesture, and Firefox loses it at the first await); the background registers the content
//   script on granted sites when the list or the permissions change. Removing a site gives the
//   permission back.
// - Palettes come from the shared palette module, so the options cannot offer a name the
//   renderers do not know.

import { paletteNames } from './shared/palette.js';

const api = globalThis.browser ?? globalThis.chrome;
const $ = (id) => document.getElementById(id);
const DEFAULTS = { palette: 'light', grouping: 'person', sites: [], hideIntentions: false };

function patternOf(address) {
  const url = new URL(address.includes('://') ? address : `https://${address}`);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('only http and https sites can be read');
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
    api.permissions.request({ origins: [pattern] }).then(async (granted) => {
      if (!granted) {
        $('sites-status').textContent = 'Access was not allowed; the site still runs only on click.';
        return;
      }
      const { sites } = await api.storage.local.get(DEFAULTS);
      if (!sites.includes(pattern)) await api.storage.local.set({ sites: [...sites, pattern] });
      $('site').value = '';
      $('sites-status').textContent = '';
      showSites();
    });
  });
  showSites();
}

main();
