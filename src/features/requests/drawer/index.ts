// Integration seam between the table (issue 3) and the drawer (issue 4); the drawer work replaces this.
export function RequestDrawer(_props: { requestId: number | null }): null {
  return null;
}
