// el-menu needs literal colours (it derives hover shades from them); keep in step with styles/index.css.
export const menuTheme = {
  background: '#0b2452',
  text: '#c3d0e8',
  activeText: '#ffffff',
}
