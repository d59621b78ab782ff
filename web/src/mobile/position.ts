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
