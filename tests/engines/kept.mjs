// What a page's service worker has kept for use with no signal, read in the page.

/// Waits until the service worker has kept the desk's own files (the desk asks for them on
/// its first visit: www/sw.js, PAGE_FILES) and the desk has kept its card directory.
export async function deskKept(tab) {
  await tab.eval(async () => {
    await navigator.serviceWorker.ready;
    for (let i = 0; i < 150; i++) {
      const paths = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname);
      }
      if (paths.some((p) => p.endsWith('/desk.html')) && paths.some((p) => /\/warrant-desk-\w+_bg\.wasm$/.test(p))
        && paths.some((p) => p.endsWith('/lists/directories.cbor'))) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the desk and its directory were never kept');
  });
}
