// Registers the service worker (../sw.js, written by scripts/post-build.mjs at each release build)
// so that the app loads and works with no network after one visit. Its scope is the folder the
// app is served from, whatever the sub-path. A new build takes over on the next visit.
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  navigator.serviceWorker.register(new URL('../sw.js', document.currentScript.src)).catch((error) => {
    console.warn('Muster works online only: the service worker was not registered:', error);
  });
}
