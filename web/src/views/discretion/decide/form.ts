// Form model of the discretion page, the request built from it, and the catalogue rows read from the server
// (GET /discretion/catalogue and /discretion/factors).
import type {
  AggravationRule,
  CaseFacts,
  FactDef,
  FactValue,
  FactsInput,
  Factor,
  Tier,
  DecisionRequest,
  LawChoice,
  LawText,
  MentalCapacity,
  Mitigation,
  Pick,
  TierKind,
  ViolationRequest,
} from '@/api/discretion'

export interface ViolationForm {
  law: LawText
  article: number | null
  paragraph: number | null
  kind: TierKind | ''
  seq: number
  pick: Pick | ''
  add_fine: boolean
  factors: string[]
  mitigation: Mitigation
  // Facts of the act by fact name (null: not entered) and one entry per victim, names without "victim.".
  facts: Record<string, FactValue | null>
  victims: Record<string, FactValue | null>[]
}

export interface DecideForm {
  law: LawChoice
  act_end_date: string
  decision_date: string
  discovered_date: string
  birth_date: string
  first_violation: boolean
  pregnant: boolean
  nursing_infant: boolean
  mental_capacity: MentalCapacity
  blind_or_deaf_mute: boolean
  prior_restraint_days: number
  violations: ViolationForm[]
  edition_id: number | null // null: the current published edition
}

export function emptyViolation(law: LawText = '2025'): ViolationForm {
  return {
    law,
    article: null,
    paragraph: null,
    kind: '',
    seq: 1,
    pick: '',
    add_fine: false,
    factors: [],
    mitigation: 'lighten',
    facts: {},
    victims: [],
  }
}

export function emptyForm(): DecideForm {
  return {
    law: 'auto',
    act_end_date: '',
    decision_date: '',
    discovered_date: '',
    birth_date: '',
    first_violation: false,
    pregnant: false,
    nursing_infant: false,
    mental_capacity: 'full',
    blind_or_deaf_mute: false,
    prior_restraint_days: 0,
    violations: [emptyViolation()],
    edition_id: null,
  }
}

// The request JSON the server expects. Empty optional inputs are left out so that the server reports missing
// required ones by their own field names (e.g. `violations[0].tier.article: required`).
export function buildRequest(f: DecideForm): DecisionRequest {
  const violations = f.violations.map((v) => {
    const tier: Record<string, unknown> = { law: v.law }
    if (v.article !== null) tier.article = v.article
    if (v.paragraph !== null) tier.paragraph = v.paragraph
    if (v.kind) tier.kind = v.kind
    if (v.seq && v.seq !== 1) tier.seq = v.seq
    const out: ViolationRequest = {
      tier: tier as unknown as ViolationRequest['tier'],
      factors: [...new Set(v.factors)],
      mitigation: v.mitigation,
    }
    if (v.pick) out.pick = v.pick
    const facts = factsInput(v)
    if (facts) out.facts = facts
    // "并处罚款" only means something next to detention; otherwise leave it to the tier.
    if (v.pick === 'detention') out.add_fine = v.add_fine
    return out
  })
  const req: DecisionRequest = {
    law: f.law,
    act_end_date: f.act_end_date,
    decision_date: f.decision_date,
    offender: {
      birth_date: f.birth_date,
      first_violation: f.first_violation,
      pregnant: f.pregnant,
      nursing_infant: f.nursing_infant,
      mental_capacity: f.mental_capacity,
      blind_or_deaf_mute: f.blind_or_deaf_mute,
    },
    prior_restraint_days: Math.max(0, Math.trunc(f.prior_restraint_days || 0)),
    violations,
  }
  if (f.discovered_date) req.discovered_date = f.discovered_date
  if (f.edition_id !== null) req.edition_id = f.edition_id
  return req
}

// A fact counts as entered when it has a value; an unticked box is "not entered" (no rule tests for false).
function entered(x: FactValue | null | undefined): x is FactValue {
  return x !== null && x !== undefined && x !== '' && x !== false
}

// The facts part of a violation request, or undefined when nothing was entered. A victim with no fact entered
// still counts (one more person harmed).
export function factsInput(v: ViolationForm): FactsInput | undefined {
  const out: FactsInput = {}
  for (const [k, x] of Object.entries(v.facts)) if (entered(x)) out[k] = x
  if (v.victims.length) {
    out.victims = v.victims.map((victim) => {
      const o: Record<string, FactValue> = {}
      for (const [k, x] of Object.entries(victim)) if (entered(x)) o[k] = x
      return o
    })
  }
  return Object.keys(out).length ? out : undefined
}

