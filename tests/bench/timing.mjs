// One way to time a query in the benchmarks: the first (cold) run, then the median of five warm runs.
const ms = (t0) => performance.now() - t0;

export function time(label, run) {
  const t0 = performance.now();
  const first = run();
  const cold = ms(t0);
  const warm = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    run();
    warm.push(ms(t));
  }
  warm.sort((a, b) => a - b);
  console.log(`${label}: cold ${cold.toFixed(0)} ms, warm median ${warm[2].toFixed(0)} ms (min ${warm[0].toFixed(0)}, max ${warm[4].toFixed(0)})`);
  return first;
}
