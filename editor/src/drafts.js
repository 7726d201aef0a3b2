// Work not yet on the server, kept in IndexedDB: written on every change, removed once the server
// has acknowledged that very state. A reload (after a crash, a closed tab, a lost connection)
// finds it here and offers it back.
const DB = 'newsroom-editor';
const STORE = 'drafts';
let opened;

function db() {
  opened ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'key' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return opened;
}

async function run(mode, work) {
  const database = await db();
  return new Promise((resolve, reject) => {
    const tx = database.transaction(STORE, mode);
    const request = work(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(request?.result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/** draft: {key, storyId, baseEtag, story, dirty: {story, langs}, changedAt} */
export const put = (draft) => run('readwrite', (s) => s.put(draft));
export const get = (key) => run('readonly', (s) => s.get(key));
export const remove = (key) => run('readwrite', (s) => s.delete(key));
export const all = () => run('readonly', (s) => s.getAll());
