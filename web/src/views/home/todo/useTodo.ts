// The reader's to-do counts, shared by the header badge, the home card and the to-do page; refreshed when a page
// asks (after work is done) and every minute while a page is open.
import { ref } from 'vue'
import { getTodo, type Todo } from '@/api/todo'

const todo = ref<Todo>({ items: [], total: 0 })
const loaded = ref(false)

export async function refreshTodo(): Promise<void> {
  try {
    todo.value = await getTodo()
  } catch {
    todo.value = { items: [], total: 0 } // logged out, or nothing this account can have
  }
  loaded.value = true
}

export function useTodo() {
  return { todo, loaded, refresh: refreshTodo }
}
