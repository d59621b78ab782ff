// Pure helpers of the case page's penalty card: when a penalty may be recorded, the form and its checks, and
// a one-line summary of what is recorded (by hand or from the discretion engine's decision).
import type { Case, CasePenalty, ManualPenalty, PenaltyKind } from '@/api/cases'

// The server accepts a penalty for administrative cases in these stages (docs/http_api.md § Cases); from legal
// review on it is locked (PenaltyOpen in case_service.hpp).
export const PENALTY_STAGES = ['investigation', 'penalty_proposed']
const DECIDED_STAGES = ['decided', 'executed', 'closed']
export const MAX_TEXT = 500
// The largest fine of the 治安管理处罚法 tiers is a few thousand yuan (2025 text, e.g. §58 二千元, gains multiples
// aside); the server's own bound is 1,000,000. The form only refuses what no law allows.
export const MAX_FINE = 1_000_000

// Why the penalty of an administrative case cannot be changed now: 'review' | 'decided' | '' (open or earlier).
export function penaltyLock(c: Pick<Case, 'case_type' | 'state'>): '' | 'review' | 'decided' {
  if (c.case_type !== 'administrative') return ''
  if (c.state === 'legal_review') return 'review'
  return DECIDED_STAGES.includes(c.state) ? 'decided' : ''
}

export function penaltyEditable(c: Pick<Case, 'case_type' | 'state'>, canWrite: boolean): boolean {
  return canWrite && c.case_type === 'administrative' && PENALTY_STAGES.includes(c.state)
}

export interface PenaltyForm {
  kind: PenaltyKind | ''
  days: number | null
  amount_yuan: number | null
  text: string
  article: number | null
  paragraph: number | null
  item: number | null
}

export const emptyPenaltyForm = (): PenaltyForm => ({
  kind: '',
  days: null,
  amount_yuan: null,
  text: '',
  article: null,
  paragraph: null,
  item: null,
})

// The last article of each text of the 治安管理处罚法 (2012: 119 articles; 2025 revision: 144).
export const lastArticle = (law: string) => (law === '2012' ? 119 : 144)

export const needsDays = (k: PenaltyKind | '') => k === 'detention' || k === 'fine_and_detention'
export const needsAmount = (k: PenaltyKind | '') => k === 'fine' || k === 'fine_and_detention'

// Field → message key of the first problem; empty when the form may be sent. Detention is at most 20 days
// even when combined (治安管理处罚法 2012 §16, 2025 §19); the server checks the rest.
export function checkPenalty(f: PenaltyForm, law = ''): Record<string, string> {
  const out: Record<string, string> = {}
  if (!f.kind) out.kind = 'required'
  // The decision cites the article (documents print it): required, within the case's text of the law.
  if (f.article === null) out.article = 'required'
  else if (!Number.isInteger(f.article) || f.article < 1 || f.article > lastArticle(law)) out.article = 'not_in_law'
  if (needsDays(f.kind) && (f.days === null || f.days < 1 || f.days > 20)) out.days = 'days_range'
  if (needsAmount(f.kind)) {
    const a = f.amount_yuan
    if (a === null || a <= 0) out.amount_yuan = 'amount_positive'
    else if (!Number.isInteger(a)) out.amount_yuan = 'amount_whole'
    else if (a > MAX_FINE) out.amount_yuan = 'amount_too_large'
  }
  if (!f.text.trim()) out.text = 'required'
  else if (f.text.length > MAX_TEXT) out.text = 'text_too_long'
  return out
}

export function toManualPenalty(f: PenaltyForm): ManualPenalty {
  const p: ManualPenalty = { kind: f.kind as PenaltyKind, text: f.text.trim() }
  if (f.article !== null) p.article = f.article
  if (f.paragraph) p.paragraph = f.paragraph
  if (f.item) p.item = f.item
  if (needsDays(f.kind) && f.days !== null) p.days = f.days
  if (needsAmount(f.kind) && f.amount_yuan !== null) p.amount_yuan = f.amount_yuan
  return p
}

export interface PenaltySummary {
  source: 'manual' | 'discretion'
  days: number
  amount_yuan: number
  warning: boolean
  text: string
  edition?: string // discretion: the benchmark edition the decision was calculated on
}

// What the recorded penalty amounts to, whichever way it was recorded.
export function summarisePenalty(p: CasePenalty | null | undefined): PenaltySummary | null {
  if (!p) return null
  if (p.source === 'manual') {
    return {
      source: 'manual',
      days: p.data.days ?? 0,
      amount_yuan: p.data.amount_yuan ?? 0,
      warning: p.data.kind === 'warning',
      text: p.data.text ?? '',
    }
  }
  const edition = (p.data.edition ?? null) as { code?: string; version?: number } | null
  const combined = (p.data.combined ?? {}) as { executed_detention_days?: number; capped_detention_days?: number; fine_yuan?: number; warning?: boolean }
  return {
    source: 'discretion',
    days: combined.capped_detention_days ?? 0,
    amount_yuan: combined.fine_yuan ?? 0,
    warning: !!combined.warning,
    text: '',
    ...(edition?.code ? { edition: `${edition.code} v${edition.version ?? 1}` } : {}),
  }
}
