// The officer page's hold on this phone (officer.html only): an Ed25519 key made by WebCrypto
// as NON-EXTRACTABLE, so that no script, this page's included, can ever read its private
// half, kept in IndexedDB (which stores the key object, not its bytes); and the device
// credential the identity team issued for it. The checker's Wasm calls these through
// `window.warrantOfficer`; nothing here talks to any server.
const DB = 'warrant-officer';
const STORE = 'phone';

function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function withStore(mode, use) {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const result = use(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(result.result);
      tx.onerror = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

const get = (name) => withStore('readonly', (store) => store.get(name));
const put = (name, value) => withStore('readwrite', (store) => store.put(value, name));

async function publicKeyOf(pair) {
  return new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
}

let keepingScreenOn = false;

async function requestWakeLock() {
  try {
    await navigator.wakeLock.request('screen');
    return true;
  } catch {
    return false;
  }
}

window.warrantOfficer = {
  /** This phone's public key (32 bytes), or null before one is made. */
  async publicKey() {
    const pair = await get('key');
    return pair ? publicKeyOf(pair) : null;
  },
  /** Makes this phone's key (replacing any), and returns its public key. */
  async makeKey() {
    const pair = await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify']);
    await put('key', pair);
    await put('credential', null);
    return publicKeyOf(pair);
  },
  /** Signs bytes with this phone's key: 64 bytes. */
  async sign(bytes) {
    const pair = await get('key');
    if (!pair) throw new Error('no key on this phone');
    return new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, pair.privateKey, bytes));
  },
  /** The device credential saved on this phone (its text), or null. */
  async credential() {
    return (await get('credential')) ?? null;
  },
  async saveCredential(text) {
    await put('credential', text);
  },
  /** Asks the screen to stay on while the live code shows; false where it cannot. The
   *  browser lets go of the lock whenever the page is hidden, so it is asked for again
   *  each time the page comes back. */
  async keepScreenOn() {
    if (!keepingScreenOn) {
      keepingScreenOn = true;
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') requestWakeLock();
      });
    }
    return requestWakeLock();
  },
};
