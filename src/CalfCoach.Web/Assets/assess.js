// Assessment: the moment a sign that alone means an emergency is ticked, the emergency instructions appear at the top
// of the screen. The server decides the same on "Next" without this script.
(() => {
  const panel = document.getElementById('emergency-now');
  if (!panel) return;
  const boxes = [...document.querySelectorAll('input[data-emergency]')];
  const update = changed => {
    const ticked = boxes.filter(b => b.checked).map(b => b.value);
    panel.querySelectorAll('[data-for]').forEach(advice => { advice.hidden = !ticked.includes(advice.dataset.for); });
    const wasHidden = panel.hidden;
    panel.hidden = ticked.length === 0;
    if (!panel.hidden && wasHidden && changed) {
      panel.scrollIntoView({ block: 'start' });
      panel.focus();
    }
  };
  boxes.forEach(b => b.addEventListener('change', () => update(true)));
  update(false);
})();

// Follow-up questions appear under their sign the moment it is ticked (the server asks for them on "Next" without this).
(() => {
  const followUps = [...document.querySelectorAll('fieldset.follow-up[data-gateways]')];
  if (followUps.length === 0) return;
  const update = () => followUps.forEach(f => {
    const gateways = f.dataset.gateways.split(' ');
    f.hidden = !gateways.some(key => document.getElementById('q-' + key)?.checked);
  });
  document.querySelectorAll('input[name="yes"]').forEach(b => b.addEventListener('change', update));
  update();
})();

// "None of these" on a screen of signs (and under each list of the details screen) unticks every box of its list, and ticking a sign unticks it. Only the signs
// are posted; without scripts the box is simply not sent.
(() => {
  document.querySelectorAll('input[data-none-of-these]').forEach(none => {
    const signs = [...none.closest('fieldset').querySelectorAll('input[type="checkbox"]:not([data-none-of-these])')];
    none.addEventListener('change', () => {
      if (!none.checked) return;
      signs.filter(s => s.checked).forEach(s => {
        s.checked = false;
        s.dispatchEvent(new Event('change', { bubbles: true }));
      });
    });
    signs.forEach(s => s.addEventListener('change', () => { if (s.checked) none.checked = false; }));
  });
})();
