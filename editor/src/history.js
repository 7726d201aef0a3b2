// The history screen: a story's revisions, newest first; one opened beside the story as it is now,
// field by field and the body as a line diff, and restored as a draft. Its own chunk with the
// diff library, fetched only when someone looks at history.
import { ApiError, call, describe } from './api.js';
import { clear, h } from './dom.js';
import { formatTime, t } from './i18n.js';
import { chip } from './list.js';
import { lineDiff } from './linediff.js';

const TEXT_FIELDS = ['title', 'lead', 'dateline', 'slug', 'caption', 'imageAlt'];

export async function renderHistory(main, id, rev) {
  const storyPath = `/articles/${encodeURIComponent(id)}`;
  const status = h('p', { class: 'status', id: 'history-status', role: 'status', 'aria-live': 'polite' }, t('loading'));
  const listArea = h('section', { class: 'revisions', 'aria-labelledby': 'revisions-h' });
  const opened = h('section', { class: 'revision', id: 'revision', 'aria-labelledby': 'revision-h' });
  main.append(
    h('p', {}, h('a', { href: `#/story/${encodeURIComponent(id)}`, id: 'back-to-story' }, `← ${t('backToStory')}`)),
    h('h1', { id: 'history-h' }, t('history')),
    status, opened, listArea);

  let story;
  let etag;
  let revisions;
  async function load() {
    const [current, listed] = await Promise.all([call('GET', storyPath), call('GET', `${storyPath}/revisions`)]);
    story = current.body;
    etag = current.etag;
    revisions = listed.body.items.slice().reverse();
  }
  try {
    await load();
  } catch (e) {
    status.textContent = t('loadFailed', describe(e));
    return null;
  }
  status.textContent = '';
  const title = Object.values(story.translations)[0]?.title;
  if (title) main.querySelector('#history-h').append(': ', h('span', {}, title));

  function renderList() {
    const heading = h('h2', { id: 'revisions-h' }, t('revisions'));
    if (revisions.length === 0) {
      clear(listArea, heading, h('p', {}, t('noRevisions')));
      return;
    }
    clear(listArea, heading, h('p', { class: 'hint' }, t('newestFirst')),
      h('table', { class: 'revision-list' },
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, t('when')),
          h('th', { scope: 'col' }, t('language')),
          h('th', { scope: 'col' }, t('change')),
          h('th', { scope: 'col' }, t('who')),
          h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('compare'))))),
        h('tbody', {}, revisions.map((r) => h('tr', { 'data-rev': r.id, class: r.id === rev ? 'current' : undefined },
          h('td', {}, formatTime(r.at)),
          h('td', {}, r.lang === '*' || r.lang === 'all' ? t('wholeStory') : t(`lang_${r.lang}`)),
          h('td', {}, t(`act_${r.action}`)),
          h('td', {}, r.by),
          h('td', {}, r.lang === '*' || r.lang === 'all'
            ? null
            : h('a', { href: `#/story/${encodeURIComponent(id)}/history/${encodeURIComponent(r.id)}`, class: 'open-revision',
              'aria-current': r.id === rev ? 'true' : undefined },
              t('compare'), h('span', { class: 'visually-hidden' }, ` (${t('revisionTitle', r.version, t(`lang_${r.lang}`))})`))))))));
  }

  async function renderRevision() {
    if (!rev) {
      clear(opened);
      return;
    }
    let revision;
    try {
      revision = (await call('GET', `${storyPath}/revisions/${encodeURIComponent(rev)}`)).body;
    } catch (e) {
      clear(opened, h('p', { class: 'problem', role: 'alert' }, t('loadFailed', describe(e))));
      return;
    }
    const lang = revision.lang;
    const then = revision.translation;
    const now = story.translations[lang];
    const heading = h('h2', { id: 'revision-h', tabindex: '-1' },
      t('revisionTitle', revision.version, t(`lang_${lang}`)), ' ');
    const about = h('p', {}, t('revisionBy', t(`act_${revision.action}`), revision.by, formatTime(revision.at)));
    if (!then) {
      clear(opened, heading, about, h('p', { class: 'note' }, t('noText')));
      heading.focus();
      return;
    }
    const rows = TEXT_FIELDS.filter((f) => (then[f] ?? '') !== (now?.[f] ?? ''));
    const result = h('p', { class: 'restore-result', id: 'restore-result', role: 'status', 'aria-live': 'polite' });
    clear(opened,
      heading,
      about,
      now ? h('p', {}, t('currentlyIs'), ' ', chip(lang, now)) : h('p', { class: 'note' }, t('noCurrent')),
      rows.length === 0
        ? h('p', { id: 'fields-same' }, t('fieldsSame'))
        : h('table', { class: 'field-diff', id: 'field-diff' },
          h('caption', {}, t('fieldsChanged')),
          h('thead', {}, h('tr', {},
            h('th', { scope: 'col' }, t('field')),
            h('th', { scope: 'col' }, t('thisVersion')),
            h('th', { scope: 'col' }, t('now')))),
          h('tbody', {}, rows.map((f) => h('tr', { 'data-field': f },
            h('th', { scope: 'row' }, t(f)),
            h('td', { lang }, then[f] ?? ''),
            h('td', { lang }, now?.[f] ?? ''))))),
      bodyDiff(then.body, now?.body ?? '', lang),
      h('div', { class: 'restore' },
        h('p', { class: 'hint', id: 'restore-hint' }, t('restoreNote', t(`lang_${lang}`))),
        h('button', { type: 'button', class: 'primary', id: 'restore-revision', 'aria-describedby': 'restore-hint',
          onclick: () => restore(result) }, t('restoreRevision')),
        result));
    heading.focus();
  }

  async function restore(result) {
    result.textContent = t('saving');
    try {
      await call('POST', `${storyPath}/revisions/${encodeURIComponent(rev)}/restore`, { etag });
      result.textContent = t('restored_ok');
      location.hash = `#/story/${encodeURIComponent(id)}`;
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        // someone saved meanwhile: show the comparison against their text before anything is restored
        await load();
        renderList();
        await renderRevision();
        document.getElementById('restore-result').textContent = t('restoreStale');
      } else {
        result.textContent = describe(e);
      }
    }
  }

  renderList();
  await renderRevision();
  if (!rev) main.focus({ preventScroll: true });
  return null;
}

/** The body as lines: those only in the revision marked −, those only in the current text +. */
function bodyDiff(then, now, lang) {
  const heading = h('h3', { id: 'body-diff-h' }, t('body'));
  const lines = lineDiff(then, now, { lang, labelledBy: 'body-diff-h', beforeWord: t('onlyThen'), afterWord: t('onlyNow') });
  if (!lines) return h('div', { class: 'body-diff' }, heading, h('p', { id: 'body-same' }, t('sameAsNow')));
  return h('div', { class: 'body-diff', id: 'body-diff' },
    heading,
    h('p', { class: 'hint' }, t('bodyDiffLegend')),
    lines);
}
