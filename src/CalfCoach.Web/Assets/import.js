// Import page: sends the chosen or dropped files with upload progress, then shows the summary the server renders.
// Without this script the form still posts and the page shows the same summary.
(() => {
  const form = document.getElementById('import-form');
  const zone = document.getElementById('drop-zone');
  const progress = document.getElementById('import-progress');
  const bar = document.getElementById('upload-bar');
  const status = document.getElementById('import-status');
  const summary = document.getElementById('import-summary');
  const mb = bytes => (bytes / 1e6).toFixed(1);

  function send(files) {
    if (files.length === 0) { status.textContent = 'Choose or drop at least one file first.'; progress.hidden = false; return; }
    const data = new FormData();
    for (const { file, path } of files) data.append('files', file, path);
    const request = new XMLHttpRequest();
    request.open('POST', form.action);
    request.setRequestHeader('X-CalfCoach-Fragment', 'summary');
    request.upload.onprogress = e => {
      if (!e.lengthComputable) return;
      bar.value = Math.round(100 * e.loaded / e.total);
      status.textContent = `Uploading: ${mb(e.loaded)} of ${mb(e.total)} MB`;
    };
    request.upload.onload = () => { bar.removeAttribute('value'); status.textContent = 'Reading and storing your runs…'; };
    request.onload = () => {
      progress.hidden = true;
      summary.innerHTML = request.responseText;
      const title = document.getElementById('summary-title');
      if (title) title.focus();
    };
    request.onerror = () => { status.textContent = 'The upload failed: is CalfCoach still running? Try again.'; };
    progress.hidden = false;
    bar.value = 0;
    status.textContent = 'Starting the upload…';
    summary.innerHTML = '';
    request.send(data);
  }

  const chosen = () => [...form.querySelectorAll('input[type=file]')]
    .flatMap(input => [...input.files].map(file => ({ file, path: file.webkitRelativePath || file.name })));

  form.addEventListener('submit', e => { e.preventDefault(); send(chosen()); });

  // Dropped folders are walked, keeping relative paths so a Strava export's activities.csv finds its files.
  async function entries(entry, prefix) {
    if (entry.isFile) return [await new Promise((ok, fail) => entry.file(f => ok({ file: f, path: prefix + f.name }), fail))];
    const reader = entry.createReader();
    const all = [];
    for (;;) {
      const batch = await new Promise((ok, fail) => reader.readEntries(ok, fail));
      if (batch.length === 0) break;
      for (const child of batch) all.push(...await entries(child, prefix + entry.name + '/'));
    }
    return all;
  }

  ['dragenter', 'dragover'].forEach(type => zone.addEventListener(type, e => { e.preventDefault(); zone.classList.add('dragging'); }));
  ['dragleave', 'drop'].forEach(type => zone.addEventListener(type, () => zone.classList.remove('dragging')));
  zone.addEventListener('drop', async e => {
    e.preventDefault();
    const items = [...e.dataTransfer.items].map(i => i.webkitGetAsEntry && i.webkitGetAsEntry()).filter(Boolean);
    const files = items.length > 0
      ? (await Promise.all(items.map(entry => entries(entry, '')))).flat()
      : [...e.dataTransfer.files].map(file => ({ file, path: file.name }));
    send(files);
  });
})();
