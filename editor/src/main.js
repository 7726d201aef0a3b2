// The editor's shell: configuration, sign-in, the header, and the hash routes
// (#/ the story list, #/story/new and #/story/<id> a story). Hash routes keep every screen at
// /admin/, the one address the CDN serves the page from.
import './style.css';
import * as auth from './auth.js';
import * as api from './api.js';
import { clear, h } from './dom.js';
import { UI_LANGUAGES, setUiLanguage, t, uiLanguage } from './i18n.js';
import { renderList } from './list.js';

const app = document.getElementById('app');
let config;
let leaveCurrent = null; // the open screen's clean-up (saves, timers) before another one opens
let notice = '';

async function boot() {
  setUiLanguage(uiLanguage());
  config = await (await fetch('config.json', { cache: 'no-cache' })).json();
  auth.init(config, () => {});
  api.init(config);
  try {
    await auth.completeSignIn();
  } catch {
    notice = t('signInFailed');
  }
  window.addEventListener('hashchange', route);
  route();
}

function header(main) {
  const who = auth.user();
  const select = h(
    'select',
    {
      id: 'ui-language',
      onchange: (e) => {
        setUiLanguage(e.target.value);
        route();
      },
    },
    UI_LANGUAGES.map((l) => h('option', { value: l, selected: l === uiLanguage() }, { kk: 'Қазақша', ru: 'Русский', en: 'English' }[l])),
  );
  return h(
    'header',
    { class: 'top' },
    h('a', { class: 'skip', href: '#main' , onclick: (e) => { e.preventDefault(); main.focus(); } }, '↓'),
    h('p', { class: 'brand' }, h('a', { href: '#/' }, t('appName'))),
    h('div', { class: 'tools' },
      h('label', { for: 'ui-language' }, t('uiLanguage')),
      select,
      who ? h('span', { class: 'who', 'data-role': who.role }, `${who.name} · ${t(`role_${who.role}`)}`) : null,
      who ? h('button', { type: 'button', id: 'sign-out', onclick: () => auth.signOut() }, t('signOut')) : null,
    ),
  );
}

async function route() {
  if (leaveCurrent) {
    const leave = leaveCurrent;
    leaveCurrent = null;
    await leave();
  }
  const main = h('main', { id: 'main', tabindex: '-1' });
  clear(app, header(main), main);
  if (!auth.accessToken()) {
    main.append(
      h('h1', {}, t('signedOutTitle')),
      notice ? h('p', { class: 'problem', role: 'alert' }, notice) : null,
      h('p', {}, t('signedOutText')),
      h('button', { type: 'button', id: 'sign-in', class: 'primary', onclick: () => auth.signIn() }, t('signIn')),
    );
    return;
  }
  const hash = location.hash || '#/';
  const story = hash.match(/^#\/story\/([^/?]+)$/);
  const past = hash.match(/^#\/story\/([^/?]+)\/history(?:\/([^/?]+))?$/);
  if (past) {
    // revisions and the diff library come in their own chunk, fetched when someone looks back
    const { renderHistory } = await import('./history.js');
    leaveCurrent = await renderHistory(main, decodeURIComponent(past[1]), past[2] && decodeURIComponent(past[2]));
  } else if (story) {
    // the body editor comes in its own chunk, fetched when a story opens
    const { renderStory } = await import('./story.js');
    leaveCurrent = await renderStory(main, decodeURIComponent(story[1]), config);
  } else {
    const params = new URLSearchParams(hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '');
    leaveCurrent = await renderList(main, params, config);
  }
}

boot().catch((e) => {
  clear(app, h('main', {}, h('h1', {}, 'Newsroom editor'), h('p', { role: 'alert' }, String(e.message || e))));
});
