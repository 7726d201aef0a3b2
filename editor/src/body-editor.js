// The body field: CodeMirror 6 with Markdown highlighting, a small toolbar and shortcuts.
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
// the Markdown language alone: markdown() would also bring HTML, CSS and JavaScript parsers for
// embedded code, three times the bytes for blocks a news story does not have
import { markdownLanguage } from '@codemirror/lang-markdown';
import { LanguageSupport, defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorSelection, EditorState } from '@codemirror/state';
import { EditorView, keymap, placeholder } from '@codemirror/view';
import { h } from './dom.js';
import { t } from './i18n.js';

function wrap(view, before, after = before) {
  view.dispatch(
    view.state.changeByRange((range) => {
      const text = view.state.sliceDoc(range.from, range.to);
      return {
        changes: { from: range.from, to: range.to, insert: before + text + after },
        range: EditorSelection.range(range.from + before.length, range.to + before.length),
      };
    }),
  );
  view.focus();
  return true;
}

function linePrefix(view, prefix) {
  const changes = [];
  const seen = new Set();
  for (const range of view.state.selection.ranges) {
    for (let pos = range.from; pos <= range.to; ) {
      const line = view.state.doc.lineAt(pos);
      if (!seen.has(line.from)) {
        seen.add(line.from);
        if (!line.text.startsWith(prefix)) changes.push({ from: line.from, insert: prefix });
      }
      pos = line.to + 1;
    }
  }
  view.dispatch({ changes });
  view.focus();
  return true;
}

const commands = {
  bold: (v) => wrap(v, '**'),
  italic: (v) => wrap(v, '_'),
  link: (v) => wrap(v, '[', '](https://)'),
  heading: (v) => linePrefix(v, '## '),
  bulletList: (v) => linePrefix(v, '- '),
  quote: (v) => linePrefix(v, '> '),
};

/**
 * A body editor in `parent`, labelled by the element with id `labelId`; `onChange(text)` after
 * every edit. Tab moves focus on (Escape then Tab, as CodeMirror documents, when indenting).
 */
export function bodyEditor(parent, { text, labelId, lang, onChange }) {
  const toolbar = h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': t('toolbar') },
    Object.keys(commands).map((name) =>
      h('button', { type: 'button', 'data-command': name, title: t(name), 'aria-label': t(name),
        onclick: () => commands[name](view) }, { bold: 'B', italic: 'I', link: '[ ]', heading: 'H', bulletList: '•', quote: '❝' }[name])));
  const host = h('div', { class: 'body-editor' });
  parent.append(toolbar, host);
  const view = new EditorView({
    parent: host,
    state: EditorState.create({
      doc: text,
      extensions: [
        history(),
        new LanguageSupport(markdownLanguage),
        syntaxHighlighting(defaultHighlightStyle),
        EditorView.lineWrapping,
        placeholder('…'),
        keymap.of([
          { key: 'Mod-b', run: commands.bold },
          { key: 'Mod-i', run: commands.italic },
          { key: 'Mod-k', run: commands.link },
          ...defaultKeymap,
          ...historyKeymap,
        ]),
        EditorView.contentAttributes.of({ 'aria-labelledby': labelId, 'aria-multiline': 'true', lang, role: 'textbox' }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) onChange(u.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    view,
    text: () => view.state.doc.toString(),
    set(value) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: value } });
    },
    destroy() {
      view.destroy();
      toolbar.remove();
      host.remove();
    },
  };
}

export { indentWithTab };
