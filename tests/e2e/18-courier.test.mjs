// 寄递实名 (issue 17) as its two users do it. An outlet clerk at phone size: logs in and lands on the counter,
// photographs the sender's ID card (a synthetic card, tools/courier/make_cards.mjs; the server reads it, or says
// the reader is off — either way the clerk checks and corrects the two fields), types the waybill into the shared
// scanner, picks the category, photographs the opened parcel, confirms the inspection and registers: accepted.
// An officer at the desktop then finds that sender's parcel — masked in the browse, in the clear only after a
// purpose and a case number — and sees its 验视 photo through the record; then, as the inspector, records an
// inspection of that outlet with a 责令整改通知书 and opens the notice to print. Every wait is for a condition.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { BASE, DEMO_PASSWORD, byTestId, inputOf, login, openBrowser, shot, sqlite, waitForLayout } from './lib.mjs'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const PHONE_375 = { width: 375, height: 812 }
const WAYBILL = `E2E${Date.now()}`

describe('courier: the counter on the phone, the officer and the inspector at the desk', () => {
  let phone, desk, dir, card, truth
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jw-e2e-card-'))
    execFileSync('node', [join(ROOT, 'tools/courier/make_cards.mjs'), dir, '1', '29'])
    truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8'))[0]
    card = join(dir, truth.file)
    ;[phone, desk] = await Promise.all([openBrowser({ viewport: PHONE_375, phone: true }), openBrowser()])
  })
  after(async () => {
    for (const b of [phone, desk]) if (b?.problems.length) console.log(`# browser notes:\n#   ${b.problems.join('\n#   ')}`)
    await Promise.all([phone?.close(), desk?.close()])
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('a clerk registers a parcel; an officer finds it with a purpose; an inspector orders rectification', async () => {
    const { page } = phone
    await page.goto(`${BASE}/m/login`)
    await inputOf(page, 'm-login-username').fill('outlet_clerk1')
    await inputOf(page, 'm-login-password').fill(DEMO_PASSWORD)
    const catalogue = page.waitForResponse((r) => r.url().endsWith('/api/v1/courier/categories') && r.status() === 200)
    await byTestId(page, 'm-login-submit').tap()
    await page.waitForURL((u) => u.pathname === '/m/courier') // outlet staff land on the counter
    await catalogue

    // The ID card: read by the server (or the reader is off); the clerk checks the two fields either way.
    const read = page.waitForResponse((r) => r.url().endsWith('/api/v1/courier/ocr'))
    await byTestId(page, 'm-courier-card').locator('input[type=file]').setInputFiles(card)
    const ocr = await read
    await byTestId(page, 'm-courier-ocr-note').waitFor()
    if (ocr.status() === 200) {
      // The form was filled from the reading before the clerk touches it.
      const reading = await ocr.json()
      await page.waitForFunction(
        (id) => document.querySelector('[data-testid="m-courier-sender-id"] input')?.value === id, reading.id_number)
    }
    await inputOf(page, 'm-courier-sender-name').fill(truth.name)
    await inputOf(page, 'm-courier-sender-id').fill(truth.id_number)
    await inputOf(page, 'm-courier-sender-phone').fill('13600001111')

    await inputOf(page, 'scan-typed').fill(WAYBILL)
    await byTestId(page, 'scan-submit').tap()
    await byTestId(page, 'm-courier-waybill-value').filter({ hasText: WAYBILL }).waitFor()
    await byTestId(page, 'm-courier-category').tap()
    await byTestId(page, 'm-courier-category-clothing').tap()
    await page.waitForFunction(() => document.querySelector('[data-testid="m-courier-category"] input')?.value !== '')
    await inputOf(page, 'm-courier-content').fill('冬季外套')
    await inputOf(page, 'm-courier-value').fill('120')
    await inputOf(page, 'm-courier-receiver-name').fill('欧阳收件')
    await inputOf(page, 'm-courier-receiver-phone').fill('13900002222')
    await byTestId(page, 'm-courier-receiver-address').locator('textarea').fill('广东省广州市天河区体育西路一号')

    const uploaded = page.waitForResponse((r) => r.url().endsWith('/api/v1/media') && r.request().method() === 'POST')
    await byTestId(page, 'm-courier-opened').locator('input[type=file]').setInputFiles(card)
    assert.equal((await uploaded).status(), 201)
    // A click event rather than a tap: the switch sits beside the photo previews, which keep moving while they
    // load on a busy runner, so Playwright never finds it "stable" (the toggle itself is the switch's own handler).
    await byTestId(page, 'm-courier-inspected').dispatchEvent('click')
    await page.waitForFunction(() => document.querySelector('[data-testid="m-courier-inspected"]')?.getAttribute('aria-checked') === 'true')
    await shot(page, '18-courier-counter')
    const sent = page.waitForResponse((r) => r.url().endsWith('/api/v1/courier/records') && r.request().method() === 'POST')
    await byTestId(page, 'm-courier-submit').tap()
    const answer = await sent
    assert.equal(answer.status(), 201, await answer.text())
    await byTestId(page, 'm-courier-outcome').and(page.locator('[data-status="accepted"]')).waitFor()
    await shot(page, '18-courier-accepted')
    assert.equal(sqlite(`SELECT count(*) FROM courier_record_photos p JOIN courier_records r ON r.id = p.record_id WHERE r.waybill_no = '${WAYBILL}' AND p.kind = 'opened'`), '1')

    // The officer: the browse is masked; the person search asks for a purpose and then shows the record whole.
    const d = desk.page
    await login(d, 'courier')
    await waitForLayout(d)
    await d.goto(`${BASE}/courier/records`)
    await inputOf(d, 'courier-waybill').fill(WAYBILL)
    await byTestId(d, 'courier-browse').click()
    const table = byTestId(d, 'courier-table')
    await table.locator('tr', { hasText: WAYBILL }).waitFor()
    assert.ok(!(await table.innerText()).includes(truth.id_number), 'the browse shows the ID number masked')

    await inputOf(d, 'courier-person-id').fill(truth.id_number)
    await byTestId(d, 'courier-person-search').click()
    await byTestId(d, 'purpose-dialog').waitFor()
    const caseNo = sqlite('SELECT case_no FROM cases ORDER BY id LIMIT 1')
    await inputOf(d, 'purpose-text').fill('核查寄递记录')
    await inputOf(d, 'purpose-case-no').fill(caseNo)
    await byTestId(d, 'purpose-submit').click()
    await byTestId(d, 'courier-purposed').waitFor()
    const row = table.locator('tr', { hasText: WAYBILL })
    await row.filter({ hasText: truth.id_number }).waitFor()
    await row.click()
    await byTestId(d, 'courier-photos').locator('img').first().waitFor()
    await shot(d, '18-courier-records')
    // The audit trail has the purposed read (its row may follow the answer: wait for it, do not assume).
    const audited = () => Number(sqlite(`SELECT count(*) FROM audit_log WHERE action = 'courier.photos.read' AND purpose = '核查寄递记录'`))
    for (const deadline = Date.now() + 20000; audited() < 1; await new Promise((r) => setTimeout(r, 100)))
      assert.ok(Date.now() < deadline, 'the photo read is audited with its purpose')

    // The inspector: an inspection of that outlet with a 责令整改通知书, opened as the page to print.
    const outletId = sqlite(`SELECT outlet_id FROM courier_records WHERE waybill_no = '${WAYBILL}'`)
    const findings = `抽查发现三件未开箱验视即收寄（${WAYBILL}）`
    await d.goto(`${BASE}/courier/outlets`)
    await byTestId(d, `courier-inspect-${outletId}`).click()
    await byTestId(d, 'courier-inspect-dialog').waitFor()
    await inputOf(d, 'courier-inspect-findings').fill(findings)
    const recorded = d.waitForResponse((r) => r.url().endsWith('/api/v1/courier/inspections') && r.request().method() === 'POST')
    await byTestId(d, 'courier-inspect-submit').click()
    const inspection = await (await recorded).json()
    assert.equal(inspection.status, 'rectifying')
    const inspRow = byTestId(d, 'courier-inspections').locator('tr', { hasText: inspection.notice_no })
    await inspRow.waitFor()
    const [notice] = await Promise.all([desk.context.waitForEvent('page'), inspRow.getByTestId('courier-notice-html').click()])
    await notice.getByText('责令整改通知书').first().waitFor()
    await notice.getByText(findings).waitFor()
    await shot(notice, '18-courier-notice')
  })

  it('without a network the clerk\'s record waits in the phone\'s queue (待同步) and is applied once when back', async () => {
    const { page, context } = phone
    const waybill = `OFF${Date.now()}`
    const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    const first17 = '51990119851120123'
    const senderId = first17 + '10X98765432'[[...first17].reduce((s, d, i) => s + Number(d) * w[i], 0) % 11]
    await byTestId(page, 'm-courier-next').tap()
    await context.setOffline(true)
    await inputOf(page, 'm-courier-sender-name').fill('离线寄件')
    await inputOf(page, 'm-courier-sender-id').fill(senderId)
    await inputOf(page, 'm-courier-sender-phone').fill('13600003333')
    await inputOf(page, 'scan-typed').fill(waybill)
    await byTestId(page, 'scan-submit').tap()
    await byTestId(page, 'm-courier-waybill-value').filter({ hasText: waybill }).waitFor()
    await byTestId(page, 'm-courier-category').tap()
    await byTestId(page, 'm-courier-category-clothing').tap()
    await page.waitForFunction(() => document.querySelector('[data-testid="m-courier-category"] input')?.value !== '')
    await inputOf(page, 'm-courier-content').fill('书')
    await inputOf(page, 'm-courier-receiver-name').fill('司马收件')
    await inputOf(page, 'm-courier-receiver-phone').fill('13900004444')
    await byTestId(page, 'm-courier-receiver-address').locator('textarea').fill('广东省广州市天河区离线路二号')
    // The photo of the opened parcel is taken offline too: queued, the record names it by its queue key.
    await byTestId(page, 'm-courier-opened').locator('input[type=file]').setInputFiles(card)
    await byTestId(page, 'm-courier-inspected').dispatchEvent('click')
    await page.waitForFunction(() => document.querySelector('[data-testid="m-courier-inspected"]')?.getAttribute('aria-checked') === 'true')
    await byTestId(page, 'm-courier-submit').tap()
    await byTestId(page, 'm-courier-outcome').and(page.locator('[data-status="queued"]')).waitFor()
    await shot(page, '18-courier-queued')
    assert.equal(sqlite(`SELECT count(*) FROM courier_records WHERE waybill_no = '${waybill}'`), '0', 'nothing reached the server')
    await context.setOffline(false)
    const count = () => sqlite(`SELECT count(*) FROM courier_records WHERE waybill_no = '${waybill}'`)
    for (const deadline = Date.now() + 45000; count() !== '1'; await new Promise((r) => setTimeout(r, 200)))
      assert.ok(Date.now() < deadline, 'the queued record is sent when the network is back')
    // Applied once: one record with its photo, one audited creation; the phone's 待同步 list is empty again.
    const id = sqlite(`SELECT id FROM courier_records WHERE waybill_no = '${waybill}'`)
    await page.goto(`${BASE}/m/pending`)
    await page.waitForLoadState('networkidle')
    assert.equal(await byTestId(page, 'm-pending-item').count(), 0)
    assert.equal(count(), '1')
    assert.equal(sqlite(`SELECT count(*) FROM audit_log WHERE action = 'courier.record.create' AND object = 'courier_record:${id}'`), '1')
    assert.equal(sqlite(`SELECT count(*) FROM courier_record_photos p JOIN courier_records r ON r.id = p.record_id WHERE r.waybill_no = '${waybill}' AND p.kind = 'opened'`), '1')
  })
})
