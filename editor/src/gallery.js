// The story's gallery: pictures in reading order, each with a caption and alt text per language.
// Added by upload, reordered with "move up" / "move down" buttons (keyboard and pointer alike, the
// focus staying on the picture moved), removed; the words go into the model as they are typed.
import { clear, field, h } from './dom.js';
import { t } from './i18n.js';
import { IMAGE_TYPES, uploadShown } from './upload.js';

/** As many as the API takes (GalleryImage.MAX_PER_STORY). */
export const MAX_GALLERY = 20;

/** The gallery of the API's story, as the editor keeps it. */
export function editableGallery(story) {
  return (story.gallery || []).map((g) => ({ src: g.src, caption: { ...(g.caption || {}) }, alt: { ...(g.alt || {}) } }));
}

/** The gallery as the API takes it: blank words left out. */
export function wireGallery(gallery) {
  const words = (texts) => Object.fromEntries(Object.entries(texts || {}).filter(([, v]) => v?.trim()));
  return (gallery || []).map((g) => ({ src: g.src, caption: words(g.caption), alt: words(g.alt) }));
}

export function sameGallery(a, b) {
  return JSON.stringify(wireGallery(a)) === JSON.stringify(wireGallery(b));
}

/** Whether the server's story has a gallery picture without alt text in `lang` (so it cannot go public there). */
export function galleryNeedsAlt(story, lang) {
  return Boolean(story?.translations?.[lang] && (story.gallery || []).some((g) => !g.alt?.[lang]?.trim()));
}

/**
 * The gallery's section. `model()` answers the story being edited (its `gallery` is changed in
 * place), `changed()` marks the story changed, `closed()` tells that the screen was left.
 */
export function galleryField({ model, languages, site, changed, closed }) {
  const thumbs = new Map();
  const list = h('ol', { class: 'gallery-list', id: 'gallery-list' });
  const announce = h('p', { class: 'visually-hidden', id: 'gallery-announce', role: 'status', 'aria-live': 'polite' });
  const progress = h('progress', { id: 'gallery-progress', max: '100', value: '0', hidden: true, 'aria-label': t('galleryAdd') });
  const state = h('p', { class: 'upload-state', id: 'gallery-state', role: 'status', 'aria-live': 'polite' });
  const file = h('input', { id: 'gallery-file', type: 'file', accept: IMAGE_TYPES.join(','),
    onchange: (e) => {
      const chosen = e.target.files[0];
      e.target.value = '';
      if (chosen) add(chosen);
    } });
  const zone = h('div', { class: 'drop-zone', id: 'gallery-drop',
    ondragover: (e) => {
      e.preventDefault();
      zone.classList.add('over');
    },
    ondragleave: () => zone.classList.remove('over'),
    ondrop: (e) => {
      e.preventDefault();
      zone.classList.remove('over');
      const dropped = e.dataTransfer?.files?.[0];
      if (dropped) add(dropped);
    } },
  h('label', { for: file.id }, t('galleryAdd')), ' ', file, progress, state);

  const gallery = () => (model().gallery ??= []);

  function say(key, text, ...args) {
    state.dataset.state = key;
    state.textContent = t(text, ...args);
  }

  function render() {
    const items = gallery();
    clear(list, items.map((g, i) => item(g, i, items.length)));
  }

  function item(g, i, count) {
    const legendId = `gallery-${i}-legend`;
    const words = languages.map((lang) => {
      const text = (kind) => h('input', { id: `gallery-${i}-${kind}-${lang}`, type: 'text', lang, value: g[kind]?.[lang] ?? '',
        oninput: (e) => {
          (g[kind] ??= {})[lang] = e.target.value;
          changed();
        } });
      return h('div', { class: 'gallery-words', 'data-lang': lang },
        field(t('galleryCaption', t(`lang_${lang}`)), text('caption')),
        field(t('galleryAlt', t(`lang_${lang}`)), text('alt')));
    });
    const button = (action, label, disabled, onclick) => h('button', { type: 'button', id: `gallery-${i}-${action}`,
      class: `gallery-${action}`, disabled, 'aria-describedby': legendId, onclick }, label);
    return h('li', { class: 'gallery-item', 'data-src': g.src },
      h('fieldset', {},
        h('legend', { id: legendId }, t('galleryPosition', i + 1, count)),
        h('img', { class: 'gallery-thumb', src: site + (thumbs.get(g.src) || g.src), alt: t('galleryThumb', i + 1) }),
        words,
        h('div', { class: 'gallery-actions' },
          button('up', t('moveUp'), i === 0, () => move(i, i - 1, 'up')),
          button('down', t('moveDown'), i === count - 1, () => move(i, i + 1, 'down')),
          button('remove', t('galleryRemove'), false, () => remove(i)))));
  }

  function move(from, to, action) {
    const items = gallery();
    const [picture] = items.splice(from, 1);
    items.splice(to, 0, picture);
    changed();
    render();
    // the focus follows the picture: on the same button, or the other one where that one is disabled
    const same = document.getElementById(`gallery-${to}-${action}`);
    const other = document.getElementById(`gallery-${to}-${action === 'up' ? 'down' : 'up'}`);
    (same && !same.disabled ? same : other)?.focus();
    announce.textContent = t('galleryMoved', to + 1, items.length);
  }

  function remove(i) {
    const items = gallery();
    items.splice(i, 1);
    changed();
    render();
    const next = document.getElementById(`gallery-${Math.min(i, items.length - 1)}-remove`);
    (next || file).focus();
    announce.textContent = t('galleryRemoved', items.length);
  }

  async function add(chosen) {
    if (gallery().length >= MAX_GALLERY) {
      say('refused', 'galleryFull', MAX_GALLERY);
      return;
    }
    const done = await uploadShown(chosen, { progress, say, closed });
    if (!done) return;
    const small = (done.picture.renditions || [])[0];
    if (small) thumbs.set(done.src, small.src);
    gallery().push({ src: done.src, caption: {}, alt: {} });
    changed();
    render();
    say('ready', 'galleryAdded', gallery().length);
  }

  render();
  return h('section', { class: 'field story-gallery', id: 'gallery', 'aria-labelledby': 'gallery-h' },
    h('h2', { id: 'gallery-h' }, t('gallery')), announce, list, zone);
}
