// The phone kit (Vant 4, ADR 0039), imported per component with each one's own CSS, so the phone downloads
// only what its pages use. Two parts (ADR 0064): the login page's few components here, in the first load, and
// every other page's in vant-pages.ts, fetched right after the login form shows (the router waits for it before
// any other page). Vant's icon font alone is 34 kB that no byte of the login form needs. A page that needs
// another component adds it to vant-pages.ts (name and style together); the login page, here.
import type { App } from 'vue'
import {
  Button,
  Cell,
  CellGroup,
  Field,
  Form,
  Loading,
  NoticeBar,
} from 'vant'
// Each component's own CSS, not its style entry: the entries also bring the icon's CSS with its inlined font.
import 'vant/es/button/index.css'
import 'vant/es/loading/index.css'
import 'vant/es/cell/index.css'
import 'vant/es/cell-group/index.css'
import 'vant/es/field/index.css'
import 'vant/es/notice-bar/index.css'
// (Form has no CSS of its own)

const components = [
  Button,
  Cell,
  CellGroup,
  Field,
  Form,
  Loading,
  NoticeBar,
]

let app: App | null = null
let rest: Promise<void> | null = null

export function installKit(a: App): void {
  app = a
  for (const c of components) a.use(c)
}

// The other pages' components, once; resolves when they are registered (after installKit).
export function restOfKit(): Promise<void> {
  rest ??= import('./vant-pages').then((m) => {
    if (app) m.installPageKit(app)
  })
  return rest
}
