// Instrumentation every page gets before its own scripts run: records the camera tracks
// the page opens. The prototype is patched, since wasm-bindgen calls Web APIs through it.
export async function watchTracks(page) {
  await page.addInitScript(() => {
    const tracks = [];
    const original = MediaDevices.prototype.getUserMedia;
    MediaDevices.prototype.getUserMedia = async function (constraints) {
      const stream = await original.call(this, constraints);
      tracks.push(...stream.getTracks());
      return stream;
    };
    window.__liveTracks = () => tracks.filter((t) => t.readyState === 'live').length;
    window.__tracksOpened = () => tracks.length;
  });
}
