/** The slice of rows to render: those in the viewport plus `overscan` on each side, clamped to the rows there are. */
export function visibleWindow(scrollTop: number, viewportHeight: number, rowHeight: number, rowCount: number, overscan: number): { start: number; end: number } {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const inView = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const start = Math.max(0, Math.min(rowCount, first - overscan));
  const end = Math.max(start, Math.min(rowCount, first + inView + overscan));
  return { start, end };
}
