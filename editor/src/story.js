// The story screen: two translations side by side, the story's category and image, autosave
// (kept on this device until the server has it), conflicts, preview and publishing.
import { ApiError, call, describe } from './api.js';
import { bodyEditor } from './body-editor.js';
import * as drafts from './drafts.js';
import { clear, field, h, uid } from './dom.js';
import { almatyToInstant, formatTime, t } from './i18n.js';
import { user } from './auth.js';
import { chip } from './list.js';
import { editableGallery, galleryField, galleryNeedsAlt, sameGallery, wireGallery } from './gallery.js';
import { IMAGE_TYPES, uploadShown } from './upload.js';

const AUTOSAVE_MS = 2500;
const FIELDS = ['title', 'lead', 'dateline', 'slug', 'caption', 'imageAlt', 'body'];
const EDITABLE = ['title', 'lead', 'dateline', 'body', 'slug', 'caption', 'imageAlt'];

function emptyTranslation() {
  return { title: '', lead: '', dateline: '', body: '', slug: '', caption: '', imageAlt: '' };
}

/** The editable part of the API's story. */
function editable(story) {
  const translations = {};
  for (const [lang, tr] of Object.entries(story.translations || {})) {
    translations[lang] = Object.fromEntries(EDITABLE.map((f) => [f, tr[f] ?? '']));
  }
  return { category: story.category, image: story.image?.src || '', gallery: editableGallery(story), translations };
}

/** Whether two editable stories say the same, a missing translation being an empty one. */
function same(a, b) {
  if ((a.category ?? '') !== (b.category ?? '') || (a.image ?? '') !== (b.image ?? '')) return false;
  if (!sameGallery(a.gallery, b.gallery)) return false;
  const langs = new Set([...Object.keys(a.translations), ...Object.keys(b.translations)]);
  for (const l of langs) {
    for (const f of FIELDS) if ((a.translations[l]?.[f] ?? '') !== (b.translations[l]?.[f] ?? '')) return false;
  }
  return true;
}

function complete(tr) {
  return Boolean(tr && tr.title.trim() && tr.body.trim());
}

function wire(tr) {
  const out = { title: tr.title, body: tr.body, format: 'markdown' };
  for (const f of ['lead', 'dateline', 'slug', 'caption', 'imageAlt']) if (tr[f]?.trim()) out[f] = tr[f];
  return out;
}

