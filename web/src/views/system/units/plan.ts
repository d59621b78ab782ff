// The restructure form (机构调整) and the plan JSON it stands for (docs/api/units-restructure.md).
// The form keeps every operation kind's inputs side by side so switching kinds loses nothing; buildPlan keeps
// only what the chosen kind needs, trimmed, in the form's order — so the server's field paths
// (operations[i].units[j], reassign[k].to …) name the same rows the form shows.
import type { NewUnit, Plan, PlanOperation } from '@/api/unitRestructure'
import type { UnitKind } from '@/api/units'

export type OpKind = 'merge' | 'split' | 'rename' | 'move'
export const OP_KINDS: OpKind[] = ['merge', 'split', 'rename', 'move']

// A unit target: an existing unit (by code) or a new one.
export interface TargetForm {
  mode: 'existing' | 'new'
  code: string
  name: string
  kind: UnitKind
  parent: string
}

export interface OperationForm {
  op: OpKind
  units: string[] // merge: the units merged
  unit: string // split / rename / move: the unit changed
  into: TargetForm // merge: where they end up
  parts: TargetForm[] // split: the parts
  defaultCode: string // split: the part that receives everything else
  name: string // rename: the new name
  newCode: string // rename: a new code (optional)
  parent: string // move: the new parent
}

export interface ReassignForm {
  user: string
  to: string
}

export interface PlanForm {
  title: string
  effective_date: string
  reason: string
  operations: OperationForm[]
  reassign: ReassignForm[]
}

export function emptyTarget(mode: TargetForm['mode'] = 'existing', kind: UnitKind = 'station'): TargetForm {
  return { mode, code: '', name: '', kind, parent: '' }
}

export function emptyOperation(op: OpKind = 'merge'): OperationForm {
  return {
    op,
    units: [],
    unit: '',
    into: emptyTarget(),
    parts: [emptyTarget('new', 'brigade'), emptyTarget('new', 'brigade')],
    defaultCode: '',
    name: '',
    newCode: '',
    parent: '',
  }
}

export function emptyPlanForm(effectiveDate = ''): PlanForm {
  return { title: '', effective_date: effectiveDate, reason: '', operations: [emptyOperation()], reassign: [] }
}

function target(t: TargetForm): string | NewUnit {
  if (t.mode === 'existing') return t.code.trim()
  const u: NewUnit = { code: t.code.trim(), name: t.name.trim(), kind: t.kind }
  if (t.parent.trim()) u.parent = t.parent.trim()
  return u
}

export function buildOperation(o: OperationForm): PlanOperation {
  switch (o.op) {
    case 'merge':
      return { op: 'merge', units: o.units.map((c) => c.trim()), into: target(o.into) }
    case 'split':
      return { op: 'split', unit: o.unit.trim(), into: o.parts.map(target), default: o.defaultCode.trim() }
    case 'rename': {
      const r: PlanOperation = { op: 'rename', unit: o.unit.trim(), name: o.name.trim() }
      if (o.newCode.trim() && o.newCode.trim() !== o.unit.trim()) r.code = o.newCode.trim()
      return r
    }
    case 'move':
      return { op: 'move', unit: o.unit.trim(), parent: o.parent.trim() }
  }
}

// The plan JSON of the form. Every row is sent as it stands (an empty one too), so that the server's field paths
// reassign[k] and operations[i] name the rows the form shows; `reassign` is left out when there is none.
export function buildPlan(f: PlanForm): Plan {
  const plan: Plan = {
    title: f.title.trim(),
    effective_date: f.effective_date.trim(),
    reason: f.reason.trim(),
    operations: f.operations.map(buildOperation),
  }
  if (f.reassign.length) plan.reassign = f.reassign.map((r) => ({ user: r.user.trim(), to: r.to.trim() }))
  return plan
}

// The codes a split part or merge target stands for (to offer as the split's default).
export function partCodes(o: OperationForm): string[] {
  return o.parts.map((p) => p.code.trim()).filter((c) => c !== '')
}

// ---- the other way: a plan JSON file into the form, for review before the dry run --------------------------

export class PlanFileError extends Error {
  constructor(readonly reason: 'not_json' | 'not_an_object') {
    super(reason)
  }
}

const str = (v: unknown): string => (v === undefined || v === null ? '' : typeof v === 'string' ? v : String(v))
const KINDS: UnitKind[] = ['bureau', 'station', 'brigade', 'office']
const kindOf = (v: unknown, fallback: UnitKind): UnitKind => (KINDS.includes(v as UnitKind) ? (v as UnitKind) : fallback)

function targetForm(v: unknown, kind: UnitKind): TargetForm {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    const u = v as Record<string, unknown>
    return { mode: 'new', code: str(u.code), name: str(u.name), kind: kindOf(u.kind, kind), parent: str(u.parent) }
  }
  return { ...emptyTarget('existing', kind), code: str(v) }
}

