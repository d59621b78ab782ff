// The opinion form's model and the request built from it: an approval sends no problems; a return sends the
// problems with their text trimmed.
import type { OpinionInput, ReviewOpinion } from '@/api/supervision'

export interface OpinionForm {
  opinion: ReviewOpinion
  comment: string
  problems: { type: string; text: string }[]
}

export function emptyOpinion(opinion: ReviewOpinion): OpinionForm {
  return { opinion, comment: '', problems: [{ type: '', text: '' }] }
}

export function buildOpinion(f: OpinionForm, version: number): OpinionInput {
  return {
    opinion: f.opinion,
    comment: f.comment.trim(),
    problems: f.opinion === 'return' ? f.problems.map((p) => ({ type: p.type, text: p.text.trim() })) : [],
    expected_version: version,
  }
}
