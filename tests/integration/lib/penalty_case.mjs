// A case that reached a penalty decision, for the tests of the evidence list and the penalty papers
// (case-documents.test.mjs, tests/security/documents.test.mjs): created by the officer of 城关派出所 with a suspect
// holding a resident ID, taken through investigation, proposal (with the officer's opinion), legal review
// (approved with the reviewer's comment) and the leader's decision. `evidence` items are added before the case
// goes to review (the list is locked during review).
import { expectStatus } from './expect.mjs';

export const SUSPECT = { name: '王五', id_number: '519901199005010019', address: '示范县城关镇人民路8号' };

export const iso = (ms) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');

export const EVIDENCE = [
  { kind: 'suspect_statement', description: '王五询问笔录（第一次）', collected_at: iso(Date.now() - 1800_000), collected_by: '张警官' },
  { kind: 'witness_testimony', description: '证人赵六询问笔录', collected_at: iso(Date.now() - 1200_000), collected_by: '张警官' },
];

const act = async (c, id, action, version, extra = {}) =>
  expectStatus(await c.post(`/cases/${id}/events`, { action, expected_version: version, ...extra }), 201).case.version;

// { officer, legal, leader } are logged-in clients; `penalty` the PUT /cases/:id/penalty body without the version,
// or `discretion` a calculator request: the penalty is then calculated from the case for its suspect and recorded the
// way the case page does it (POST …/discretion/decide, PUT …/penalty/discretion).
export async function decidedCase({ officer, legal, leader }, { evidence = EVIDENCE, penalty, discretion, decide = true } = {}) {
  const k = expectStatus(await officer.post('/cases', {
    case_type: 'administrative', cause: '殴打他人', source: 'call_110',
    occurred_at: iso(Date.now() - 7200_000),
    place: { address: '示范县城关镇人民路12号' },
    facts: '王五在人民路与赵某发生口角，用拳头殴打赵某面部，致其轻微伤。',
    people: [{ role: 'suspect', name: SUSPECT.name, id_type: 'resident_id', id_number: SUSPECT.id_number,
      address: SUSPECT.address }],
  }), 201);
  let v = await act(officer, k.id, 'file', k.version);
  v = await act(officer, k.id, 'start_investigation', v);
  for (const e of evidence) {
    v = expectStatus(await officer.post(`/cases/${k.id}/evidence`, { expected_version: v, evidence: e }), 201).version;
  }
  v = await act(officer, k.id, 'propose_penalty', v, { reason: '事实清楚，证据确实充分，建议罚款五百元。' });
  if (discretion) {
    const c = expectStatus(await officer.get(`/cases/${k.id}`), 200);
    const person_id = c.people.find((p) => p.role === 'suspect').id;
    const decision = expectStatus(await officer.post(`/cases/${k.id}/discretion/decide`, { person_id, request: discretion }), 200);
    v = expectStatus(await officer.put(`/cases/${k.id}/penalty/discretion`,
      { expected_version: v, person_id, request: discretion, decision }), 200).version;
  } else {
    const body = penalty ?? { source: 'manual', penalty: { kind: 'fine', amount_yuan: 500, text: '罚款500元', article: 51, paragraph: 1 } };
    v = expectStatus(await officer.put(`/cases/${k.id}/penalty`, { expected_version: v, ...body }), 200).version;
  }
  v = await act(officer, k.id, 'submit_review', v);
  v = await act(legal, k.id, 'review_approved', v, { reason: '定性准确，程序合法，同意。' });
  if (decide) v = await act(leader, k.id, 'decide_penalty', v, { reason: '同意按法制意见处理。' });
  return { ...k, version: v };
}
