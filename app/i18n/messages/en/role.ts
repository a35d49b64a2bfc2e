export const en = {
  'role.admin': 'Admin',
  'role.analyst': 'Analyst',
  'role.viewer': 'Viewer',
}
