// A click or tap on a highlighted statement chooses it: the popup, opened next, shows that
// statement's card focused and in view (the popup closes as soon as the page is used, so the
// choice waits in the page's session).
//
// `createPicker({whoAt, onPick})`: `whoAt(x, y, target)` is the painter's hit test, `onPick(i)`
// receives the index of the statement clicked. Returns `{remove()}`. The listener is passive
// and never stops the click: a statement inside a link still follows the link.

export function createPicker({ whoAt, onPick }) {
  function onClick(event) {
    const target = event.composedPath()[0];
    const el = target?.nodeType === 1 ? target : target?.parentElement;
    const who = el ? whoAt(event.clientX, event.clientY, el) : null;
    if (who?.attribution != null) onPick(who.attribution);
  }
  document.addEventListener('click', onClick, { capture: true, passive: true });
  return {
    remove() {
      document.removeEventListener('click', onClick, { capture: true });
    },
  };
}
