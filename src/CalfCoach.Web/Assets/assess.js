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
