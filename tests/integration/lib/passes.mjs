// Vehicle passes for the tests, as the bulk import and `jingwu analytics load` read them (CSV, China time).
import { expectStatus } from './expect.mjs';

export const PASS_CSV_HEADER = 'plate_no,plate_color,checkpoint_id,pass_time,direction,lane_no,speed';

// One CSV line; `time` is 'YYYY-MM-DD HH:MM:SS' (china_time.mjs chinaTime).
export function passLine({ plate, checkpoint, time, color = 5, direction = 1, lane = 1, speed = 50 }) {
  return `${plate},${color},${checkpoint},${time},${direction},${lane},${speed}`;
}

// The header and a line each, newline-terminated.
export function passCsv(passes) {
  return [PASS_CSV_HEADER, ...passes.map(passLine)].join('\n') + '\n';
}

// POST /checkpoint/import (one request, text/csv) as `client`; expects 200 and returns the report.
export async function importPasses(client, csv) {
  return expectStatus(await client.request('POST', '/checkpoint/import',
    { body: csv, headers: { 'Content-Type': 'text/csv' } }), 200);
}
