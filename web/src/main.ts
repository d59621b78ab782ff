import { createApp } from 'vue'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import './styles/index.css'
import App from './App.vue'
import { pinia } from './store'
import { i18n } from './locales'
import { router } from './router'
import { installGuards } from './router/install'

const app = createApp(App)
app.use(pinia)
app.use(i18n)
app.use(ElementPlus)
installGuards(router)
app.use(router)
app.mount('#app')