// The aggravating paragraphs that watch the tier chosen for `v` (not the one it already is).
export function rulesFor(rules: AggravationRule[], v: ViolationForm): AggravationRule[] {
  return rules.filter(
    (r) =>
      r.law === v.law &&
      r.from_article === v.article &&
      r.from_paragraph === v.paragraph &&
      !(r.tier && r.tier.paragraph === v.paragraph && r.tier.kind === v.kind),
  )
}

// The facts those rules test, in the order of the fact vocabulary: `act` for the act, `victim` for each victim
// (names without "victim."). A victim's age can also be given as a birth date.
export function factsFor(rules: AggravationRule[], defs: FactDef[]): { act: FactDef[]; victim: FactDef[] } {
  const used = new Set(rules.flatMap((r) => r.facts))
  if (used.has('victim.age')) used.add('victim.birth_date')
  const act = defs.filter((d) => used.has(d.name) && !d.name.startsWith('victim.'))
  const victim = defs
    .filter((d) => used.has(d.name) && d.name.startsWith('victim.'))
    .map((d) => ({ ...d, name: d.name.slice('victim.'.length) }))
  return { act, victim }
}

// ---- catalogue ----

export interface TierRow {
  law: LawText
  article: number
  paragraph: number
  kind: TierKind
  seq: number
  clause: string
}

export interface FactorRow {
  law: LawText
  code: string
  source: string
  article: number
  paragraph: number
  item: number
  name: string
  citation: string
  percent: number
}

export function tierRows(items: Tier[]): TierRow[] {
  return items.map((t) => ({
    law: t.law,
    article: t.article,
    paragraph: t.paragraph,
    kind: t.kind,
    seq: t.seq || 1,
    clause: t.clause,
  }))
}

export function factorRows(items: Factor[]): FactorRow[] {
  return items.map((f) => ({
    law: f.law,
    code: f.code,
    source: f.source,
    article: f.article,
    paragraph: f.paragraph,
    item: f.item,
    name: f.name,
    citation: f.citation,
    percent: f.percent,
  }))
}

// Case facts for the two documents; the authority and the review bodies default to the demo county's.
export function emptyFacts(): CaseFacts {
  return {
    case_no: '',
    authority: '示范县公安局',
    offender_name: '',
    gender: '',
    id_document: '',
    address: '',
    facts: '',
    evidence: [],
    officer_opinion: '',
    reviewer_opinion: '',
    reconsideration_body: '示范县人民政府',
    court: '示范县人民法院',
  }
}

export function tierKey(t: { article: number | null; paragraph: number | null; kind: string; seq: number }): string {
  if (t.article === null || t.paragraph === null || !t.kind) return ''
  return `${t.article}-${t.paragraph}-${t.kind}-${t.seq || 1}`
}

// Factor codes grouped by their prefix (aggravate, mitigate, lenient, offender, gate, exec), in CSV order; the
// name is the one of `law` when that text has the factor, else the other text's name with `other` set.
export interface FactorOption {
  code: string
  name: string
  other: LawText | ''
}

const GROUP_ORDER = ['aggravate', 'mitigate', 'lenient', 'offender', 'gate', 'exec']

export function factorGroups(all: FactorRow[], law: LawText): { group: string; options: FactorOption[] }[] {
  const byCode = new Map<string, FactorOption>()
  for (const f of all) {
    const have = byCode.get(f.code)
    if (f.law === law) byCode.set(f.code, { code: f.code, name: f.name, other: '' })
    else if (!have) byCode.set(f.code, { code: f.code, name: f.name, other: f.law })
  }
  const groups = new Map<string, FactorOption[]>()
  for (const o of byCode.values()) {
    const g = o.code.split('.')[0]
    if (!groups.has(g)) groups.set(g, [])
    groups.get(g)!.push(o)
  }
  const rank = (g: string) => (GROUP_ORDER.indexOf(g) + GROUP_ORDER.length + 1) % (GROUP_ORDER.length + 1)
  return [...groups].map(([group, options]) => ({ group, options })).sort((a, b) => rank(a.group) - rank(b.group))
}

// Server field keys that belong to violation i (tier.*, circumstance, factors[k], ...), keyed by the input.
export function violationErrors(fields: Record<string, string>, i: number): Record<string, string> {
  const p = `violations[${i}]`
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(fields)) {
    if (k === p) out.self = v
    if (!k.startsWith(p + '.')) continue
    const rest = k.slice(p.length + 1)
    const input = rest.startsWith('tier') || rest === 'circumstance' ? 'tier' : rest.replace(/\[\d+\]$/, '')
    out[input] = out[input] ? `${out[input]}; ${v}` : v
  }
  return out
}
