// Permission codes of the cases module (src/modules/cases/permissions.csv), used by the routes and to show or
// hide buttons. The server checks them again on every request.
export const PERM = {
  read: 'case.read',
  create: 'case.create',
  write: 'case.write',
  act: 'case.act',
  personRead: 'case.person.read',
  review: 'case.review',
  supervisionRead: 'supervision.read',
  dashboard: 'supervision.dashboard',
  scores: 'supervision.scores',
} as const
