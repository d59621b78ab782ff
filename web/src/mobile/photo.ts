// Photos are made small on the phone before they travel: the long side at most 1280 px, JPEG, and under the
// server's 1 MiB limit (media_handlers.hpp). Re-encoding through a canvas also drops the camera's EXIF (position).
const MAX_SIDE = 1280
const LIMIT = 1024 * 1024

function loadImage(file: Blob): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(file)
    const img = new Image()
    img.onload = () => {
      URL.revokeObjectURL(url)
      resolve(img)
    }
    img.onerror = () => {
      URL.revokeObjectURL(url)
      reject(new Error('not an image'))
    }
    img.src = url
  })
}

function toJpeg(canvas: HTMLCanvasElement, quality: number): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('encode failed'))), 'image/jpeg', quality),
  )
}

// The scale that brings the long side down to MAX_SIDE (never up).
export function fitScale(width: number, height: number, maxSide = MAX_SIDE): number {
  const long = Math.max(width, height)
  return long > maxSide ? maxSide / long : 1
}

export async function compressPhoto(file: Blob): Promise<Blob> {
  const img = await loadImage(file)
  const scale = fitScale(img.naturalWidth, img.naturalHeight)
  const canvas = document.createElement('canvas')
  canvas.width = Math.max(1, Math.round(img.naturalWidth * scale))
  canvas.height = Math.max(1, Math.round(img.naturalHeight * scale))
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('no canvas')
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height)
  for (const q of [0.8, 0.6, 0.4]) {
    const blob = await toJpeg(canvas, q)
    if (blob.size <= LIMIT) return blob
  }
  throw new Error('photo too large')
}
