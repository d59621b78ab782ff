// Opening the phone's store for a logged-in user, and what it refreshes in the background while online (ADR 0053).
// A module of its own, loaded by the router once somebody is logged in: the store, its encryption and the queue
// are not part of the login page's first load (ADR 0064).
import { useSessionStore } from '@/store/modules/session'
import { myGrid, myTasks } from '../api'
import { keep, loadGridAddresses, loadGridMap } from './cache'
import { openStore, setBackgroundRefresh } from './lifecycle'

// While online, every half minute and when the network returns: the user's open tasks, their grid and its
// addresses and map (ADR 0073) are fetched again into the phone's sealed store, so they are there when the network is not. A grid
// member (field.offline without field.check) keeps the same: their tasks and their grid's addresses — no people,
// no watch list (ADR 0064).
setBackgroundRefresh(async (userId) => {
  const session = useSessionStore()
  const user = session.user
  const [tasks, grid] = await Promise.all([myTasks('open'), user ? myGrid(userId, user.unit_id) : Promise.resolve(null)])
  await keep('tasks', tasks)
  await keep('grid', grid)
  // The grid's officer has it from the grid figures; a grid member or auxiliary by the team they are on.
  await Promise.all([loadGridAddresses(grid?.code), loadGridMap(grid?.code)])
  // (loaded lazily: the SM3 code is not part of the first load)
  if (session.can('personwatch.offline')) await (await import('./watchlist')).loadOfflineList()
})

export { openStore }
