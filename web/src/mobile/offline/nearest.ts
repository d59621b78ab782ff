// The standard addresses nearest a point, over the grid's addresses the phone keeps (picking an address by GPS or
// on the map without the network). The same rule as the server's /community/addresses/near (address_near.hpp):
// candidates are houses and buildings with a position; distance on a sphere of radius 6371 km (haversine), in
// metres; nearest first, ties by code.

export interface Point {
  longitude: number
  latitude: number
}

export interface PlacedAddress {
  address_id: string
  full_name: string
  level: string
  position?: Point
}

export interface NearAddress {
  address_id: string
  full_name: string
  level: string
  longitude: number
  latitude: number
  distance_m: number
}

const EARTH_M = 6_371_000
const rad = (d: number): number => (d * Math.PI) / 180

export function distanceMetres(a: Point, b: Point): number {
  const dLat = rad(b.latitude - a.latitude)
  const dLon = rad(b.longitude - a.longitude)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

// Houses and buildings with a position: the places a map can tell apart (units and rooms share their building's).
export function placed(list: PlacedAddress[]): (PlacedAddress & { position: Point })[] {
  return list.filter(
    (a): a is PlacedAddress & { position: Point } =>
      (a.level === 'house' || a.level === 'building') && !!a.position && Number.isFinite(a.position.longitude) && Number.isFinite(a.position.latitude),
  )
}

export function nearestAddresses(list: PlacedAddress[], at: Point, limit = 5, maxMetres = 500): NearAddress[] {
  const found: { a: PlacedAddress & { position: Point }; m: number }[] = []
  for (const a of placed(list)) {
    const m = distanceMetres(at, a.position)
    if (m <= maxMetres) found.push({ a, m })
  }
  found.sort((x, y) => x.m - y.m || (x.a.address_id < y.a.address_id ? -1 : x.a.address_id > y.a.address_id ? 1 : 0))
  return found.slice(0, limit).map(({ a, m }) => ({
    address_id: a.address_id,
    full_name: a.full_name,
    level: a.level,
    longitude: a.position.longitude,
    latitude: a.position.latitude,
    distance_m: Math.round(m),
  }))
}
