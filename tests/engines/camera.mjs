// A camera for every engine that shows a card as a phone sees it. Firefox's and WebKit's
// fake cameras show only a test pattern, so the page's getUserMedia is replaced by a canvas
// stream playing the frames of a card video (target/e2e/*.y4m, written by card-frames'
// card-video for Chromium's own fake camera). The camera the page asks for, the stream it
// plays and the frames it decodes go through the engine's real media pipeline.

/// Installs the replacement in the open page; resolves once the video's frames are ready.
export async function useCardVideo(tab, video) {
  await tab.eval(async (url) => {
    const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
    const headerEnd = bytes.indexOf(10);
    const header = new TextDecoder().decode(bytes.subarray(0, headerEnd));
    const width = Number(/ W(\d+)/.exec(header)[1]);
    const height = Number(/ H(\d+)/.exec(header)[1]);
    const frameBytes = width * height * 3 / 2; // I420
    const frames = [];
    for (let at = headerEnd + 1; at < bytes.length;) {
      at = bytes.indexOf(10, at) + 1; // past "FRAME\n"
      const luma = bytes.subarray(at, at + width * height);
      const image = new ImageData(width, height);
      for (let i = 0; i < luma.length; i++) {
        image.data[4 * i] = image.data[4 * i + 1] = image.data[4 * i + 2] = luma[i];
        image.data[4 * i + 3] = 255;
      }
      frames.push(image);
      at += frameBytes;
    }
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    let next = 0;
    const draw = () => context.putImageData(frames[next++ % frames.length], 0, 0);
    draw();
    setInterval(draw, 100); // 10 frames a second, as the Y4M files are written
    const tracks = [];
    window.__tracksOpened = () => tracks.length;
    window.__liveTracks = () => tracks.filter((t) => t.readyState === 'live').length;
    // The prototype, since wasm-bindgen calls Web APIs through it.
    MediaDevices.prototype.getUserMedia = async function (constraints) {
      if (!constraints?.video) throw new DOMException('no video asked for', 'NotFoundError');
      const stream = canvas.captureStream(10);
      tracks.push(...stream.getTracks());
      return stream;
    };
  }, `/test-media/${video}`);
}
