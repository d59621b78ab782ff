// Ends the session and goes to the login page. The server's answer does not change where the user goes: a
// session that is already gone (expired, revoked) is as ended as one the server just closed.
import { useRouter } from 'vue-router'
import { useSessionStore } from '@/store/modules/session'

export function useLogout(): () => Promise<void> {
  const session = useSessionStore()
  const router = useRouter()
  return async () => {
    await session.logout().catch(() => undefined)
    await router.replace({ name: 'login' })
  }
}
