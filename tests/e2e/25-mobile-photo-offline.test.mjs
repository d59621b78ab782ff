// Photos taken with no network on the phone (issue 15, ADR 0059, 0069), at phone size with touch. The officer logs
// in, the network goes; they complete a task with a report and a photo and register a person (一标三实) with a
// photo: each photo is made small on the phone (JPEG, long side 1280 px) and kept in the sealed IndexedDB queue
// with the record naming it, all counted on 待同步. The page is reloaded with no network: still there. The network
// returns: each photo is uploaded exactly once (media rows and upload audit entries), then the records naming it
// with the media_id it got; the photos are the records' (the leader reads them through the record's own check)
// and show on the desktop's person page and task list. At logout the phone's store is gone and no API reply or
// photo is left in the service worker's caches.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { BASE, DEMO_PASSWORD, byTestId, inputOf, login, openBrowser, shot, sqlite } from './lib.mjs'

const PHONE_375 = { width: 375, height: 812 }

// A synthetic resident ID of the demo region with a valid check character (GB 11643).
function residentId(first17) {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * w[i], 0)
  return first17 + '10X98765432'[sum % 11]
}
const seq = () => String(100 + Math.floor(Math.random() * 800))
const PERSON_ID = residentId(`51990119920412${seq()}`)
const PERSON_NAME = `带照登记${seq()}`
const TASK_TITLE = `离线拍照核查${seq()}`

