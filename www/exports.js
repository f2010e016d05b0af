// The demo's exports: the analysis as JSON, the per-party summary as Markdown (downloaded or
// copied). Made in the page from the analysis it holds, through a Blob: nothing is sent.
//
// `wireExports({current, setStatus})`: `current()` gives `{analysis, grouping}` or null when
// nothing has been analyzed yet.

import { toMarkdown, toJSON } from './shared/render.js';

const $ = (id) => document.getElementById(id);

function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function wireExports({ current, setStatus }) {
  const analyzed = () => {
    const now = current();
    if (!now) setStatus('There is nothing to export yet: analyze an article first.', { error: true });
    return now;
  };
  $('export-json').addEventListener('click', () => {
    const now = analyzed();
    if (now) download('sourcelight-analysis.json', 'application/json', toJSON(now.analysis));
  });
  $('export-md').addEventListener('click', () => {
    const now = analyzed();
    if (now) download('sourcelight-summary.md', 'text/markdown', toMarkdown(now.analysis, { grouping: now.grouping }));
  });
  $('copy-md').addEventListener('click', async () => {
    const now = analyzed();
    if (!now) return;
    try {
      await navigator.clipboard.writeText(toMarkdown(now.analysis, { grouping: now.grouping }));
      setStatus('The Markdown summary is on the clipboard.');
    } catch {
      setStatus('The browser did not allow copying. Use “Download Markdown” instead.', { error: true });
    }
  });
}
