// The demo's keys: `n` / `p` for the next and previous statement, Enter in the article to go
// back to the card of the statement shown, Escape to close a card.
//
// `wireKeys({step, back, hideCard})`: `step(±1)` moves between statements, `back()` returns
// from the article to the current statement's card, `hideCard()` closes the card. The
// single-letter keys can be turned off with the "Single-key shortcuts" box (WCAG 2.1.4: a
// reader using speech input or a screen reader's own keys must not trigger them by accident);
// the choice is remembered. They never act while a text field, list or checkbox has the focus.

const STORE = 'sourcelight-shortcuts';

export function wireKeys({ step, back, hideCard }) {
  const box = document.getElementById('shortcuts');
  box.checked = localStorage.getItem(STORE) !== 'off';
  box.addEventListener('change', () => localStorage.setItem(STORE, box.checked ? 'on' : 'off'));

  addEventListener('keydown', (e) => {
    if (e.key === 'Escape') hideCard();
    if (e.key === 'Enter' && e.target.id === 'text-view') {
      e.preventDefault();
      back();
      return;
    }
    if (!box.checked || e.ctrlKey || e.metaKey || e.altKey || e.target.closest('textarea, input, select')) return;
    if (e.key === 'n') step(1);
    else if (e.key === 'p') step(-1);
  });
}
