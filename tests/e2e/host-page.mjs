// A "tag manager" on a force's page that embeds the checker tries every way into the frame:
// run on the host page, this says what each attempt got (a cross-origin frame gives nothing).
export function reachIntoFrame() {
  const frame = document.querySelector('iframe');
  const attempts = { contentDocument: frame.contentDocument === null ? 'null' : 'READABLE' };
  for (const [name, reach] of Object.entries({
    document: () => frame.contentWindow.document.body.innerText,
    location: () => frame.contentWindow.location.href,
    storage: () => frame.contentWindow.localStorage.length,
  })) {
    try { attempts[name] = 'READABLE: ' + reach(); } catch (e) { attempts[name] = e.name; }
  }
  return attempts;
}
