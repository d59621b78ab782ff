// Icons that route meta may name (meta.icon).
import {
  Avatar,
  Briefcase,
  CircleCheck,
  Document,
  HomeFilled,
  Key,
  List,
  Lock,
  OfficeBuilding,
  Search,
  Setting,
  Stamp,
  User,
  UserFilled,
} from '@element-plus/icons-vue'
import type { Component } from 'vue'

export const menuIcons: Record<string, Component> = {
  Avatar,
  Briefcase,
  CircleCheck,
  Document,
  HomeFilled,
  Key,
  List,
  Lock,
  OfficeBuilding,
  Search,
  Setting,
  Stamp,
  User,
  UserFilled,
}
