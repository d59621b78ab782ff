// Times relative to now in the forms the server reads. China Standard Time is UTC+8 all year (no daylight
// saving), so a China wall-clock string is the UTC one of eight hours later.
const chinaIso = (offsetS) => new Date(Date.now() + offsetS * 1000 + 8 * 3600_000).toISOString();

// 'YYYY-MM-DD HH:MM:SS', China time (pass CSV, analysis parameters).
export const chinaTime = (offsetS = 0) => chinaIso(offsetS).replace('T', ' ').slice(0, 19);
// 'YYYY-MM-DD', China time (statistics, deadlines).
export const chinaDate = (offsetDays = 0) => chinaIso(offsetDays * 86400).slice(0, 10);
// 'YYYYMMDDhhmmss', China time (GA/T 1400 PassTime).
export const viidTime = (offsetS = 0) => chinaIso(offsetS).replace(/[-:T]/g, '').slice(0, 14);
// RFC 3339 UTC without fractions, 'YYYY-MM-DDThh:mm:ssZ' (JSON times of the API).
export const isoTime = (offsetS = 0) => new Date(Date.now() + offsetS * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
