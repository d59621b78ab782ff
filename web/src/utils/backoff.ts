// Reconnect delays: 1 s doubling to 30 s, with up to 20 % random jitter so a restarted server is not hit by
// every browser at once.
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30000, 1000 * 2 ** Math.max(0, attempt))
  return Math.round(base * (1 + 0.2 * random()))
}
