// Long work in slices, so that a 100,000-word page never freezes the tab.
//
// A loop asks `pace.due()` every few hundred steps and, when its slice is used up, awaits
// `pace.pause()`, which gives the page a task's turn. Work that fits in one slice never
// pauses, so it runs to its end in microtasks: a small article's re-render is followed inside
// the MutationObserver's own microtask, before the next frame.

const SLICE_MS = 20; // work between two pauses: well under 50 ms even when the machine is busy

export function pacer() {
  let since = performance.now();
  return {
    due: () => performance.now() - since > SLICE_MS,
    async pause() {
      await new Promise((resolve) => setTimeout(resolve, 0));
      since = performance.now();
    },
  };
}