// The desktop's API as another session of a demo user (cookies and CSRF by hand).
async function apiSession(username) {
  const r = await fetch(`${BASE}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  })
  assert.equal(r.status, 200, `login ${username}`)
  const cookies = r.headers.getSetCookie().map((c) => c.split(';')[0])
  const csrf = cookies.find((c) => c.startsWith('jw_csrf='))?.slice(8) ?? ''
  const call = async (method, path, body) => {
    const res = await fetch(`${BASE}/api/v1${path}`, {
      method,
      headers: { Cookie: cookies.join('; '), 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    })
    return { status: res.status, json: await res.json().catch(() => null) }
  }
  return { get: (p) => call('GET', p), post: (p, b) => call('POST', p, b) }
}

// A camera-sized picture (2000 × 1500 PNG, noisy so it does not shrink to nothing), drawn by the browser.
async function cameraPicture(page, hue) {
  const b64 = await page.evaluate((h) => {
    const c = document.createElement('canvas')
    c.width = 2000
    c.height = 1500
    const g = c.getContext('2d')
    const grad = g.createLinearGradient(0, 0, 2000, 1500)
    grad.addColorStop(0, `hsl(${h}, 70%, 40%)`)
    grad.addColorStop(1, `hsl(${h + 120}, 70%, 70%)`)
    g.fillStyle = grad
    g.fillRect(0, 0, 2000, 1500)
    for (let i = 0; i < 3000; i++) {
      g.fillStyle = `hsla(${(h + i) % 360}, 80%, 50%, 0.5)`
      g.fillRect((i * 7919) % 2000, (i * 104729) % 1500, 12 + (i % 30), 12 + (i % 17))
    }
    return c.toDataURL('image/png').split(',')[1]
  }, hue)
  return Buffer.from(b64, 'base64')
}

async function takePhoto(page, name, buffer) {
  await page.locator('[data-testid="m-photo"] input[type="file"]').setInputFiles({ name, mimeType: 'image/png', buffer })
  await byTestId(page, 'm-photo-queued').waitFor() // compressed and kept in the queue, not sent
}

describe('phone photos offline: kept on the phone, uploaded once, the records\' own', () => {
  let phone
  let desktop
  before(async () => {
    phone = await openBrowser({ viewport: PHONE_375, phone: true })
  })
  after(async () => {
    if (phone?.problems.length) console.log(`# browser notes:\n#   ${phone.problems.join('\n#   ')}`)
    await phone?.close()
    await desktop?.close()
  })

  it('keeps a task report\'s and a registration\'s photos offline and sends each once', async () => {
    const { page, context } = phone
    const officerId = Number(sqlite("SELECT id FROM users WHERE username = 'officer'"))
    const leader = await apiSession('leader')
    const desk = await apiSession('officer')
    const task = await leader.post('/community/tasks', { title: TASK_TITLE, assignee_id: officerId, limit_working_days: 3 })
    assert.equal(task.status, 201, JSON.stringify(task.json))
    const mediaRows = () => Number(sqlite(`SELECT count(*) FROM media_objects WHERE uploaded_by = ${officerId}`))
    const uploads = () => Number(sqlite(`SELECT count(*) FROM audit_log WHERE user_id = ${officerId} AND action = 'media.upload' AND result = 'ok' AND coalesce(detail, '') <> 'replayed'`))
    const [mediaBefore, uploadsBefore] = [mediaRows(), uploads()]
    await context.grantPermissions(['geolocation'], { origin: BASE })
    await context.setGeolocation({ latitude: 30.66, longitude: 104.06 })

    await page.goto(`${BASE}/m/login`)
    await inputOf(page, 'm-login-username').fill('officer')
    await inputOf(page, 'm-login-password').fill(DEMO_PASSWORD)
    // the grid's addresses are fetched after the open tasks were kept: both are on the phone then
    const addresses = page.waitForResponse((r) => r.url().includes('/api/v1/field/grid-addresses') && r.status() === 200)
    await byTestId(page, 'm-login-submit').tap()
    await page.waitForURL((u) => u.pathname === '/m/')
    await addresses
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null) // the shell is installed
    const [taskPicture, personPicture] = [await cameraPicture(page, 20), await cameraPicture(page, 200)]

    // --- no network from here ---
    await context.setOffline(true)
    // the task, from the phone's copy of the officer's open tasks
    await page.goto(`${BASE}/m/tasks/${task.json.id}`)
    await page.locator('.van-cell__title', { hasText: TASK_TITLE }).waitFor()
    await page.locator('[data-testid="m-task-report"] textarea').fill('离线核查：门牌已更换，住户信息一致')
    await takePhoto(page, 'task.png', taskPicture)
    await shot(page, '25-task-photo-offline')
    await byTestId(page, 'm-task-submit').tap()
    await page.waitForURL((u) => u.pathname === '/m/tasks')

    // a person registered at an address of the officer's grid, with a photo
    const room = sqlite(
      "SELECT a.full_name FROM community_addresses a JOIN community_grid_members m ON m.grid_code = a.grid_id " +
        "JOIN users u ON u.id = m.user_id WHERE u.username = 'officer' AND a.level = 'room' ORDER BY a.code LIMIT 1 OFFSET 1",
    )
    assert.ok(room, 'the demo officer works in a grid with rooms')
    await page.goto(`${BASE}/m/people/new`)
    await inputOf(page, 'm-person-id').fill(PERSON_ID)
    await inputOf(page, 'm-person-name').fill(PERSON_NAME)
    await page.locator('[data-testid="m-address-input"] textarea').fill(room)
    await byTestId(page, 'm-address-match').tap()
    await byTestId(page, 'm-address-candidate').filter({ hasText: room }).first().tap()
    await takePhoto(page, 'person.png', personPicture)
    await byTestId(page, 'm-person-submit').tap()
    await byTestId(page, 'm-person-done').filter({ hasText: '已离线保存' }).waitFor()
    await shot(page, '25-person-photo-offline')

    // two photos and the two records naming them, counted on 待同步
    await page.goto(`${BASE}/m/`)
    const badge = byTestId(page, 'm-home-pending').locator('.van-badge')
    await badge.filter({ hasText: /^4$/ }).waitFor()
    // reload with no network: still there
    await page.reload()
    await byTestId(page, 'm-home-pending').locator('.van-badge').filter({ hasText: /^4$/ }).waitFor()
    await byTestId(page, 'm-home-pending').tap()
    await byTestId(page, 'm-pending-item').nth(3).waitFor()
    const kinds = await byTestId(page, 'm-pending-item').allInnerTexts()
    assert.equal(kinds.filter((k) => k.includes('照片')).length, 2, `the queue: ${kinds.join(' | ')}`)
    await shot(page, '25-pending-offline')
    assert.equal(mediaRows(), mediaBefore, 'nothing reached the server while offline')

    // --- the network returns ---
    await context.setOffline(false)
    // the 'online' event sends the queue by itself; Chromium's emulation may not fire it after an offline reload,
    // so the officer taps 立即同步 as they would
    await byTestId(page, 'm-pending-sync').tap()
    await byTestId(page, 'm-pending-empty').waitFor()
    await shot(page, '25-pending-synced')

    // each photo uploaded exactly once
    assert.equal(mediaRows(), mediaBefore + 2, 'two photos, two media rows')
    assert.equal(uploads(), uploadsBefore + 2, 'two uploads in the audit log')
    const done = await desk.get(`/community/tasks/${task.json.id}`)
    assert.equal(done.json.status, 'done')
    assert.equal(done.json.report_media_ids.length, 1, 'the report names its photo')
    const found = await desk.get(`/community/people?q=${encodeURIComponent(PERSON_NAME)}`)
    assert.equal(found.json.total, 1, 'the person registered once')
    const person = await desk.get(`/community/people/${found.json.items[0].id}`)
    const personPhoto = person.json.photo_media_id
    assert.ok(personPhoto, 'the person names their photo')
    const taskPhoto = done.json.report_media_ids[0]
    assert.notEqual(taskPhoto, personPhoto)
    // made small on the phone: JPEG, long side 1280 px (the camera's was 2000)
    for (const [m, kind, owner] of [[taskPhoto, 'community.task', task.json.id], [personPhoto, 'community.person', person.json.id]]) {
      const row = sqlite(`SELECT content_type || ' ' || width || 'x' || height || ' ' || owner_kind || ':' || owner_id FROM media_objects WHERE media_id = '${m}'`)
      assert.equal(row, `image/jpeg 1280x960 ${kind}:${owner}`, `the photo ${m}`)
    }
    // the records' own: the leader reads them through the record's check (an unattached upload is its uploader's only)
    for (const m of [taskPhoto, personPhoto]) assert.equal((await leader.get(`/media/${m}`)).status, 200, `the leader sees ${m}`)

    // on the desktop: the person's page and the officer's done tasks show the photos
    desktop = await openBrowser()
    await login(desktop.page, 'officer')
    await desktop.page.waitForURL((u) => u.pathname !== '/login')
    const loaded = (loc) => loc.locator('img').evaluate((img) => img.complete && img.naturalWidth > 0)
    await desktop.page.goto(`${BASE}/community/people/${person.json.id}`)
    await byTestId(desktop.page, 'person-photo').locator('img').waitFor()
    await desktop.page.waitForFunction(() => document.querySelector('[data-testid="person-photo"] img')?.naturalWidth > 0)
    assert.ok(await loaded(byTestId(desktop.page, 'person-photo')))
    await shot(desktop.page, '25-desktop-person-photo')
    await desktop.page.goto(`${BASE}/community/work/tasks`)
    await byTestId(desktop.page, 'task-status-filter').locator('label', { hasText: '已完成' }).click()
    const row = byTestId(desktop.page, 'my-tasks-table').locator('tr', { hasText: TASK_TITLE })
    await row.locator('[data-testid="task-photo"] img').waitFor()
    await desktop.page.waitForFunction(
      (title) => [...document.querySelectorAll('tr')].find((tr) => tr.textContent.includes(title))?.querySelector('[data-testid="task-photo"] img')?.naturalWidth > 0,
      TASK_TITLE,
    )
    await shot(desktop.page, '25-desktop-task-photo')

    // logout: the phone's store is gone, and no API reply or photo sits in the service worker's caches
    await page.goto(`${BASE}/m/me`)
    await byTestId(page, 'm-logout').tap()
    await page.waitForURL((u) => u.pathname === '/m/login')
    const left = await page.evaluate(async () => {
      const cached = []
      for (const name of await caches.keys()) for (const req of await (await caches.open(name)).keys()) cached.push(new URL(req.url).pathname)
      return { dbs: (await indexedDB.databases()).map((d) => d.name), secret: sessionStorage.getItem('jw_m_secret'), cached }
    })
    assert.ok(!left.dbs.includes('jw-field'), `IndexedDB after logout: ${left.dbs.join(', ')}`)
    assert.equal(left.secret, null)
    assert.ok(left.cached.length > 0, 'the app shell stays cached')
    assert.deepEqual(left.cached.filter((p) => p.startsWith('/api/')), [], 'no API reply or photo in the caches')
  })
})
