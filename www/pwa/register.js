// Registers the service worker (../sw.js, written by scripts/post-build.mjs at each release build)
// so that the app loads and works with no network after one visit. Its scope is the folder the
// app is served from, whatever the sub-path. A new build takes over at once and shows from the next
// load; when it takes over an open page, `window` gets a `muster:updated` event (the page may offer
// to reload).
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  const updating = navigator.serviceWorker.controller !== null;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (updating) window.dispatchEvent(new CustomEvent('muster:updated'));
  });
  navigator.serviceWorker.register(new URL('../sw.js', document.currentScript.src)).catch((error) => {
    console.warn('Muster works online only: the service worker was not registered:', error);
  });
}
