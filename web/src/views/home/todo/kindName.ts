// The words of a to-do kind: todo.kinds.<kind>, or daywork.todo.<kind> for the kinds added with the daily-work
// leftovers (watch approvals, search exceptions, assessment appeals, community tasks); the code when neither has it.
type T = (key: string) => string
type TE = (key: string) => boolean

export function todoKindName(kind: string, t: T, te: TE): string {
  for (const key of [`todo.kinds.${kind}`, `daywork.todo.${kind}`]) if (te(key)) return t(key)
  return kind
}