function operationForm(v: unknown): OperationForm {
  const o = (v !== null && typeof v === 'object' ? v : {}) as Record<string, unknown>
  const op: OpKind = OP_KINDS.includes(o.op as OpKind) ? (o.op as OpKind) : 'merge'
  const f = emptyOperation(op)
  switch (op) {
    case 'merge':
      f.units = Array.isArray(o.units) ? o.units.map(str) : []
      f.into = targetForm(o.into, 'station')
      break
    case 'split':
      f.unit = str(o.unit)
      f.parts = Array.isArray(o.into) ? o.into.map((p) => targetForm(p, 'brigade')) : []
      f.defaultCode = str(o.default)
      break
    case 'rename':
      f.unit = str(o.unit)
      f.name = str(o.name)
      f.newCode = str(o.code)
      break
    case 'move':
      f.unit = str(o.unit)
      f.parent = str(o.parent)
      break
  }
  return f
}

// Reads a plan file (the CLI's format) into the form. The form shows what the file says; the server's dry run
// checks it. Throws PlanFileError when the text is not a JSON object.
export function planFormFromJson(text: string): PlanForm {
  let v: unknown
  try {
    v = JSON.parse(text)
  } catch {
    throw new PlanFileError('not_json')
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new PlanFileError('not_an_object')
  const p = v as Record<string, unknown>
  return {
    title: str(p.title),
    effective_date: str(p.effective_date),
    reason: str(p.reason),
    operations: Array.isArray(p.operations) ? p.operations.map(operationForm) : [],
    reassign: Array.isArray(p.reassign)
      ? p.reassign.map((r) => {
          const x = (r !== null && typeof r === 'object' ? r : {}) as Record<string, unknown>
          return { user: str(x.user), to: str(x.to) }
        })
      : [],
  }
}

// ---- server field problems next to the inputs ------------------------------------------------------------

// The problems at `path` and below its list items (path[0], path[1].code …), as text for one form item;
// an item's problem is prefixed with its 1-based number so the user finds the row ("#2 不存在").
export function errorsAt(fields: Record<string, string>, path: string): string {
  const out: string[] = []
  if (fields[path]) out.push(fields[path])
  for (const [k, v] of Object.entries(fields)) {
    const m = k.startsWith(path + '[') ? /^\[(\d+)\]$/.exec(k.slice(path.length)) : null
    if (m) out.push(`#${Number(m[1]) + 1} ${v}`)
  }
  return out.join('；')
}

// The problems under `prefix` that no input of the form shows (`shown` lists the paths the inputs show,
// each with its list items): shown at the operation's card so that nothing the server says is lost.
export function otherErrors(fields: Record<string, string>, prefix: string, shown: string[]): string[] {
  const isShown = (k: string) => shown.some((s) => k === s || (k.startsWith(s + '[') && /^\[\d+\]$/.test(k.slice(s.length))))
  return Object.entries(fields)
    .filter(([k]) => (k === prefix || k.startsWith(prefix + '.') || k.startsWith(prefix + '[')) && !isShown(k))
    .map(([k, v]) => `${k}: ${v}`)
}

// The paths the form's inputs for operation i show (see RestructureForm.vue).
export function operationPaths(o: OperationForm, i: number): string[] {
  const p = `operations[${i}]`
  const newUnit = (q: string) => [`${q}.code`, `${q}.name`, `${q}.kind`, `${q}.parent`]
  switch (o.op) {
    case 'merge':
      return [`${p}.op`, `${p}.units`, `${p}.into`, ...newUnit(`${p}.into`)]
    case 'split':
      return [`${p}.op`, `${p}.unit`, `${p}.into`, `${p}.default`, ...o.parts.flatMap((_, j) => [`${p}.into[${j}]`, ...newUnit(`${p}.into[${j}]`)])]
    case 'rename':
      return [`${p}.op`, `${p}.unit`, `${p}.name`, `${p}.code`]
    case 'move':
      return [`${p}.op`, `${p}.unit`, `${p}.parent`]
  }
}

// The problems the form shows (next to an input or on an operation's card); the rest go to the message.
export function formPaths(f: PlanForm, problems: Record<string, string>): string[] {
  return Object.keys(problems).filter((k) => {
    if (['title', 'effective_date', 'reason', 'operations', 'reassign'].includes(k)) return true
    const op = /^operations\[(\d+)\]/.exec(k)
    if (op) return Number(op[1]) < f.operations.length
    const re = /^reassign\[(\d+)\]\.(user|to)$/.exec(k)
    return re !== null && Number(re[1]) < f.reassign.length
  })
}
