// Synthetic GA/T 1400 MotorVehicleObject records for the intake benchmark and the browser test.
// Plates follow GA 36 (川 + office letter + 5 serial characters); ordinary plates have an all-digit serial, so
// they can never collide with the watch-listed ones, whose serial starts with letters (see watchPlates).
// Times are China time (UTC+8, no DST), 14 digits YYYYMMDDhhmmss (GA/T 1400).

const OFFICE_LETTERS = 'ABCEFHJKLMQRSTUVWXYZ';  // offices of Sichuan; never I or O (GA 36)

// China time of a Unix millisecond time, YYYYMMDDhhmmss.
export function chinaTime14(ms) {
  const d = new Date(ms + 8 * 3600 * 1000);
  const p = (n, w = 2) => String(n).padStart(w, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

// `count` distinct watch-list plates: 川A WB001, 川A WB002, … (letters in the serial; ordinary plates have none).
export function watchPlates(count, prefix = 'WB') {
  return Array.from({ length: count }, (_, i) => `川A${prefix}${String(i + 1).padStart(3, '0')}`);
}

// A deterministic pseudo-random generator (mulberry32), so two runs post the same plates.
export function rng(seed = 1) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// An ordinary plate of a fleet of `fleet` vehicles: 川 + office letter + 5 digits.
export function ordinaryPlate(n) {
  const office = OFFICE_LETTERS[n % OFFICE_LETTERS.length];
  return `川${office}${String(Math.floor(n / OFFICE_LETTERS.length) % 100000).padStart(5, '0')}`;
}

/**
 * One MotorVehicleObject as a JSON string (the bench concatenates strings: cheaper than JSON.stringify of
 * objects at 50,000 records per second).
 *   cp: {tollgateId, apeId}; plate; time14; serial: a number unique per record in this run.
 */
export function motorVehicleJson(cp, plate, time14, serial) {
  const s5 = String(serial % 100000).padStart(5, '0');
  const imageId = `${cp.apeId}02${time14}${s5}`;           // 41: device + type 02 + time + serial
  const objectId = `${imageId}02${s5}`;                     // 48: image id + subtype 02 (motor vehicle) + serial
  const lane = 1 + (serial % 3);
  const speed = 30 + (serial % 50);
  return `{"MotorVehicleID":"${objectId}","InfoKind":1,"SourceID":"${imageId}","DeviceID":"${cp.apeId}",`
    + `"TollgateID":"${cp.tollgateId}","LaneNo":${lane},"HasPlate":"1","PlateNo":"${plate}","PlateColor":"5",`
    + `"PassTime":"${time14}","Speed":${speed},"Direction":"${1 + (serial % 4)}",`
    + `"StorageUrl1":"http://127.0.0.1/img/${imageId}.jpg"}`;
}

// A MotorVehicleListObject envelope around already serialised objects.
export function listEnvelope(objectJsons) {
  return `{"MotorVehicleListObject":{"MotorVehicleObject":[${objectJsons.join(',')}]}}`;
}