export async function renderStory(main, routeKey, config) {
  const who = user();
  const s = {
    key: routeKey,
    id: null,
    etag: null,
    server: null, // the story as the server last answered it
    model: { category: config.categories[0], image: '', gallery: [], translations: {} },
    dirty: { story: false, langs: new Set() },
    edits: 0,
    saving: null,
    timer: null,
    closed: false,
    conflict: false,
  };
  if (routeKey === 'new') {
    s.key = `new:${crypto.randomUUID()}`;
    history.replaceState(null, '', `#/story/${encodeURIComponent(s.key)}`);
  } else if (!routeKey.startsWith('new:')) {
    s.id = routeKey;
  }

  const statusLine = h('p', { class: 'save-state', id: 'save-state', role: 'status', 'aria-live': 'polite' });
  const problems = h('div', { class: 'problems', 'aria-live': 'assertive' });
  const banner = h('div', { class: 'banner-area' });
  const storyFields = h('div', { class: 'story-fields' });
  const columns = h('div', { class: 'columns' });
  const publishing = h('section', { class: 'publishing', 'aria-labelledby': 'publishing-h' });
  const preview = h('dialog', { class: 'preview', 'aria-labelledby': 'preview-h' });
  const heading = h('h1', { id: 'story-h' }, s.id ? t('story') : t('newStoryTitle'));
  const historyLink = h('a', { href: '#', id: 'history-link', hidden: true }, t('history'));
  const showHistoryLink = () => {
    if (!s.id) return;
    historyLink.href = `#/story/${encodeURIComponent(s.id)}/history`;
    historyLink.hidden = false;
  };
  main.append(
    h('p', { class: 'story-nav' }, h('a', { href: '#/', id: 'back' }, `← ${t('backToList')}`), ' ', historyLink),
    heading, statusLine, problems, banner, storyFields, columns, publishing, preview);

  if (s.id) {
    try {
      const answer = await call('GET', `/articles/${encodeURIComponent(s.id)}`);
      s.server = answer.body;
      s.etag = answer.etag;
      s.model = editable(answer.body);
    } catch (e) {
      problems.append(h('p', { class: 'problem', role: 'alert' }, t('loadFailed', describe(e))));
      return null;
    }
  }
  let kept = await drafts.get(s.key);
  if (kept && s.server && same(kept.model, s.model)) {
    // the server has this very text already: nothing to offer back
    await drafts.remove(s.key);
    kept = null;
  }
  const panes = [];
  const serverLangs = Object.keys(s.model.translations);
  const first = serverLangs.includes('ru') ? 'ru' : serverLangs[0] || 'ru';
  const second = config.languages.find((l) => l !== first && (serverLangs.includes(l) || l === 'kk')) || config.languages.find((l) => l !== first);

  function showState(text) {
    statusLine.textContent = text;
    statusLine.dataset.state = s.dirty.story || s.dirty.langs.size ? 'dirty' : 'saved';
  }

  function problem(text) {
    clear(problems, text ? h('p', { class: 'problem', role: 'alert' }, text) : null);
  }

  function keepLocally() {
    return drafts.put({
      key: s.key,
      storyId: s.id,
      baseEtag: s.etag,
      base: s.restoredBase ?? (s.server ? editable(s.server) : null),
      model: structuredClone(s.model),
      dirty: { story: s.dirty.story, langs: [...s.dirty.langs] },
      changedAt: new Date().toISOString(),
    });
  }

  function changed(lang) {
    if (lang) s.dirty.langs.add(lang);
    else s.dirty.story = true;
    s.edits += 1;
    keepLocally();
    showState(t('unsaved'));
    clearTimeout(s.timer);
    s.timer = setTimeout(() => save(), AUTOSAVE_MS);
  }

  const beforeUnload = (e) => {
    if (s.dirty.story || s.dirty.langs.size) {
      e.preventDefault();
      e.returnValue = t('leaveWarning');
    }
  };
  window.addEventListener('beforeunload', beforeUnload);
  // back online: what waits on this device goes at once
  const online = () => {
    if (s.dirty.story || s.dirty.langs.size) save();
  };
  window.addEventListener('online', online);

  async function save() {
    clearTimeout(s.timer);
    if (s.conflict || s.closed) return;
    if (s.saving) {
      await s.saving;
      if (s.dirty.story || s.dirty.langs.size) return save();
      return;
    }
    s.saving = saveOnce().finally(() => {
      s.saving = null;
    });
    return s.saving;
  }

  async function saveOnce() {
    const editsAtStart = s.edits;
    const langs = [...s.dirty.langs];
    const incomplete = langs.filter((l) => !complete(s.model.translations[l]));
    if (!s.dirty.story && langs.length === 0) return;
    showState(t('saving'));
    try {
      if (!s.id) {
        const translations = {};
        for (const [l, tr] of Object.entries(s.model.translations)) if (complete(tr)) translations[l] = wire(tr);
        if (Object.keys(translations).length === 0) {
          showState(t('localOnly'));
          problem(incomplete.map((l) => t('needsTitleBody', t(`lang_${l}`))).join(' '));
          return;
        }
        const body = { category: s.model.category, translations };
        if (s.model.image) body.image = { src: s.model.image };
        body.gallery = wireGallery(s.model.gallery);
        const answer = await call('POST', '/articles', { body });
        const oldKey = s.key;
        s.id = answer.body.id;
        s.key = s.id;
        accept(answer, Object.keys(translations), true);
        await drafts.remove(oldKey);
        history.replaceState(null, '', `#/story/${encodeURIComponent(s.id)}`);
        heading.textContent = t('story');
        showHistoryLink();
      } else if (s.dirty.story) {
        const translations = {};
        for (const [l, tr] of Object.entries(s.model.translations)) {
          if (complete(tr)) translations[l] = wire(tr);
          else if (s.server.translations[l]) translations[l] = wire(editable(s.server).translations[l]);
        }
        const body = { category: s.model.category, translations };
        if (s.model.image) body.image = { src: s.model.image };
        body.gallery = wireGallery(s.model.gallery);
        const answer = await call('PUT', `/articles/${encodeURIComponent(s.id)}`, { body, etag: s.etag });
        accept(answer, Object.keys(translations).filter((l) => complete(s.model.translations[l])), true);
      } else {
        for (const l of langs) {
          if (!complete(s.model.translations[l])) continue;
          const answer = await call('PUT', `/articles/${encodeURIComponent(s.id)}/translations/${l}`, {
            body: wire(s.model.translations[l]),
            etag: s.etag,
          });
          accept(answer, [l], false);
        }
      }
      if (s.edits !== editsAtStart) {
        // typed while saving: the newer text goes next time
        await keepLocally();
        showState(t('unsaved'));
        s.timer = setTimeout(() => save(), AUTOSAVE_MS);
        return;
      }
      s.retry = 0;
      const left = [...s.dirty.langs];
      if (left.length === 0 && !s.dirty.story) {
        await drafts.remove(s.key);
        problem('');
        showState(t('saved'));
      } else {
        await keepLocally();
        showState(t('localOnly'));
        problem(left.map((l) => t('needsTitleBody', t(`lang_${l}`))).join(' '));
      }
    } catch (e) {
      await keepLocally();
      if (e instanceof ApiError && e.status === 412) {
        await conflict();
        return;
      }
      showState(t('localOnly'));
      problem(t('saveFailed', describe(e)));
      // the connection or the server failed, not the text: try again by itself, ever less often
      if (!(e instanceof ApiError) || e.status >= 500 || e.status === 429) {
        s.retry = Math.min((s.retry || AUTOSAVE_MS) * 2, 60_000);
        clearTimeout(s.timer);
        s.timer = setTimeout(() => save(), s.retry);
      }
    }
  }

  /** The server took these languages (and the story fields when `story`): take its answer in. */
  function accept(answer, langs, story) {
    s.server = answer.body;
    s.restoredBase = null;
    s.etag = answer.etag;
    const fresh = editable(answer.body);
    for (const l of langs) {
      s.dirty.langs.delete(l);
      // the server fills in what it derives (the slug from the title)
      if (!s.model.translations[l].slug && fresh.translations[l]) {
        s.model.translations[l].slug = fresh.translations[l].slug;
        panes.forEach((p) => p.lang === l && p.refreshSlug());
      }
    }
    if (story) s.dirty.story = false;
    renderPublishing();
    panes.forEach((p) => p.refreshStatus());
  }

  // ------------------------------------------------------------------ story fields

  function renderStoryFields() {
    const category = h('select', { id: 'story-category', onchange: (e) => {
      s.model.category = e.target.value;
      changed(null);
    } }, config.categories.map((c) => h('option', { value: c, selected: c === s.model.category }, t(`cat_${c}`))));
    clear(storyFields, field(t('category'), category), imageField(), galleryField({
      model: () => s.model,
      languages: config.languages,
      site: config.site,
      changed: () => changed(null),
      closed: () => s.closed,
    }));
  }

  // ------------------------------------------------------------------ the story's image

  /** Drop zone, file picker, progress and thumbnail; the address field for a /media/ path at hand. */
  function imageField() {
    const address = h('input', { id: 'story-image', type: 'text', value: s.model.image, oninput: (e) => {
      s.model.image = e.target.value.trim();
      showThumb(s.model.image);
      changed(null);
    } });
    const progress = h('progress', { id: 'image-progress', max: '100', value: '0', hidden: true, 'aria-label': t('uploadImage') });
    const state = h('p', { class: 'upload-state', id: 'image-state', role: 'status', 'aria-live': 'polite' });
    const thumb = h('img', { id: 'image-thumb', alt: t('imageThumb'), hidden: true });
    const remove = h('button', { type: 'button', id: 'remove-image', hidden: !s.model.image, onclick: () => {
      s.model.image = '';
      address.value = '';
      showThumb('');
      changed(null);
    } }, t('removeImage'));
    const file = h('input', { id: 'story-image-file', type: 'file', accept: IMAGE_TYPES.join(','),
      onchange: (e) => e.target.files[0] && upload(e.target.files[0]) });
    const zone = h('div', { class: 'drop-zone', id: 'image-drop',
      ondragover: (e) => {
        e.preventDefault();
        zone.classList.add('over');
      },
      ondragleave: () => zone.classList.remove('over'),
      ondrop: (e) => {
        e.preventDefault();
        zone.classList.remove('over');
        const dropped = e.dataTransfer?.files?.[0];
        if (dropped) upload(dropped);
      } },
    thumb,
    h('div', {},
      h('label', { for: file.id }, t('dropImage')), ' ', file,
      progress, state, remove));

    function showThumb(src) {
      thumb.hidden = !src;
      if (src) thumb.src = config.site + src;
      else thumb.removeAttribute('src');
      remove.hidden = !src;
    }

    function say(key, text, ...args) {
      state.dataset.state = key;
      state.textContent = t(text, ...args);
    }

    async function upload(fileObj) {
      const done = await uploadShown(fileObj, { progress, say, closed: () => s.closed });
      if (!done) return;
      s.model.image = done.src;
      address.value = done.src;
      const small = (done.picture.renditions || [])[0];
      showThumb(small ? small.src : done.src);
      say('ready', 'imageReady', done.picture.width, done.picture.height);
      changed(null);
      renderPublishing();
    }

    showThumb(s.model.image);
    return h('div', { class: 'field story-image' },
      h('span', { class: 'label' }, t('image')),
      zone,
      field(t('imageSrc'), address, t('imageSrcHint')));
  }

  // ------------------------------------------------------------------ translation columns

  function pane(index, lang) {
    const section = h('section', { class: 'translation', 'data-pane': String(index) });
    const p = { lang, editor: null, inputs: {}, section };
    p.render = () => {
      p.editor?.destroy();
      const tr = (s.model.translations[p.lang] ??= emptyTranslation());
      const headingId = uid('tr-h');
      const select = h('select', { id: `pane-${index}-lang`, 'aria-label': t('showLanguage'), onchange: (e) => {
        p.lang = e.target.value;
        p.render();
        renderPublishing();
      } }, config.languages.map((l) => h('option', { value: l, selected: l === p.lang }, t(`lang_${l}`))));
      const status = h('span', { class: 'pane-status' });
      const input = (name, attrs = {}) => {
        const el = h(attrs.multiline ? 'textarea' : 'input', {
          id: `pane-${index}-${name}`, name, lang: p.lang, value: tr[name] ?? '', rows: attrs.multiline ? 3 : undefined,
          oninput: (e) => {
            tr[name] = e.target.value;
            changed(p.lang);
          },
        });
        if (attrs.multiline) el.value = tr[name] ?? '';
        p.inputs[name] = el;
        return el;
      };
      const bodyLabel = uid('body-l');
      const bodyField = h('div', { class: 'field body-field', id: `pane-${index}-body` },
        h('span', { class: 'label', id: bodyLabel }, t('body')));
      clear(section,
        h('h2', { id: headingId }, h('span', { class: 'visually-hidden' }, t('translation')), ' ', select, ' ', status),
        field(t('title'), input('title')),
        field(t('lead'), input('lead', { multiline: true })),
        field(t('dateline'), input('dateline')),
        bodyField,
        field(t('slug'), input('slug'), t('slugHint')),
        field(t('caption'), input('caption')),
        field(t('imageAlt'), input('imageAlt')),
        h('div', { class: 'pane-actions' },
          h('button', { type: 'button', class: 'preview-button', id: `pane-${index}-preview`, onclick: () => openPreview(p.lang) }, t('preview'))));
      p.editor = bodyEditor(bodyField, {
        text: tr.body,
        labelId: bodyLabel,
        lang: p.lang,
        onChange: (text) => {
          tr.body = text;
          changed(p.lang);
        },
      });
      p.status = status;
      p.refreshStatus();
    };
    p.refreshStatus = () => {
      if (!p.status) return;
      clear(p.status, chip(p.lang, s.server?.translations?.[p.lang]));
    };
    p.refreshSlug = () => {
      if (p.inputs.slug) p.inputs.slug.value = s.model.translations[p.lang].slug;
    };
    return p;
  }

  function renderColumns() {
    panes.forEach((p) => p.editor?.destroy());
    panes.length = 0;
    panes.push(pane(0, first), pane(1, second));
    clear(columns, panes.map((p) => p.section));
    panes.forEach((p) => p.render());
  }

  // ------------------------------------------------------------------ preview

  async function openPreview(lang) {
    if (s.dirty.story || s.dirty.langs.size) await save();
    if (!s.id || !s.server?.translations?.[lang]) {
      problem(t('saveFirst'));
      return;
    }
    try {
      const answer = await call('GET', `/articles/${encodeURIComponent(s.id)}/preview/${lang}`, { accept: 'text/html' });
      const frame = h('iframe', { title: t('previewOf', t(`lang_${lang}`)), sandbox: '', class: 'preview-frame' });
      // the page's own links (style sheet, images) resolve against the site
      frame.srcdoc = answer.body.replace(/<head>/i, `<head><base href="${config.site}/">`);
      clear(preview,
        h('h2', { id: 'preview-h' }, t('previewOf', t(`lang_${lang}`))),
        h('button', { type: 'button', id: 'close-preview', onclick: () => preview.close() }, t('closePreview')),
        frame);
      preview.showModal();
    } catch (e) {
      problem(t('loadFailed', describe(e)));
    }
  }

  // ------------------------------------------------------------------ publishing

  function renderPublishing() {
    const title = h('h2', { id: 'publishing-h' }, t('publishing'));
    if (!who.canPublish) {
      clear(publishing, title, h('p', { class: 'note', id: 'writer-note' }, t('writerCannotPublish')));
      return;
    }
    const result = h('div', { class: 'publish-result', id: 'publish-result', role: 'status', 'aria-live': 'polite' });
    // a page's picture needs words for those who cannot see it: no publishing a language without them
    const imageNeedsAlt = (lang) => Boolean(s.server?.image?.src && s.server.translations?.[lang] && !s.server.translations[lang].imageAlt?.trim());
    const needsAlt = (lang) => imageNeedsAlt(lang) || galleryNeedsAlt(s.server, lang);
    const whyBlocked = (lang) => [
      imageNeedsAlt(lang) ? t('altMissing', t(`lang_${lang}`)) : null,
      galleryNeedsAlt(s.server, lang) ? t('galleryAltMissing', t(`lang_${lang}`)) : null,
    ].filter(Boolean).join(' ');
    const blockedAll = Object.keys(s.server?.translations || {}).filter(needsAlt);
    const perLang = [...new Set(panes.map((p) => p.lang))].map((lang) => {
      const tr = s.server?.translations?.[lang];
      const when = h('input', { type: 'datetime-local', id: `schedule-${lang}` });
      const blocked = needsAlt(lang);
      const reasonId = `publish-blocked-${lang}`;
      return h('div', { class: 'publish-lang', 'data-lang': lang },
        h('h3', {}, t(`lang_${lang}`), ' ', chip(lang, tr)),
        blocked ? h('p', { class: 'publish-blocked', id: reasonId }, whyBlocked(lang)) : null,
        h('button', { type: 'button', id: `publish-${lang}`, class: 'primary', disabled: !tr || blocked,
          'aria-describedby': blocked ? reasonId : undefined,
          onclick: () => act('publish', [lang], null, result) }, t('publishNow')),
        field(t('scheduleAt'), when),
        h('button', { type: 'button', id: `schedule-${lang}-button`, disabled: !tr || blocked,
          'aria-describedby': blocked ? reasonId : undefined,
          onclick: () => when.value && act('publish', [lang], almatyToInstant(when.value), result) }, t('schedule')),
        h('button', { type: 'button', id: `unpublish-${lang}`, disabled: !tr || tr.status === 'draft',
          onclick: () => act('unpublish', [lang], null, result) }, t('unpublish')));
    });
    clear(publishing, title,
      h('div', { class: 'publish-all' },
        h('button', { type: 'button', id: 'publish-all', disabled: !s.id || blockedAll.length > 0,
          title: blockedAll.map(whyBlocked).join(' ') || undefined,
          onclick: () => act('publish', null, null, result) }, t('publishAll')),
        h('button', { type: 'button', id: 'unpublish-all', disabled: !s.id, onclick: () => act('unpublish', null, null, result) }, t('unpublishAll'))),
      perLang, result);
  }

  async function act(action, languages, at, result) {
    await save();
    if (!s.id || s.dirty.story || s.dirty.langs.size) {
      result.textContent = t('saveFirst');
      return;
    }
    const body = {};
    if (languages) body.languages = languages;
    if (at) body.at = at;
    try {
      const answer = await call('POST', `/articles/${encodeURIComponent(s.id)}/${action}`, { body, etag: s.etag });
      s.server = answer.body;
      s.etag = answer.etag;
      panes.forEach((p) => p.refreshStatus());
      renderPublishing();
      const box = document.getElementById('publish-result');
      if (action === 'unpublish') box.textContent = t('unpublished_ok');
      else if (at) box.textContent = t('scheduled_ok', formatTime(at));
      else {
        box.textContent = t('published_ok');
        const langs = languages || Object.keys(answer.body.translations);
        for (const l of langs) awaitLive(l, answer.body.translations[l]?.url, box);
      }
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) await conflict();
      else clear(result, h('p', { class: 'problem', id: 'publish-refused', role: 'alert' }, t('publishRefused', refusal(e))));
    }
  }

  /** The server's reason in the editor's words where it has them: the alt-text rule names its field. */
  function refusal(e) {
    const errors = e instanceof ApiError ? e.problem?.errors || [] : [];
    if (!errors.length) return describe(e);
    return errors.map((err) => {
      const alt = /^translations\.([a-z]{2})\.imageAlt$/.exec(err.field || '');
      if (alt) return t('altMissing', t(`lang_${alt[1]}`));
      const galleryAlt = /^gallery\[(\d+)\]\.alt\.([a-z]{2})$/.exec(err.field || '');
      if (galleryAlt) return `${t('galleryPosition', Number(galleryAlt[1]) + 1, s.server?.gallery?.length ?? '')}: ${t('galleryAltMissing', t(`lang_${galleryAlt[2]}`))}`;
      return `${err.field}: ${err.message}`;
    }).join(' ');
  }

  /** Shows a link to the live page once the CDN serves it. */
  async function awaitLive(lang, url, box) {
    if (!url) return;
    const waiting = h('p', { class: 'waiting' }, t('waitingLive'));
    box.append(waiting);
    for (let i = 0; i < 120 && !s.closed; i++) {
      try {
        const r = await fetch(config.site + url, { method: 'HEAD', cache: 'no-store' });
        if (r.ok) {
          waiting.replaceWith(h('p', {}, h('a', { href: config.site + url, class: 'live-link', 'data-lang': lang, target: '_blank', rel: 'noopener' }, t('livePage', t(`lang_${lang}`)))));
          return;
        }
      } catch {
        // not there yet
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }

  // ------------------------------------------------------------------ conflicts

  async function conflict() {
    s.conflict = true;
    clearTimeout(s.timer);
    let theirs;
    try {
      theirs = await call('GET', `/articles/${encodeURIComponent(s.id)}`);
    } catch (e) {
      problem(t('saveFailed', describe(e)));
      return;
    }
    const server = editable(theirs.body);
    // the server's story my edits started from: which side changed a field tells what to offer first
    const base = s.restoredBase ?? editable(s.server);
    const rows = [];
    const add = (key, label, get, set) => {
      const mine = get(s.model) ?? '';
      const other = get(server) ?? '';
      if (mine === other) return;
      const was = get(base) ?? '';
      const by = mine === was ? 'theirs' : other === was ? 'mine' : 'both';
      // one side's change alone is offered as chosen; a field both changed waits for a decision
      rows.push({ key, label, mine, other, set, by, choice: by === 'both' ? null : by });
    };
    add('category', t('category'), (m) => m.category, (m, v) => (m.category = v));
    add('image', t('imageSrc'), (m) => m.image, (m, v) => (m.image = v));
    // the gallery as a whole: its order and words are one decision
    add('gallery', t('gallery'), (m) => JSON.stringify(wireGallery(m.gallery), null, 1), (m, v) => (m.gallery = JSON.parse(v)));
    const langs = new Set([...Object.keys(s.model.translations), ...Object.keys(server.translations)]);
    for (const l of langs) {
      for (const f of FIELDS) {
        add(`${l}.${f}`, `${t(`lang_${l}`)}: ${t(f === 'body' ? 'body' : f)}`,
          (m) => m.translations[l]?.[f],
          (m, v) => ((m.translations[l] ??= emptyTranslation())[f] = v));
      }
    }
    if (rows.length === 0) {
      // the server already says what I have (my save got there before its answer was lost)
      s.server = theirs.body;
      s.restoredBase = null;
      s.etag = theirs.etag;
      s.dirty = { story: false, langs: new Set() };
      s.conflict = false;
      await drafts.remove(s.key);
      renderPublishing();
      panes.forEach((p) => p.refreshStatus());
      showState(t('saved'));
      return;
    }
    const section = h('section', { class: 'conflict', id: 'conflict', 'aria-labelledby': 'conflict-h' });
    // a body differs by lines, not as a whole: shown as the history shows it (its chunk, loaded now)
    const bodies = rows.filter((r) => r.key.endsWith('.body'));
    const { lineDiff } = bodies.length ? await import('./linediff.js') : {};
    const bodyDiffs = bodies.map((r) => {
      const lang = r.key.slice(0, r.key.indexOf('.'));
      const headingId = `conflict-body-diff-${lang}-h`;
      const lines = lineDiff(r.mine, r.other, { lang, labelledBy: headingId, beforeWord: t('onlyMine'), afterWord: t('onlyTheirs'), id: `conflict-body-diff-${lang}` });
      return h('div', { class: 'body-diff' }, h('h3', { id: headingId }, t('conflictBodyDiff', r.label)), lines);
    });
    const note = h('p', { class: 'problem', id: 'conflict-note', role: 'status' });
    section.append(
      h('h2', { id: 'conflict-h', tabindex: '-1' }, t('conflictTitle')),
      h('p', {}, t('conflictText', theirs.body.updatedBy, formatTime(theirs.body.updatedAt))),
      h('table', {},
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('field')), h('th', { scope: 'col' }, t('mine')), h('th', { scope: 'col' }, t('theirs')))),
        h('tbody', {}, rows.map((r, i) => {
          const name = `conflict-${i}`;
          const rowHead = uid('conflict-field');
          const radio = (value, label) => h('label', { class: 'choice' },
            h('input', { type: 'radio', name, value, checked: r.choice === value, 'aria-describedby': rowHead,
              onchange: () => (r.choice = value) }), ' ', label);
          return h('tr', { 'data-field': r.label, 'data-key': r.key, 'data-changed-by': r.by },
            h('th', { scope: 'row', id: rowHead }, r.label,
              h('span', { class: `changed-by ${r.by}` }, t(`changedBy_${r.by}`))),
            h('td', {}, h('pre', {}, r.mine), radio('mine', t('keepMine'))),
            h('td', {}, h('pre', {}, r.other), radio('theirs', t('takeTheirs'))));
        }))),
      ...bodyDiffs,
      note,
      h('button', { type: 'button', class: 'primary', id: 'resolve', onclick: async () => {
        if (rows.some((r) => !r.choice)) {
          note.textContent = t('conflictsLeft');
          return;
        }
        const merged = structuredClone(server);
        for (const r of rows) if (r.choice === 'mine') r.set(merged, r.mine);
        s.model = merged;
        s.server = theirs.body;
        s.restoredBase = null;
        s.etag = theirs.etag;
        s.dirty = { story: rows.some((r) => r.choice === 'mine'), langs: new Set() };
        s.conflict = false;
        section.remove();
        renderStoryFields();
        renderColumns();
        renderPublishing();
        if (s.dirty.story) {
          s.edits += 1;
          await keepLocally();
          await save();
        } else {
          await drafts.remove(s.key);
          showState(t('saved'));
        }
      } }, t('resolve')));
    problem('');
    columns.before(section);
    showState(t('localOnly'));
    section.querySelector('h2').focus();
  }

  // ------------------------------------------------------------------ start

  renderStoryFields();
  renderColumns();
  renderPublishing();
  showState(s.id ? t('saved') : '');
  showHistoryLink();
  if (kept) {
    const restore = h('button', { type: 'button', id: 'restore-local', class: 'primary', onclick: async () => {
      s.model = kept.model;
      s.dirty = { story: kept.dirty.story, langs: new Set(kept.dirty.langs) };
      if (kept.baseEtag) s.etag = kept.baseEtag;
      // the story the copy was edited from, for telling my changes from the server's in a conflict
      if (kept.base) s.restoredBase = kept.base;
      clear(banner);
      renderStoryFields();
      renderColumns();
      renderPublishing();
      // the whole story goes back, against the version the copy was made from
      changed(null);
      await save();
    } }, t('restoreLocal'));
    const discard = h('button', { type: 'button', id: 'discard-local', onclick: async () => {
      await drafts.remove(s.key);
      clear(banner);
    } }, t('discardLocal'));
    banner.append(h('div', { class: 'banner', role: 'alert', id: 'local-copy' },
      h('p', {}, s.id ? t('localCopyFound', formatTime(kept.changedAt)) : t('newLocalCopyFound', formatTime(kept.changedAt))),
      restore, ' ', discard));
  }
  main.focus({ preventScroll: true });

  return async () => {
    if (s.dirty.story || s.dirty.langs.size) await save();
    s.closed = true;
    clearTimeout(s.timer);
    window.removeEventListener('beforeunload', beforeUnload);
    window.removeEventListener('online', online);
    panes.forEach((p) => p.editor?.destroy());
  };
}
