// The story list: newest first, filtered by status, language and category on the server, searched
// by title, in pages; one chip per language and who changed the story last.
import { call, describe } from './api.js';
import * as drafts from './drafts.js';
import { clear, field, h } from './dom.js';
import { formatTime, t, uiLanguage } from './i18n.js';

const PAGE = 20;

export async function renderList(main, params, config) {
  const filters = {
    status: params.get('status') || '',
    lang: params.get('lang') || '',
    category: params.get('category') || '',
    q: params.get('q') || '',
  };
  const cursors = (params.get('pages') || '').split(',').filter(Boolean); // cursors of pages before
  const cursor = params.get('cursor') || '';

  const select = (name, options) =>
    h('select', { id: `filter-${name}`, name },
      h('option', { value: '' }, t('any')),
      options.map(([value, label]) => h('option', { value, selected: filters[name] === value }, label)));
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': t('filters'), onsubmit: (e) => {
      e.preventDefault();
      const data = new FormData(form);
      const q = new URLSearchParams();
      for (const [k, v] of data) if (v) q.set(k, v);
      location.hash = `#/?${q}`;
    } },
    field(t('status'), select('status', ['draft', 'scheduled', 'published'].map((s) => [s, t(s)]))),
    field(t('language'), select('lang', config.languages.map((l) => [l, t(`lang_${l}`)]))),
    field(t('category'), select('category', config.categories.map((c) => [c, t(`cat_${c}`)]))),
    field(t('search'), h('input', { id: 'filter-q', name: 'q', type: 'search', value: filters.q })),
    h('button', { type: 'submit' }, t('apply')),
  );
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' }, t('loading'));
  const results = h('div', { class: 'results' });
  const local = h('div', { class: 'local-drafts' });
  main.append(
    h('div', { class: 'heading' },
      h('h1', {}, t('stories')),
      h('a', { class: 'button primary', href: '#/story/new', id: 'new-story' }, t('newStory'))),
    local, form, status, results);
  main.focus({ preventScroll: true });

  // new stories that never reached the server
  for (const d of (await drafts.all()).filter((d) => !d.storyId)) {
    local.append(h('p', { class: 'banner' }, t('newLocalCopyFound', formatTime(d.changedAt)), ' ',
      h('a', { href: `#/story/${encodeURIComponent(d.key)}` }, t('openLocal'))));
  }

  const q = new URLSearchParams({ limit: String(PAGE) });
  for (const k of ['status', 'lang', 'category', 'q']) if (filters[k]) q.set(k, filters[k]);
  if (cursor) q.set('cursor', cursor);
  let page;
  try {
    page = (await call('GET', `/articles?${q}`)).body;
  } catch (e) {
    status.textContent = t('loadFailed', describe(e));
    return null;
  }
  status.textContent = '';
  if (page.items.length === 0) {
    results.append(h('p', {}, t('noStories')));
  } else {
    results.append(table(page.items, config));
  }
  const nav = h('nav', { class: 'pages', 'aria-label': t('page', cursors.length + 1) });
  const link = (label, extra, id) => {
    const p = new URLSearchParams();
    for (const k of ['status', 'lang', 'category', 'q']) if (filters[k]) p.set(k, filters[k]);
    Object.entries(extra).forEach(([k, v]) => v && p.set(k, v));
    return h('a', { href: `#/?${p}`, class: 'button', id }, label);
  };
  if (cursor) {
    const before = cursors.slice(0, -1);
    nav.append(link(t('previous'), { cursor: cursors.at(-1) === '-' ? '' : cursors.at(-1), pages: before.join(',') }, 'previous-page'));
  }
  nav.append(h('span', {}, t('page', cursors.length + 1)));
  if (page.nextCursor) {
    nav.append(link(t('next'), { cursor: page.nextCursor, pages: [...cursors, cursor || '-'].join(',') }, 'next-page'));
  }
  results.append(nav);
  return null;
}

function titleOf(story) {
  const own = story.translations[uiLanguage()];
  const any = own || Object.values(story.translations)[0];
  return any?.title || t('untitled');
}

export function chip(lang, translation) {
  if (!translation) return h('span', { class: 'chip missing' }, `${lang.toUpperCase()} · ${t('missing')}`);
  const s = translation.status;
  const text = s === 'scheduled' ? t('scheduledFor', formatTime(translation.publishedAt)) : t(s);
  return h('span', { class: `chip ${s}`, 'data-lang': lang, 'data-status': s }, `${lang.toUpperCase()} · ${text}`);
}

function table(items, config) {
  return h('table', { class: 'stories' },
    h('caption', { class: 'visually-hidden' }, t('stories')),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, t('title')),
      h('th', { scope: 'col' }, t('category')),
      h('th', { scope: 'col' }, t('languages')),
      h('th', { scope: 'col' }, t('lastChange')))),
    h('tbody', {}, items.map((story) => h('tr', { 'data-id': story.id },
      h('td', {}, h('a', { href: `#/story/${encodeURIComponent(story.id)}` }, titleOf(story))),
      h('td', {}, t(`cat_${story.category}`)),
      h('td', {}, h('span', { class: 'chips' }, config.languages.map((l) => chip(l, story.translations[l])))),
      h('td', {}, t('byAt', story.updatedBy, formatTime(story.updatedAt)))))));
}

export { clear };
