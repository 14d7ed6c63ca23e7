// Today: the check-off and pain forms post to the page and work without scripts. With scripts they send the same
// check-in to the API instead (no page reload), mark the task done or say what was logged, and reload only when the
// advice itself changed (a pain score can raise it). Its words come from the page (data-done, data-said, rendered from
// TodayPageText.resx), so a translation needs no change here.
(() => {
  const status = document.getElementById('today-status');
  const disposition = document.querySelector('[data-disposition]')?.dataset.disposition;
  const say = (text) => { if (status) { status.hidden = false; status.textContent = text; } };
  const send = async (url, body) => {
    const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(String(response.status));
    return response.json();
  };

  document.querySelectorAll('form[data-api]').forEach((form) => {
    form.addEventListener('submit', async (event) => {
      const button = event.submitter;
      const task = form.querySelector('input[name="task"]')?.value;
      const when = form.dataset.when;
      event.preventDefault();
      try {
        if (task) {
          await send(form.dataset.api, { task });
          const item = form.closest('li');
          item.classList.add('done');
          const done = document.createElement('span');
          done.className = 'task-done';
          done.textContent = form.dataset.done;
          form.replaceWith(done);
          say(form.dataset.said);
        } else {
          const score = Number(button?.value);
          const plan = await send(form.dataset.api, { score, atRest: when === 'rest', morning: when === 'morning' });
          if (plan.disposition !== disposition) { window.location.reload(); return; }
          say(button.dataset.said);
          if (when === 'morning') form.remove();
        }
      } catch {
        // The API refused or the network failed: post the form as it would without scripts, so the page says why.
        if (button) { const carry = document.createElement('input'); carry.type = 'hidden'; carry.name = button.name; carry.value = button.value; if (button.name) form.append(carry); }
        form.submit();
      }
    });
  });
})();
