// The part of the password policy the browser can check before sending. The 等保 floor (8 characters, 3 of
// 4 classes) is the least any policy asks; the server checks the configured policy and the history.

export const POLICY_FLOOR = { min_length: 8, min_classes: 3, history: 5 }

export function characterClasses(pw: string): number {
  let n = 0
  if (/[a-z]/.test(pw)) n++
  if (/[A-Z]/.test(pw)) n++
  if (/[0-9]/.test(pw)) n++
  if (/[^a-zA-Z0-9]/.test(pw)) n++
  return n
}

export function meetsFloor(pw: string): boolean {
  return pw.length >= POLICY_FLOOR.min_length && characterClasses(pw) >= POLICY_FLOOR.min_classes
}
