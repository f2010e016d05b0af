// The demo's two filters, which combine: a party (or side) shown alone, chosen in the legend or
// on the summary's bar (`state.selected`, a group key), and one way of giving sources listed
// alone, chosen in the summary (`state.sourcing`, a class of the engine's `sourcing`).
//
// `createFilters({state, render})` works on the page's state (with its `analysis` and
// `groups`) and calls `render()` after a change. It returns:
//   painted()        the analysis to paint: what the filters hide keeps its index but no span
//   pickGroup(key)   show group `key` alone, or everyone again if it was alone; the focus
//                    goes back to its legend button, which says whether it is pressed
//   pickSegment(key) the same from the bar; the smaller parties' segment opens their list
//   pickSourcing(cls)  list only statements of class `cls` (null: all)
//   lift(i)          clear the filters if they hide statement i; whether they did
//   mark()           after a render: legend buttons pressed or not, other parties' lists hidden
//
// Why the filters hide rather than re-analyze: indices stay those of the analysis, so the
// links between the text and the list, the keys and the exports need not know about them.

export function createFilters({ state, render }) {
  const group = () => (state.selected ? new Set(state.groups.find((g) => g.key === state.selected)?.attributions ?? []) : null);

  function passes() {
    const members = group();
    if (!members && !state.sourcing) return null;
    return (a, i) => (!members || members.has(i)) && (!state.sourcing || a.sourcing === state.sourcing);
  }

  const focus = (selector) => document.querySelector(selector)?.focus();

  function pickGroup(key) {
    state.selected = state.selected === key ? null : key;
    render();
    focus(`.sl-legend-item[data-group="${CSS.escape(key)}"]`);
  }

  return {
    painted() {
      const { analysis } = state;
      const ok = passes();
      return ok ? { ...analysis, attributions: analysis.attributions.map((a, i) => (ok(a, i) ? a : { ...a, content: [], speaker: null })) } : analysis;
    },
    pickGroup,
    pickSegment(key) {
      if (key !== 'smaller') return pickGroup(key);
      const more = document.querySelector('.sl-smaller');
      if (!more) return;
      more.open = true;
      more.querySelector('summary').focus();
    },
    pickSourcing(cls) {
      const pressed = cls ?? state.sourcing;
      state.sourcing = cls;
      render();
      focus(`.sl-sourcing-filter[data-sourcing="${pressed}"]`);
    },
    lift(i) {
      const ok = passes();
      if (!ok || ok(state.analysis.attributions[i], i)) return false;
      state.selected = null;
      state.sourcing = null;
      render();
      return true;
    },
    mark() {
      for (const button of document.querySelectorAll('.sl-legend-item')) button.setAttribute('aria-pressed', String(button.dataset.group === state.selected));
      if (!state.selected) return;
      for (const section of document.querySelectorAll('.sl-claims-group')) section.hidden ||= section.dataset.group !== state.selected;
    },
  };
}
