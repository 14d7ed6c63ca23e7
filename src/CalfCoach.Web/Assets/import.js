// Import page: sends the chosen or dropped files to the API with upload progress, shows the import's own progress as
// the server streams it (files read, new, already stored, failed), then the summary the page renders.
// Without this script the form still posts and the page shows the same summary.
(() => {
  const form = document.getElementById('import-form');
  const zone = document.getElementById('drop-zone');
  const progress = document.getElementById('import-progress');
  const bar = document.getElementById('upload-bar');
  const status = document.getElementById('import-status');
  const summary = document.getElementById('import-summary');
  const mb = bytes => (bytes / 1e6).toFixed(1);

  // The summary is rendered by the page itself (the same fragment as a plain form post), from the streamed result.
  function showSummary(body) {
    const fragment = new XMLHttpRequest();
    fragment.open('POST', '/import?handler=Summary');
    fragment.setRequestHeader('Content-Type', 'application/json');
    fragment.onload = () => {
      progress.hidden = true;
      summary.innerHTML = fragment.responseText;
      const title = document.getElementById('summary-title');
      if (title) title.focus();
    };
    fragment.onerror = () => { status.textContent = 'The import finished, but its summary could not be shown: open the dashboard.'; };
    fragment.send(JSON.stringify(body));
  }

  function send(files) {
    if (files.length === 0) { status.textContent = 'Choose or drop at least one file first.'; progress.hidden = false; return; }
    const data = new FormData();
    for (const { file, path } of files) data.append('files', file, path);
    const request = new XMLHttpRequest();
    let seen = 0;
    let last = null;
    // The API streams one JSON object per line: progress while files are stored, the summary last.
    const readLines = () => {
      const text = request.responseText;
      const end = text.lastIndexOf('\n');
      if (end < seen) return;
      for (const line of text.slice(seen, end).split('\n').filter(l => l.trim().length > 0)) {
        const item = JSON.parse(line);
        last = item;
        if (item.progress) {
          const p = item.progress;
          bar.value = p.totalBytes > 0 ? Math.round(100 * p.bytesScanned / p.totalBytes) : 0;
          status.textContent = `Storing your runs: ${p.filesDone} files read (${mb(p.bytesScanned)} of ${mb(p.totalBytes)} MB), `
            + `${p.imported} new, ${p.duplicates} already stored, ${p.failed} could not be read`;
        }
      }
      seen = end + 1;
    };
    request.open('POST', '/api/imports');
    request.setRequestHeader('Accept', 'application/x-ndjson');
    request.upload.onprogress = e => {
      if (!e.lengthComputable) return;
      bar.value = Math.round(100 * e.loaded / e.total);
      status.textContent = `Uploading: ${mb(e.loaded)} of ${mb(e.total)} MB`;
    };
    request.upload.onload = () => { bar.value = 0; status.textContent = 'Reading and storing your runs…'; };
    request.onprogress = readLines;
    request.onload = () => {
      if (request.status === 200) {
        readLines();
        showSummary(last && last.summary ? { summary: last.summary } : { error: (last && last.error) || 'The import stopped before it finished; try again.' });
      } else {
        let problem = null;
        try { problem = JSON.parse(request.responseText); } catch { /* not a problem document */ }
        showSummary({ error: (problem && (problem.detail || problem.title)) || `The server answered ${request.status}.` });
      }
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
