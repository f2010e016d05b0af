// Where the demo's text comes from: a bundled sample, the text area, the Analyze button, a
// file opened or dropped anywhere on the page.
//
// `wireInput({request, requestSoon, onError})` connects those controls: `request(text)` asks
// for an analysis now, `requestSoon(text)` after the reader pauses typing, `onError(message)`
// reports a file that cannot be read. `showSample(id)` puts a sample in the text area and asks
// for it. A dropped file is read here rather than opened by the browser in place of the page.

import { samples } from './samples.js';
import { textFromFile } from './intake.js';

const $ = (id) => document.getElementById(id);

export function wireInput({ request, requestSoon, onError }) {
  const source = $('source');
  const sample = $('sample');
  const dropzone = $('dropzone');

  for (const s of samples) {
    const option = document.createElement('option');
    option.value = s.id;
    option.textContent = s.title;
    sample.append(option);
  }
  sample.addEventListener('change', (e) => {
    const chosen = samples.find((s) => s.id === e.target.value);
    if (!chosen) return;
    source.value = chosen.text;
    request(chosen.text);
  });

  source.addEventListener('input', () => {
    sample.value = '';
    requestSoon(source.value);
  });
  $('analyze').addEventListener('click', () => request(source.value));

  async function openFile(file) {
    try {
      const text = await textFromFile(file);
      source.value = text;
      sample.value = '';
      request(text);
    } catch (e) {
      onError(e.message);
    }
  }

  $('file').addEventListener('change', (e) => {
    if (e.target.files[0]) openFile(e.target.files[0]);
    e.target.value = '';
  });
  addEventListener('dragover', (e) => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    dropzone.classList.add('dragging');
  });
  addEventListener('dragleave', (e) => {
    if (!e.relatedTarget) dropzone.classList.remove('dragging');
  });
  addEventListener('drop', (e) => {
    if (!e.dataTransfer?.files.length) return;
    e.preventDefault();
    dropzone.classList.remove('dragging');
    openFile(e.dataTransfer.files[0]);
  });

  return {
    showSample(id) {
      sample.value = id;
      source.value = samples.find((s) => s.id === id).text;
      request(source.value);
    },
  };
}
