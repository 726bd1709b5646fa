// The iframe embed: the host posts text, this page annotates it and posts back (docs/EMBEDDING.md).
//   host → frame  {type: 'muster:annotate', id?, text, categories?, theme?}
//   frame → host  {type: 'muster:ready', version}             once loaded
//                 {type: 'muster:annotations', id, annotations} UTF-16 offsets into text
//                 {type: 'muster:error', id, message}
//                 {type: 'muster:resize', height}               whenever the content height changes
// Replies go only to the window and origin that asked.
import { init, version } from './muster-annotator.js';

const view = document.getElementById('view');
await init();
if (window.parent !== window) window.parent.postMessage({ type: 'muster:ready', version: version() }, '*');

let lastHeight = -1;
let pending = null; // the AbortController of the request being answered
let host = null; // {source, origin} of the last request: resize goes there only
new ResizeObserver(() => {
  const height = Math.ceil(document.documentElement.scrollHeight);
  if (host && height !== lastHeight) {
    lastHeight = height;
    host.source.postMessage({ type: 'muster:resize', height }, host.origin);
  }
}).observe(document.body);

window.addEventListener('message', (event) => {
  const message = event.data;
  if (!message || message.type !== 'muster:annotate' || !event.source) return;
  host = { source: event.source, origin: event.origin === 'null' ? '*' : event.origin };
  const reply = (data) => host.source.postMessage({ id: message.id ?? null, ...data }, host.origin);
  if (typeof message.text !== 'string') return reply({ type: 'muster:error', message: 'text must be a string' });
  pending?.abort(); // a newer request supersedes an unanswered one
  const request = (pending = new AbortController());
  const answer = (data) => { request.abort(); reply(data); };
  view.addEventListener('muster-annotated', (e) => answer({ type: 'muster:annotations', annotations: e.detail }), { signal: request.signal });
  view.addEventListener('muster-error', (e) => answer({ type: 'muster:error', message: e.detail.message }), { signal: request.signal });
  for (const name of ['categories', 'theme']) {
    if (typeof message[name] === 'string') view.setAttribute(name, message[name]);
    else view.removeAttribute(name);
  }
  if (view.getAttribute('text') === message.text) view.removeAttribute('text'); // force a fresh run
  view.setAttribute('text', message.text);
});
