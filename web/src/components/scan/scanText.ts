// What a scan gives, made uniform before a page looks it up: surrounding blanks and the control characters some
// keyboard-wedge scanners append (CR, LF, TAB, GS) dropped; empty → null. Shared by every module that scans
// (property labels, courier waybills): the page decides what the text means.
export function normaliseScan(text: string): string | null {
  // eslint-disable-next-line no-control-regex
  const t = text.replace(/[\u0000-\u001f\u007f]/g, '').trim()
  return t.length ? t : null
}
