// The page's tree as it is rendered: open shadow roots and slots included.
//
// The article may sit inside a web component, so every walk and every containment test goes
// through the composed tree: a shadow root's parent is its host, a host's children are those
// of its shadow root, a slot's children are the nodes assigned to it. TreeWalker and
// textContent stop at shadow roots, which is why these walks are written by hand.

/** The parent in the composed tree: the host for a shadow root's children. */
export function composedParent(node) {
  const parent = node.parentNode;
  // Only a shadow root is a fragment with a host (an <a>'s `host` is a string, not a node).
  return parent?.nodeType === 11 ? parent.host ?? null : parent;
}

/** Whether `node` is `outer` or lies under it in the composed tree. */
export function composedContains(outer, node) {
  for (let n = node; n; n = composedParent(n)) if (n === outer) return true;
  return false;
}

/** Children in rendered order: a shadow root replaces the light children, a slot shows what is assigned to it. */
export function composedChildren(node) {
  if (node.shadowRoot) return node.shadowRoot.childNodes;
  if (node.localName === 'slot') {
    const assigned = node.assignedNodes({ flatten: true });
    if (assigned.length) return assigned;
  }
  return node.childNodes;
}

/** The nearest element that holds both `a` and `b`, or null. */
export function commonAncestor(a, b) {
  const seen = new Set();
  for (let n = a; n; n = composedParent(n)) seen.add(n);
  for (let n = b; n; n = composedParent(n)) if (seen.has(n) && n.nodeType === 1) return n;
  return null;
}

/** The text nodes under `el` in the composed tree (in no particular order). */
export function* composedTexts(el) {
  const stack = [el];
  while (stack.length) {
    const node = stack.pop();
    if (node.nodeType === 3) yield node;
    else for (const child of composedChildren(node)) stack.push(child);
  }
}
