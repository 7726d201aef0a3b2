// Uploading one image: an upload address from the API, the file sent straight to the bucket with
// progress, then asking the API until the image function has made the renditions or refused it.
import { call, describe } from './api.js';
import { t } from './i18n.js';

export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];
export const MAX_IMAGE = 10 * 1024 * 1024;
const PROCESSING_MS = 120_000;

/** Whether the API would grant an upload for this file at all (type and size). */
export function acceptable(file) {
  return IMAGE_TYPES.includes(file.type) && file.size >= 1 && file.size <= MAX_IMAGE;
}

/**
 * Uploads `file`; `onProgress(percent)` while it goes, `onProcessing()` once the bucket has it.
 * Resolves with the src the story names it by and what the image function made of it.
 */
export async function uploadImage(file, { onProgress, onProcessing, closed }) {
  const ticket = (await call('POST', '/media', { body: { contentType: file.type, size: file.size } })).body;
  await new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(ticket.method || 'PUT', ticket.uploadUrl);
    // the browser sets Content-Length itself; the presigned URL was signed for these values
    for (const [k, v] of Object.entries(ticket.headers || {})) {
      if (!['host', 'content-length'].includes(k.toLowerCase())) xhr.setRequestHeader(k, v);
    }
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => (xhr.status < 300 ? resolve() : reject(new Error(`HTTP ${xhr.status}`)));
    xhr.onerror = () => reject(new Error(t('error')));
    xhr.send(file);
  });
  onProgress(100);
  onProcessing();
  return { src: ticket.src, picture: await processed(ticket.src, closed) };
}

/**
 * Uploads a chosen file while `progress` (a <progress>) and `say(state, text, ...args)` tell how it
 * goes. Resolves with `{ src, picture }` once the renditions are made, or null when the file was
 * refused or the upload failed (which `say` has told).
 */
export async function uploadShown(file, { progress, say, closed }) {
  if (!acceptable(file)) {
    say('refused', 'notAnImage');
    return null;
  }
  progress.hidden = false;
  progress.value = 0;
  say('uploading', 'uploading', 0);
  try {
    const done = await uploadImage(file, {
      onProgress: (percent) => {
        progress.value = percent;
        say('uploading', 'uploading', percent);
      },
      onProcessing: () => say('processing', 'processingImage'),
      closed,
    });
    progress.hidden = true;
    if (done.picture.status !== 'ready') {
      say('refused', 'imageRefused', done.picture.reason || '');
      return null;
    }
    return done;
  } catch (e) {
    progress.hidden = true;
    say('failed', 'uploadFailed', describe(e));
    return null;
  }
}

/** Asks the API until the image function has looked at the upload (renditions made or refused). */
async function processed(src, closed) {
  const deadline = Date.now() + PROCESSING_MS;
  for (let wait = 250; !closed(); wait = Math.min(wait * 2, 2000)) {
    const picture = (await call('GET', src)).body;
    if (picture.status !== 'pending') return picture;
    if (Date.now() > deadline) throw new Error(t('processingImage'));
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
  throw new Error(t('error'));
}
