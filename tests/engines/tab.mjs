// One browser tab of the checker, through plain WebDriver calls every engine implements:
// CSS selectors, typed keys, files given to an <input type=file>, and scripts run in the
// page. Assertions wait with expect.poll on these reads.
import { By, Key, until } from 'selenium-webdriver';

export const BASE = 'http://127.0.0.1:8080';
export { Key };

export class Tab {
  constructor(driver) {
    this.driver = driver;
    this.engine = driver.engine;
  }

  async open(path) {
    await this.driver.get(new URL(path, BASE).href);
  }

  /// Runs `fn(...args)` in the page and returns its (awaited) result.
  async eval(fn, ...args) {
    const result = await this.driver.executeAsyncScript(
      `const done = arguments[arguments.length - 1];
       Promise.resolve().then(() => (${fn})(...Array.from(arguments).slice(0, -1)))
         .then((value) => done({ value }), (e) => done({ error: String(e && e.stack || e) }));`, ...args);
    if (result && 'error' in result) throw new Error(`in the page: ${result.error}`);
    return result?.value;
  }

  async element(css, timeout = 15_000) {
    return this.driver.wait(until.elementLocated(By.css(css)), timeout, `no element ${css}`);
  }

  async click(css) {
    await (await this.element(css)).click();
  }

  /// Types text into a field and presses Enter, as a person pasting a code does.
  async enter(css, text) {
    const field = await this.element(css);
    await field.click(); // into the field first: WebKitGTK's driver types into a frame only after
    await field.clear();
    await field.sendKeys(text, Key.ENTER);
  }

  async upload(css, path) {
    await (await this.element(css)).sendKeys(path);
  }

  /// Sends the page a file fetched from `url` (an image, or something claiming to be one) in
  /// each of `events` on `target`: 'paste' as for a clipboard picture, 'dragover' and 'drop'
  /// as for a file dragged from the desktop. Made on the page itself, as a browser makes them.
  async sendFile(events, target, url) {
    await this.eval(async (events, target, url) => {
      const data = new DataTransfer();
      data.items.add(new File([await (await fetch(url)).blob()], 'card.png', { type: 'image/png' }));
      for (const type of events) {
        const init = { bubbles: true, cancelable: true };
        document.querySelector(target).dispatchEvent(type === 'paste'
          ? new ClipboardEvent(type, { ...init, clipboardData: data })
          : new DragEvent(type, { ...init, dataTransfer: data }));
      }
    }, events, target, url);
  }

  async press(...keys) {
    await this.driver.actions().sendKeys(...keys).perform();
  }

  text(css) {
    return this.eval((css) => document.querySelector(css)?.textContent.replace(/[\u2066-\u2069]/g, '').trim() ?? null, css);
  }

  count(css) {
    return this.eval((css) => document.querySelectorAll(css).length, css);
  }

  attr(css, name) {
    return this.eval((css, name) => document.querySelector(css)?.getAttribute(name) ?? null, css, name);
  }

  /// Whether the focused element is the first match of `css`.
  focused(css) {
    return this.eval((css) => document.activeElement !== null && document.activeElement === document.querySelector(css), css);
  }

  /// The verdict shown, once there is one.
  async verdict(timeout = 15_000) {
    const shown = await this.element('[data-verdict]', timeout);
    return shown.getAttribute('data-verdict');
  }

  /// Gives the page a viewport `width` CSS pixels wide, or the narrowest the engine allows,
  /// and returns the width it got. Firefox's and WebKitGTK's browser windows are never
  /// narrower than about 500 and 447 CSS pixels; Firefox opens narrower pop-up windows, so
  /// for those it moves into one (closed again by closeOthers()).
  async setSize(width, height) {
    // A resize lands a moment later in WebKitGTK under Xvfb: read the viewport once it holds still.
    const viewport = async () => {
      let last = null;
      for (let i = 0; i < 30; i++) {
        const now = await this.driver.executeScript('return [window.innerWidth, window.innerHeight]');
        if (last && now[0] === last[0] && now[1] === last[1]) return now;
        last = now;
        await new Promise((r) => setTimeout(r, 100));
      }
      return last;
    };
    await this.driver.manage().window().setRect({ width, height });
    let [w, h] = await viewport();
    if (w > width && this.engine === 'firefox') {
      await this.eval((w, h) => { window.open('/robots-none.txt', 'narrow', `popup,width=${w},height=${h}`); }, width, height);
      await this.driver.wait(async () => (await this.driver.getAllWindowHandles()).length > 1, 10_000);
      const handles = await this.driver.getAllWindowHandles();
      await this.driver.switchTo().window(handles[handles.length - 1]);
      [w, h] = await viewport();
    }
    // The window's frame differs by engine: size it again so the viewport itself fits.
    await this.driver.manage().window().setRect({ width: width + Math.max(0, width - w), height: height + Math.max(0, height - h) });
    return (await viewport())[0];
  }

  /// Back to one window, the first.
  async closeOthers() {
    const [first, ...others] = await this.driver.getAllWindowHandles();
    if (!first) return; // the browser itself is gone; the fixture starts a new one
    for (const handle of others) {
      await this.driver.switchTo().window(handle);
      await this.driver.close();
    }
    await this.driver.switchTo().window(first);
  }

  /// The first button whose visible text contains `text`, as a CSS-free handle.
  async button(text) {
    const xpath = `//button[contains(normalize-space(.), ${JSON.stringify(text)})]`;
    return this.driver.wait(until.elementLocated(By.xpath(xpath)), 15_000, `no button "${text}"`);
  }
}
