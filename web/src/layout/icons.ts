// Icons that route meta may name (meta.icon).
import {
  Avatar,
  CircleCheck,
  Document,
  HomeFilled,
  Key,
  List,
  Lock,
  OfficeBuilding,
  Search,
  Setting,
  User,
  UserFilled,
} from '@element-plus/icons-vue'
import type { Component } from 'vue'

export const menuIcons: Record<string, Component> = {
  Avatar,
  CircleCheck,
  Document,
  HomeFilled,
  Key,
  List,
  Lock,
  OfficeBuilding,
  Search,
  Setting,
  User,
  UserFilled,
}
