// Plan: choosing an exercise fills in its usual sets and repetitions (heel drops 3 × 12, the heel-raise test 1 × 25, …).
// Without this script the fields keep the first exercise's dose and can be typed over.
(() => {
  const select = document.getElementById('exercise-name');
  const sets = document.getElementById('exercise-sets');
  const reps = document.getElementById('exercise-reps');
  if (!select || !sets || !reps) return;
  select.addEventListener('change', () => {
    const chosen = select.selectedOptions[0];
    if (!chosen) return;
    sets.value = chosen.dataset.sets;
    reps.value = chosen.dataset.reps;
  });
})();
