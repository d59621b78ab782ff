// The phone's position for the actions that record one (a check, a task report), or null when the officer
// declines, the phone has none, or it takes too long: the action never waits on it for more than a moment.
export function currentPosition(timeoutMs = 3000): Promise<{ longitude: number; latitude: number } | null> {
  if (!('geolocation' in navigator)) return Promise.resolve(null)
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs + 200)
    navigator.geolocation.getCurrentPosition(
      (p) => {
        clearTimeout(timer)
        resolve({ longitude: p.coords.longitude, latitude: p.coords.latitude })
      },
      () => {
        clearTimeout(timer)
        resolve(null)
      },
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 60_000 },
    )
  })
}

export type LocateFailure = 'denied' | 'timeout' | 'unavailable'

// The phone's position for picking an address (the officer asked for it: 「定位」), with its accuracy in metres;
// rejects with the reason a message can name: denied (no permission), timeout, unavailable (no fix, no GPS).
export function locate(timeoutMs = 10_000): Promise<{ longitude: number; latitude: number; accuracy: number }> {
  if (!('geolocation' in navigator)) return Promise.reject<never>('unavailable' satisfies LocateFailure)
  return new Promise((resolve, reject) => {
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ longitude: p.coords.longitude, latitude: p.coords.latitude, accuracy: p.coords.accuracy }),
      (e) => reject((e.code === e.PERMISSION_DENIED ? 'denied' : e.code === e.TIMEOUT ? 'timeout' : 'unavailable') satisfies LocateFailure),
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 10_000 },
    )
  })
}
