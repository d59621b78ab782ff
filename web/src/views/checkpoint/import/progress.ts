// Upload progress in whole percent, 0 when nothing is known yet.
export function percent(sent: number, total: number): number {
  if (total <= 0) return 0
  return Math.min(100, Math.round((sent / total) * 100))
}
