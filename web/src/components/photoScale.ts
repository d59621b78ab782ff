// How the PhotoUpload component fits a photo under the server's 1 MiB (ADR 0033): a phone photo (3–8 MB,
// 4000 px) is drawn at most 1600 px on its long side and re-encoded as JPEG, lowering the quality until it fits.
// Drawing through a canvas also drops the file's EXIF (the location) before it leaves the browser.
export const MAX_SIDE = 1600
export const QUALITIES = [0.85, 0.75, 0.6, 0.45]

// The drawn size: the same when it already fits, else scaled so the long side is MAX_SIDE.
export function fitSize(width: number, height: number, max = MAX_SIDE): { width: number; height: number } {
  const long = Math.max(width, height)
  if (long <= max) return { width, height }
  const k = max / long
  return { width: Math.max(1, Math.round(width * k)), height: Math.max(1, Math.round(height * k)) }
}

// Whether the file may go as it is: a JPEG or PNG under the limit.
export function sendAsIs(file: { type: string; size: number }, limit: number): boolean {
  return (file.type === 'image/jpeg' || file.type === 'image/png') && file.size <= limit
}
