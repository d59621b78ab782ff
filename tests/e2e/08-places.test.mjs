// Houses and units in the browser (issue 14, ADR 0033): the officer of 城关派出所 registers a rented house at an
// address found by matching free text, with a photo (uploaded through the shared PhotoUpload component), finds it
// in the list, opens it, sees the photo served back, records a rental check; then the units page lists units of
// every kind with masked phones.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { byTestId, gotoApp, inputOf, login, openBrowser, shot, sqlite } from './lib.mjs'

const PHOTO = join(import.meta.dirname, '..', '..', 'src', 'media', 'testdata', 'exif_gps.jpg')

describe('houses and units: register a house with a photo, check it, browse units', () => {
  let b
  before(async () => {
    b = await openBrowser()
  })
  after(async () => {
    if (b?.problems.length) console.log(`# browser notes (officer):\n#   ${b.problems.join('\n#   ')}`)
    await b?.close()
  })

  it('registers a rented house with a photo at a matched address and records a check', async () => {
    const { page } = b
    const [code, fullName] = sqlite("SELECT code, full_name FROM community_addresses a WHERE level = 'room' AND "
      + 'NOT EXISTS (SELECT 1 FROM community_houses h WHERE h.address_code = a.code) ORDER BY code LIMIT 1').split('|')
    await login(page, 'officer')
    await page.waitForURL((u) => u.pathname !== '/login')
    await gotoApp(page, '/community/houses')
    await byTestId(page, 'houses-table').locator('tr.el-table__row').first().waitFor()
    await shot(page, 'houses-list')

    await byTestId(page, 'house-create').click()
    const address = inputOf(page, 'house-address')
    await address.fill(fullName.replace('示范县', ''))  // as an officer types it
    await page.locator('.el-autocomplete-suggestion li', { hasText: fullName }).first().click()
    await page.getByText(code).first().waitFor()  // the pick has reached the form
    await page.locator('.el-autocomplete-suggestion:visible').waitFor({ state: 'detached', timeout: 5000 })
      .catch(() => address.press('Escape'))  // a late answer reopened the list: close it as a user would
    await byTestId(page, 'house-use').locator('label', { hasText: '出租' }).click()
    const uploaded = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/media' && r.status() === 201)
    await byTestId(page, 'house-photo').locator('input[type=file]').setInputFiles(PHOTO)
    await uploaded
    await byTestId(page, 'house-photo').locator('img').waitFor()
    await shot(page, 'houses-form')
    await byTestId(page, 'house-form-submit').click()
    await byTestId(page, 'house-form').waitFor({ state: 'hidden' })
    const stored = sqlite(`SELECT use, photo_media_id IS NOT NULL FROM community_houses WHERE address_code = '${code}'`)
    assert.equal(stored, 'rented|1')

    await inputOf(page, 'houses-q').fill(fullName.slice(-12))
    await inputOf(page, 'houses-q').press('Enter')
    await byTestId(page, 'houses-table').locator('a', { hasText: fullName }).click()
    const drawer = byTestId(page, 'house-drawer')
    await drawer.locator('img').first().waitFor()
    const natural = await drawer.locator('img').first().evaluate((img) => img.naturalWidth)
    assert.equal(natural, 64, 'the photo is served back')
    await byTestId(page, 'check-add').click()
    await drawer.locator('.el-table', { hasText: '正常' }).last().waitFor()
    await shot(page, 'houses-drawer')
    assert.ok(Number(sqlite(`SELECT COUNT(*) FROM community_house_checks c JOIN community_houses h ON h.id = c.house_id
      WHERE h.address_code = '${code}'`)) === 1)
  })

  it('lists units with masked phones and their kinds', async () => {
    const { page } = b
    await gotoApp(page, '/community/orgs')
    const rows = byTestId(page, 'orgs-table').locator('tr.el-table__row')
    await rows.first().waitFor()
    const text = await rows.first().innerText()
    assert.match(text, /\*{4}/)
    await shot(page, 'orgs-list')
  })
})
