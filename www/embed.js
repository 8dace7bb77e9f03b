// Warrant Check embed: a force pastes
//   <div data-warrant-check data-force-name="…" data-colour="#00567d" data-share-verdict></div>
//   <script src="https://CHECKER/embed.js" async></script>
// and gets the checker in a cross-origin frame, so the host page's own scripts (analytics,
// tag managers) can never read a card. Only the frame's height and, if asked for, the
// verdict's name come out. Defines no globals.
(() => {
  'use strict';
  const script = document.currentScript;
  if (!script || !script.src) return;
  const base = new URL('./', script.src);
  const checkerOrigin = base.origin;

  function fill(placeholder) {
    if (placeholder.dataset.warrantCheckReady) return;
    placeholder.dataset.warrantCheckReady = 'true';
    const d = placeholder.dataset;
    const params = new URLSearchParams({ host: location.origin });
    if (d.forceName) params.set('force', d.forceName.trim().slice(0, 80));
    if (d.colour) params.set('colour', d.colour.trim());
    if (d.lang) params.set('lang', d.lang.trim());
    if ('shareVerdict' in d) params.set('share', 'verdict');

    const frame = document.createElement('iframe');
    frame.src = new URL('embed.html?' + params, base).href;
    frame.title = d.title || 'Police warrant card checker';
    frame.allow = 'camera';
    // The host's origin alone (never the page's path or query, and nothing to an http
    // checker from an https page): the frame shows the force's name and colour only if the
    // page framing it is the host named in its link, and Firefox, which has no
    // location.ancestorOrigins, can tell that only from the referrer. The origin is in the
    // link already (host=).
    frame.referrerPolicy = 'strict-origin';
    frame.loading = 'eager';
    // allow-same-origin is the checker's own origin (it fetches its signed lists from
    // there); the frame stays cross-origin to the host, which cannot reach into it.
    frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-forms');
    // CSSOM, not a style attribute, so a host CSP without 'unsafe-inline' allows it.
    Object.assign(frame.style, { width: '100%', border: '0', display: 'block', height: '36rem' });

    window.addEventListener('message', (event) => {
      if (event.source !== frame.contentWindow || event.origin !== checkerOrigin) return;
      const m = event.data;
      if (!m || typeof m !== 'object') return;
      // Without data-share-verdict the frame asks for one height whatever it shows (a
      // screenful), so the height cannot tell this page the verdict either.
      if (m.type === 'warrant-check:size' && Number.isFinite(m.height)) {
        frame.style.height = Math.ceil(Math.min(Math.max(m.height, 80), 20000)) + 'px';
      } else if (m.type === 'warrant-check:verdict' && typeof m.verdict === 'string' && /^[a-z-]{1,40}$/.test(m.verdict)) {
        placeholder.dispatchEvent(new CustomEvent('warrant-check-verdict', { detail: { verdict: m.verdict }, bubbles: true }));
      }
    });
    placeholder.replaceChildren(frame);
  }

  const fillAll = () => document.querySelectorAll('[data-warrant-check]:not([data-warrant-check-ready])').forEach(fill);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fillAll);
  else fillAll();
  // Sites that build pages in script (content management, single-page apps) may add the
  // placeholder later.
  new MutationObserver(fillAll).observe(document.documentElement, { childList: true, subtree: true });
})();
