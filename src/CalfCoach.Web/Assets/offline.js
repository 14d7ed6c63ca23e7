// Offline check-ins and the installable app: loaded on every page by the layout.
//
// 1. Registers the service worker (/sw.js), which keeps the runner's "today" page and plan for offline use.
// 2. A form marked data-offline-queue="/api/check-ins/…" that is submitted while the phone is offline, or online but
//    unable to reach the server, is not lost: it is turned into the API's JSON body, given a client id (a UUID) and kept
//    in this browser's IndexedDB; when the server can be reached again (now, or the next time any page opens) each kept
//    check-in is sent to its API URL with its client id, so one sent twice (a lost answer, two tabs) is still stored
//    once. When the server answers, the form posts as usual.
//    Fields become JSON by name (data-offline-key="…" renames one): numbers from number inputs, booleans from
//    checkboxes, hidden fields only with data-offline-key; a checked radio with data-offline-flag="key" sends key: true
//    (an empty flag sends nothing); data-offline-date="YYYY-MM-DD" on the form sends the day of the plan shown.
// 3. Scripts that post check-ins themselves call CalfCoachOffline.send(url, body): it posts at once when it can and
//    keeps the check-in otherwise. CalfCoachOffline.clear() is the sign-out hook: it empties the queue and asks the
//    worker to delete its cache.
(() => {
  const DATABASE = 'calfcoach-offline';
  const STORE = 'check-ins';

  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => { /* no worker (private mode): pages still work online */ });
  }

  function open() {
    return new Promise((resolve, reject) => {
      const request = indexedDB.open(DATABASE, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'clientId' });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }

  async function withStore(mode, work) {
    const db = await open();
    try {
      return await new Promise((resolve, reject) => {
        const transaction = db.transaction(STORE, mode);
        const result = work(transaction.objectStore(STORE));
        transaction.oncomplete = () => resolve(result && 'result' in result ? result.result : undefined);
        transaction.onerror = () => reject(transaction.error);
      });
    } finally {
      db.close();
    }
  }

  function newId() {
    if (crypto.randomUUID) return crypto.randomUUID();
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  /** Keeps a check-in for later; the client id goes with it and never changes. */
  async function queue(url, body) {
    const item = { clientId: newId(), url, body, queuedAt: new Date().toISOString() };
    await withStore('readwrite', (store) => store.put(item));
    return item;
  }

  function pending() {
    return withStore('readonly', (store) => store.getAll());
  }

  function post(item) {
    return fetch(item.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ ...item.body, clientId: item.clientId }),
    });
  }

  let flushing = null;

  /** Sends every kept check-in, oldest first; stops at the first that cannot reach the server. Returns how many were sent. */
  function flush() {
    if (!navigator.onLine) return Promise.resolve(0);
    flushing = flushing || (async () => {
      let sent = 0;
      const items = (await pending()).sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
      for (const item of items) {
        let response;
        try {
          response = await post(item);
        } catch {
          break; // still offline after all: keep it for next time
        }
        if (response.status >= 500 || response.status === 408 || response.status === 429) break;
        // Stored (or stored before: same client id), or refused for good (a 4xx will never change): either way it leaves the queue.
        await withStore('readwrite', (store) => store.delete(item.clientId));
        if (response.ok) sent++;
        else say(response.status === 404
          ? 'A check-in kept while offline could not be saved: there was no plan on that day to add it to.'
          : 'A check-in kept while offline could not be saved: the server did not accept it. Please log it again.');
      }
      return sent;
    })().finally(() => { flushing = null; });
    return flushing;
  }

  /** Posts now when online; kept for later when offline or when the server cannot be reached. */
  async function send(url, body) {
    if (navigator.onLine) {
      const item = { clientId: newId(), url, body };
      try {
        return await post(item);
      } catch {
        await withStore('readwrite', (store) => store.put({ ...item, queuedAt: new Date().toISOString() }));
        return null;
      }
    }
    await queue(url, body);
    return null;
  }

  /** Sign-out: forgets the queue and the worker's saved pages. */
  async function clear() {
    await new Promise((resolve) => {
      const request = indexedDB.deleteDatabase(DATABASE);
      request.onsuccess = request.onerror = request.onblocked = () => resolve();
    });
    const registration = 'serviceWorker' in navigator ? await navigator.serviceWorker.getRegistration('/') : null;
    const worker = registration && registration.active;
    if (!worker) return;
    await new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      worker.postMessage({ type: 'clear' }, [channel.port2]);
      setTimeout(resolve, 2000);
    });
  }

  function bodyOf(form) {
    const body = {};
    for (const field of form.elements) {
      if (!field.name || field.disabled || field.type === 'submit' || field.type === 'button') continue;
      // Hidden fields are the framework's (the anti-forgery token), not the check-in's, unless marked as one of its keys.
      if (field.type === 'hidden' && !field.dataset.offlineKey) continue;
      const key = field.dataset.offlineKey || field.name;
      if (field.type === 'radio') {
        if (!field.checked) continue;
        if ('offlineFlag' in field.dataset) {
          if (field.dataset.offlineFlag) body[field.dataset.offlineFlag] = true;
        } else {
          body[key] = field.value;
        }
      } else if (field.type === 'checkbox') {
        body[key] = field.checked;
      } else if (field.value.trim() !== '') {
        body[key] = field.type === 'number' ? Number(field.value) : field.value;
      }
    }
    if (form.dataset.offlineDate) body.date = form.dataset.offlineDate;
    return body;
  }

  /** A status line under the form (or at the top of the page), read out by screen readers. */
  function say(text, near) {
    let line = document.getElementById('offline-status');
    if (!line) {
      line = document.createElement('p');
      line.id = 'offline-status';
      line.className = 'saved offline-status';
      line.setAttribute('role', 'status');
    }
    const place = near || document.getElementById('main') || document.body;
    if (near) near.after(line); else place.prepend(line);
    line.textContent = text;
  }

  function showOffline() {
    const banner = document.getElementById('offline-banner');
    if (navigator.onLine) {
      if (banner) banner.remove();
      return;
    }
    if (banner) return;
    const note = document.createElement('p');
    note.id = 'offline-banner';
    note.className = 'offline-banner';
    note.setAttribute('role', 'status');
    note.textContent = 'You are offline. This is your plan as it was when you last opened it. Check-ins you make now are kept on this device and sent when you are back online.';
    (document.getElementById('main') || document.body).prepend(note);
  }

  /**
   * Whether the CalfCoach server answers now. A phone can be online and still not reach it (the server is the computer at
   * home), so "online" alone would lose the check-in to a browser error page. /sw.js is small and the worker lets it through.
   */
  async function reachable() {
    if (!navigator.onLine) return false;
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), 3000);
    try {
      return (await fetch('/sw.js', { cache: 'no-store', signal: abort.signal })).ok;
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  document.addEventListener('submit', async (event) => {
    const form = event.target.closest('form[data-offline-queue]');
    if (!form || form.dataset.offlineReachable) return; // checked just now: posts as usual
    event.preventDefault();
    if (await reachable()) {
      form.dataset.offlineReachable = 'yes';
      form.requestSubmit(event.submitter);
      return;
    }
    await queue(form.dataset.offlineQueue, bodyOf(form));
    form.reset();
    say(navigator.onLine
      ? 'CalfCoach cannot be reached just now, so this is saved on this device. It will be sent when CalfCoach can be reached.'
      : 'Saved on this device while you are offline. It will be sent when you are back online.', form);
  });

  async function sendKept() {
    const sent = await flush();
    if (sent > 0) {
      say((sent === 1 ? 'Sent the check-in you made while offline.' : `Sent the ${sent} check-ins you made while offline.`)
        + ' Reload the page to see your plan with them.');
    }
  }

  window.addEventListener('online', () => { showOffline(); sendKept(); });
  window.addEventListener('offline', showOffline);
  showOffline();
  sendKept();

  // Signing out forgets this browser's copy of the runner's pages and any check-in still queued, then posts the form.
  document.addEventListener('submit', async (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-sign-out')) return;
    event.preventDefault();
    try { await clear(); } finally { form.submit(); }
  });

  window.CalfCoachOffline = { send, queue, flush, pending, clear };
})();
