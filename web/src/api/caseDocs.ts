// The evidence list of a case and its penalty papers (docs/http_api.md § Cases, evidence and documents).
// The list names people: reading it needs case.person.read; the papers also ask for a purpose and case number.
import { download, http } from './http'
import type { Purpose } from './users'

// 公安机关办理行政案件程序规定 第二十六条, in its order.
export const EVIDENCE_KINDS = [
  'physical',
  'documentary',
  'victim_statement',
  'witness_testimony',
  'suspect_statement',
  'appraisal_opinion',
  'inspection_record',
  'identification_record',
  'scene_record',
  'audiovisual',
  'electronic',
] as const
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number]

export interface EvidenceInput {
  kind: EvidenceKind | ''
  description: string
  collected_at: string // ISO 8601 UTC
  collected_by: string
}

export interface Evidence extends EvidenceInput {
  id: number
  created_at: string
  updated_at: string
}

// Every change answers the list and the case's new version (the case page reloads the case with it).
export interface EvidenceList {
  version: number
  items: Evidence[]
}

export function listEvidence(caseId: number): Promise<EvidenceList> {
  return http.get<EvidenceList>(`/cases/${caseId}/evidence`)
}

export function addEvidence(caseId: number, expectedVersion: number, evidence: EvidenceInput): Promise<EvidenceList> {
  return http.post<EvidenceList>(`/cases/${caseId}/evidence`, { expected_version: expectedVersion, evidence })
}

export function editEvidence(
  caseId: number,
  id: number,
  expectedVersion: number,
  evidence: EvidenceInput,
): Promise<EvidenceList> {
  return http.put<EvidenceList>(`/cases/${caseId}/evidence/${id}`, { expected_version: expectedVersion, ...evidence })
}

export function removeEvidence(caseId: number, id: number, expectedVersion: number): Promise<EvidenceList> {
  return http.del<EvidenceList>(`/cases/${caseId}/evidence/${id}`, undefined, {
    query: { expected_version: expectedVersion },
  })
}

// The papers of an administrative penalty. The decision takes its number from the register the first time it
// is printed; printing is refused (409, fields.evidence = required) while the evidence list is empty.
export type PenaltyPaper = 'approval_report' | 'penalty_decision'

// The paper as a file, fetched first so that a refusal comes back as words on the page, not as a tab of JSON.
export async function penaltyPaper(
  caseId: number,
  paper: PenaltyPaper,
  format: 'html' | 'pdf',
  p: Purpose,
): Promise<Blob> {
  const file = await download(
    `/cases/${caseId}/documents/${paper}.${format}`,
    { purpose: p.purpose, case_no: p.case_no },
    `${paper}.${format}`,
  )
  return file.blob
}
