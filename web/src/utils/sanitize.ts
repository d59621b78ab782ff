// Server-generated SVG (the TOTP QR code) is still sanitised before v-html: SVG profile only, no scripts,
// no event handlers, no foreignObject, no external references.
import DOMPurify from 'dompurify'

export function sanitizeSvg(svg: string): string {
  return DOMPurify.sanitize(svg, {
    USE_PROFILES: { svg: true },
    FORBID_TAGS: ['foreignObject', 'script', 'style', 'use', 'image', 'a'],
    FORBID_ATTR: ['href', 'xlink:href'],
  })
}
