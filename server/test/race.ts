/**
 * Fires `count` calls at once (all started before any is awaited) and collects every outcome,
 * so a test can count how many got through a rule that should let only one.
 */
export async function fireAtOnce<T>(count: number, call: (i: number) => Promise<T>): Promise<PromiseSettledResult<T>[]> {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const calls = Array.from({ length: count }, (_, i) => gate.then(() => call(i)));
  release();
  return Promise.allSettled(calls);
}
