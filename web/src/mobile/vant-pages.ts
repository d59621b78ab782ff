// The rest of the phone kit (ADR 0064): every component the pages after the login use, with its CSS (the icon font
// among them), loaded by vant.ts restOfKit() once the login form shows. A page that needs another component adds
// it here (name and style together).
import type { App } from 'vue'
import {
  Badge,
  Checkbox,
  DatePicker,
  Empty,
  Grid,
  GridItem,
  Icon,
  NavBar,
  Picker,
  Popup,
  PullRefresh,
  Radio,
  RadioGroup,
  Search,
  Switch,
  Tabbar,
  TabbarItem,
  Tab,
  Tabs,
  Tag,
  Uploader,
} from 'vant'
import 'vant/es/badge/style/index'
import 'vant/es/checkbox/style/index'
import 'vant/es/date-picker/style/index'
import 'vant/es/empty/style/index'
import 'vant/es/grid/style/index'
import 'vant/es/grid-item/style/index'
import 'vant/es/icon/style/index'
import 'vant/es/nav-bar/style/index'
import 'vant/es/picker/style/index'
import 'vant/es/popup/style/index'
import 'vant/es/pull-refresh/style/index'
import 'vant/es/radio/style/index'
import 'vant/es/radio-group/style/index'
import 'vant/es/search/style/index'
import 'vant/es/switch/style/index'
import 'vant/es/tabbar/style/index'
import 'vant/es/tabbar-item/style/index'
import 'vant/es/tab/style/index'
import 'vant/es/tabs/style/index'
import 'vant/es/tag/style/index'
import 'vant/es/uploader/style/index'
// the function-style ones (showToast, showDialog, showNotify) bring their component's CSS this way
import 'vant/es/toast/style/index'
import 'vant/es/dialog/style/index'
import 'vant/es/notify/style/index'

const components = [
  Badge,
  Checkbox,
  DatePicker,
  Empty,
  Grid,
  GridItem,
  Icon,
  NavBar,
  Picker,
  Popup,
  PullRefresh,
  Radio,
  RadioGroup,
  Search,
  Switch,
  Tabbar,
  TabbarItem,
  Tab,
  Tabs,
  Tag,
  Uploader,
]

export function installPageKit(app: App): void {
  for (const c of components) app.use(c)
}
