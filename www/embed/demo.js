// The demo's wiring: the three embedding modes, from the package built into pkg/.
import { highlight, init, unhighlight } from '../../pkg/index.js';
import '../../pkg/muster-annotator.js';

const story = document.getElementById('story');
const summary = document.getElementById('summary');
document.getElementById('mark').addEventListener('click', () => {
  const result = highlight(story);
  summary.textContent = `${result.figures.length} figures, ${result.actors.length} actors, ${result.claims.length} claims`;
});
document.getElementById('unmark').addEventListener('click', () => {
  unhighlight(story);
  summary.textContent = '';
});

document.addEventListener('muster-annotated', (e) => {
  document.getElementById('event-log').textContent =
    `muster-annotated: ${e.detail.figures.map((f) => `${f.text} (${f.qualifier})`).join('; ') || 'no figures'}`;
});

const frame = document.getElementById('frame');
const log = document.getElementById('frame-log');
window.addEventListener('message', (e) => {
  if (e.source !== frame.contentWindow) return;
  if (e.data.type === 'muster:resize') frame.style.height = `${e.data.height}px`;
  if (e.data.type === 'muster:annotations') log.textContent = `${e.data.annotations.figures.length} figures`;
  if (e.data.type === 'muster:ready') send();
});
const send = () => frame.contentWindow.postMessage(
  { type: 'muster:annotate', id: Date.now(), text: document.getElementById('frame-text').value }, location.origin);
document.getElementById('send').addEventListener('click', send);

await init(); // the buttons above work once the wasm is loaded
