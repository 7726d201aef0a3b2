// A body as a line diff, shared by the history screen (a revision against now) and the conflict
// panel (my text against the server's): the one place that renders jsdiff's parts, so both read
// alike to eyes and screen readers. Kept in the chunk with the diff library.
import { diffLines } from 'diff';
import { h } from './dom.js';

/**
 * The lines of `before` and `after`: those only in `before` marked −, those only in `after` +, each
 * told to screen readers with `beforeWord` / `afterWord`. Null when the texts have the same lines.
 */
export function lineDiff(before, after, { lang, labelledBy, beforeWord, afterWord, id }) {
  const parts = diffLines(before, after);
  if (!parts.some((p) => p.added || p.removed)) return null;
  const lines = [];
  for (const part of parts) {
    const text = part.value.endsWith('\n') ? part.value.slice(0, -1) : part.value;
    for (const line of text.split('\n')) {
      if (part.removed) lines.push(h('del', { class: 'line removed' }, h('span', { class: 'mark', 'aria-hidden': 'true' }, '−'), h('span', { class: 'visually-hidden' }, `${beforeWord}: `), line));
      else if (part.added) lines.push(h('ins', { class: 'line added' }, h('span', { class: 'mark', 'aria-hidden': 'true' }, '+'), h('span', { class: 'visually-hidden' }, `${afterWord}: `), line));
      else lines.push(h('span', { class: 'line same' }, h('span', { class: 'mark', 'aria-hidden': 'true' }, ' '), line));
    }
  }
  return h('div', { class: 'diff', id, lang, role: 'group', 'aria-labelledby': labelledBy, tabindex: '0' }, lines);
}
