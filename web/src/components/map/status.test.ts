import { describe, expect, it } from 'vitest'
import { boundsOf, clusterStatus, countByStatus, featureStyle, STATUS_COLOURS, statusColour, UNKNOWN_COLOUR } from './status'

describe('map helpers', () => {
  it('colours markers by status, unknown statuses neutral', () => {
    expect(statusColour('online')).toBe(STATUS_COLOURS.online)
    expect(statusColour('offline')).toBe(STATUS_COLOURS.offline)
    expect(statusColour('disabled')).toBe(STATUS_COLOURS.disabled)
    expect(statusColour(undefined)).toBe(UNKNOWN_COLOUR)
    expect(statusColour('toString')).toBe(UNKNOWN_COLOUR)
  })

  it('styles the base map by feature kind', () => {
    expect(featureStyle('river').color).toBe(featureStyle('water').color)
    expect(featureStyle('road', 'national').weight).toBeGreaterThan(featureStyle('road', 'provincial').weight)
    expect(featureStyle('road', 'provincial').weight).toBeGreaterThan(featureStyle('road', 'county').weight)
    expect(featureStyle('township').fillOpacity).toBeGreaterThan(0)
    expect(featureStyle('something').color).toBe('#9e9e9e')
  })

  it('bounds only valid points', () => {
    expect(boundsOf([])).toBeNull()
    expect(boundsOf([{ lat: Number.NaN, lng: 104 }, { lat: 95, lng: 104 }])).toBeNull()
    expect(boundsOf([{ lat: 30.5, lng: 104.2 }, { lat: 30.7, lng: 104.0 }])).toEqual([[30.5, 104.0], [30.7, 104.2]])
  })

  it('counts checkpoints by status', () => {
    expect(countByStatus([{ status: 'online' }, { status: 'offline' }, { status: 'online' }, {}])).toEqual({
      online: 2,
      offline: 1,
      disabled: 0,
    })
  })

  it('colours a cluster by its most urgent member', () => {
    expect(clusterStatus(['online', 'offline', 'disabled'])).toBe('offline')
    expect(clusterStatus(['online', 'disabled'])).toBe('online')
    expect(clusterStatus(['disabled', 'disabled'])).toBe('disabled')
    expect(clusterStatus([undefined, undefined])).toBeUndefined()
  })
})
