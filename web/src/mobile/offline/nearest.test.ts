import { describe, expect, it } from 'vitest'
import { distanceMetres, nearestAddresses, type PlacedAddress } from './nearest'

// A few addresses around 城关镇 (104.0°E, 30.0°N): at that latitude 0.001° of latitude ≈ 111.2 m and 0.001° of
// longitude ≈ 96.3 m (111.2 km × cos 30°).
const at = { longitude: 104.0, latitude: 30.0 }
const list: PlacedAddress[] = [
  { address_id: 'H1', full_name: '解放路1号', level: 'house', position: { longitude: 104.0, latitude: 30.001 } },
  { address_id: 'H2', full_name: '解放路2号', level: 'house', position: { longitude: 104.002, latitude: 30.0 } },
  { address_id: 'B1', full_name: '解放路1号1栋', level: 'building', position: { longitude: 104.0, latitude: 30.0005 } },
  { address_id: 'R1', full_name: '解放路1号1栋1单元101室', level: 'room', position: { longitude: 104.0, latitude: 30.0 } },
  { address_id: 'H3', full_name: '解放路3号（无坐标）', level: 'house' },
  { address_id: 'H9', full_name: '远处9号', level: 'house', position: { longitude: 104.01, latitude: 30.0 } },
]

describe('distanceMetres', () => {
  it('is the great-circle distance: 0.001° of latitude ≈ 111.2 m, of longitude at 30°N ≈ 96.3 m', () => {
    expect(distanceMetres(at, { longitude: 104.0, latitude: 30.001 })).toBeCloseTo(111.19, 1)
    expect(distanceMetres(at, { longitude: 104.001, latitude: 30.0 })).toBeCloseTo(96.29, 1)
    expect(distanceMetres(at, at)).toBe(0)
  })
})

describe('nearestAddresses', () => {
  it('lists houses and buildings with a position, nearest first, with the distance in whole metres', () => {
    const r = nearestAddresses(list, at)
    expect(r.map((a) => a.address_id)).toEqual(['B1', 'H1', 'H2'])
    expect(r.map((a) => a.distance_m)).toEqual([56, 111, 193])
  })
  it('leaves out rooms (they share their building’s point), addresses without a position and those beyond the radius', () => {
    const ids = nearestAddresses(list, at, 10, 1000).map((a) => a.address_id)
    expect(ids).not.toContain('R1')
    expect(ids).not.toContain('H3')
    expect(ids).toContain('H9') // 963 m
    expect(nearestAddresses(list, at, 10, 900).map((a) => a.address_id)).not.toContain('H9')
  })
  it('keeps at most `limit` and breaks ties by code', () => {
    const twins: PlacedAddress[] = [
      { address_id: 'Z', full_name: 'z', level: 'house', position: { longitude: 104.001, latitude: 30.0 } },
      { address_id: 'A', full_name: 'a', level: 'house', position: { longitude: 104.001, latitude: 30.0 } },
    ]
    expect(nearestAddresses(twins, at, 1).map((a) => a.address_id)).toEqual(['A'])
  })
  it('finds nothing in an empty list or far from every address', () => {
    expect(nearestAddresses([], at)).toEqual([])
    expect(nearestAddresses(list, { longitude: 110, latitude: 35 })).toEqual([])
  })
})
