// The base map and map settings, fetched once per page load and shared by every map on screen.
// invalidateMapCache() after the settings change (the devices page does it after saving).
import { checkpointApi, type BaseMapCollection, type MapSettings } from '@/api/checkpoint'

let baseMap: Promise<BaseMapCollection> | undefined
let settings: Promise<MapSettings> | undefined

export function loadBaseMap(): Promise<BaseMapCollection> {
  baseMap ??= checkpointApi.basemap().catch((e: unknown) => {
    baseMap = undefined
    throw e
  })
  return baseMap
}

export function loadMapSettings(): Promise<MapSettings> {
  settings ??= checkpointApi.mapSettings().catch((e: unknown) => {
    settings = undefined
    throw e
  })
  return settings
}

export function invalidateMapCache(): void {
  baseMap = undefined
  settings = undefined
}
